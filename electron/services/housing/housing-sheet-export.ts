/** The housing-repair ledger as a sheet in the import format (so an export imports again), and its template. */
import type { MethodOutput } from '../../../shared/contract/index.js';
import type { RepairDraft } from '../../../shared/contract/housing.js';
import { formatYuan } from '../../../shared/domain/money.js';
import { housingStage } from '../../../shared/domain/housing/housing-stage.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { writeCsv, writeXlsx, type Cell } from '../../sheets/write-sheet.js';
import type { ServiceContext } from '../context.js';
import { draftOf, REPAIR_SELECT, type RepairRecord } from './housing-mapping.js';
import { housingSheetColumns, type HousingColumn } from './housing-sheet.js';

type Download = MethodOutput<'export/sheet'>;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type SheetFacts = RepairDraft & { headName: string | null; villageName: string };

function cellOf(column: HousingColumn, r: SheetFacts): Cell {
  if (column.key === 'stage') return zhCN.housing.stage[housingStage(r)];
  const value = r[column.key];
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'money': return formatYuan(Number(value));
    case 'boolean': return value ? '是' : '否';
    case 'grade': return String(value);
    case 'mode': return zhCN.housing.mode[value as RepairDraft['repairMode'] & string];
    case 'acceptance': return zhCN.housing.acceptance[value as RepairDraft['acceptanceResult'] & string];
    default: return typeof value === 'number' ? value : String(value);
  }
}

async function sheetFile(name: string, rows: Cell[][], format: 'xlsx' | 'csv'): Promise<Download> {
  const headers = housingSheetColumns.map((c) => c.header);
  if (format === 'csv') return { fileName: `${name}.csv`, mimeType: 'text/csv', contentBase64: writeCsv(headers, rows).toString('base64') };
  const content = await writeXlsx('危房改造台账', headers, rows, {
    // Dates as text too: Excel would turn 2020-03-01 into its own date format.
    textColumns: housingSheetColumns.flatMap((c, i) => (c.textFormat || c.kind === 'date' ? [i] : [])),
    columnWidths: housingSheetColumns.map((c) => c.width ?? 12),
  });
  return { fileName: `${name}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}

export async function exportHousingSheet(ctx: ServiceContext, format: 'xlsx' | 'csv'): Promise<Download> {
  const records = await ctx.db.all<RepairRecord>(`${REPAIR_SELECT} WHERE r.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY h.village_code, h.household_no`);
  const rows = records.map((r) => {
    const facts: SheetFacts = { ...draftOf(r), headName: r.head_name, villageName: r.village_name };
    return housingSheetColumns.map((c) => cellOf(c, facts));
  });
  return sheetFile(`危房改造台账-${ctx.now().toISOString().slice(0, 10)}`, rows, format);
}

export async function housingTemplate(): Promise<Download> {
  const example: Record<string, string> = {
    householdNo: '3715021000010001', appraisalDate: '2020-03-01', appraisalOrg: '示例建筑设计院', safetyGrade: 'D', repairMode: '拆除重建',
    planYear: '2020', subsidyCentralFen: '14000.00', subsidyProvincialFen: '3000.00', subsidyCityFen: '1000.00', subsidyCountyFen: '500.00',
    selfRaisedFen: '200.00', publicityVillageDate: '2020-03-05', publicityTownshipDate: '2020-03-10', publicityCountyDate: '2020-03-15',
    startDate: '2020-04-01', completionDate: '2020-06-01', acceptanceDate: '2020-06-10', acceptanceResult: '合格',
    disbursementDate: '2020-07-01', platePosted: '是', archiveNo: 'WG-2020-001', furnitureItems: '橱子、桌子、床', furnitureCostFen: '768.00',
  };
  return sheetFile('危房改造导入模板', [housingSheetColumns.map((c) => (c.exportOnly ? null : example[c.key] ?? null))], 'xlsx');
}
