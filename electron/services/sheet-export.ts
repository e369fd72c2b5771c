/** The register as a sheet in the import format, so an export can be imported again. */
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import type { SheetKind } from '../../shared/contract/transfer.js';
import { writeCsv, writeXlsx } from '../sheets/write-sheet.js';
import type { ServiceContext } from './context.js';
import { personSheetColumns, type SheetColumn } from './person-sheet.js';
import { booleanLabel, enumLabel } from './sheet-cells.js';
import { exportWaterSheet, waterTemplate } from './water/water-export.js';
import { exportHousingSheet, housingTemplate } from './housing/housing-sheet-export.js';
import { exportSchoolSheet, schoolTemplate } from './school/school-sheet-export.js';
import { exportMedicalSheet, medicalTemplate } from './medical/medical-sheet-export.js';

type Download = MethodOutput<'export/sheet'>;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ExportRow {
  [column: string]: string | number | null;
}

const SOURCE: Record<string, string> = {
  householdNo: 'h.household_no', villageCode: "COALESCE(v.name, h.village_code)", status: 'h.status', exitYear: 'h.exit_year',
  cause: 'h.cause', dibao: 'h.dibao', tekun: 'h.tekun', helperName: 'h.helper_name', helperUnit: 'h.helper_unit',
  helperPhone: 'h.helper_phone', bankAccount: 'h.bank_account', address: 'h.address', name: 'p.name', idNumber: 'p.id_number',
  relation: 'p.relation', health: 'p.health', disabilityType: 'p.disability_type', disabilityGrade: 'p.disability_grade',
  laborAbility: 'p.labor_ability', schoolStatus: 'p.school_status', insured: 'p.insured', phone: 'p.phone', removalReason: 'p.removal_reason',
};

function cellText(column: SheetColumn, value: string | number | null): string | number | null {
  if (value === null) return null;
  if (column.enumName) return enumLabel(column.enumName, String(value));
  if (column.kind === 'boolean') return booleanLabel(value === 1);
  return value;
}

async function personRows(ctx: ServiceContext): Promise<(string | number | null)[][]> {
  const select = personSheetColumns.map((c) => `${SOURCE[c.key]} AS "${c.key}"`).join(', ');
  const rows = await ctx.db.all<ExportRow>(
    `SELECT ${select} FROM person p JOIN household h ON h.id = p.household_id LEFT JOIN village v ON v.code = h.village_code
     WHERE p.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY h.village_code, h.household_no, p.position, p.created_at`,
  );
  return rows.map((row) => personSheetColumns.map((c) => cellText(c, row[c.key] ?? null)));
}

async function sheetFile(name: string, rows: (string | number | null)[][], format: 'xlsx' | 'csv'): Promise<Download> {
  const headers = personSheetColumns.map((c) => c.header);
  if (format === 'csv') {
    return { fileName: `${name}.csv`, mimeType: 'text/csv', contentBase64: writeCsv(headers, rows).toString('base64') };
  }
  const content = await writeXlsx('户籍台账', headers, rows, {
    textColumns: personSheetColumns.flatMap((c, i) => (c.textFormat ? [i] : [])),
    columnWidths: personSheetColumns.map((c) => c.width ?? 12),
  });
  return { fileName: `${name}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}

export async function exportSheet(ctx: ServiceContext, input: MethodArgs<'export/sheet'>): Promise<Download> {
  if (input.kind === 'housing') return exportHousingSheet(ctx, input.format);
  if (input.kind === 'school') return exportSchoolSheet(ctx, input.format);
  if (input.kind === 'medical') return exportMedicalSheet(ctx, input.format);
  if (input.kind === 'water-assessment' || input.kind === 'water-test') return exportWaterSheet(ctx, input.kind, input.format);
  const stamp = ctx.now().toISOString().slice(0, 10);
  return sheetFile(`户籍台账-${stamp}`, await personRows(ctx), input.format);
}

/** An empty sheet with the recognised headers and one example row. */
export async function sheetTemplate(kind: SheetKind): Promise<Download> {
  if (kind === 'housing') return housingTemplate();
  if (kind === 'school') return schoolTemplate();
  if (kind === 'medical') return medicalTemplate();
  if (kind === 'water-assessment' || kind === 'water-test') return waterTemplate(kind);
  const example: Record<string, string> = {
    householdNo: '3715021000010001', villageCode: '示例村', status: '建档立卡贫困户', exitYear: '2019', cause: '因病',
    dibao: '是', tekun: '否', helperName: '王帮扶', helperUnit: '镇政府', helperPhone: '13800000000', name: '张三',
    idNumber: '11010519491231002X', relation: '户主', health: '长期慢性病', insured: '是', phone: '13900000000',
  };
  return sheetFile('户籍台账导入模板', [personSheetColumns.map((c) => example[c.key] ?? null)], 'xlsx');
}

export async function personsToFile(ctx: ServiceContext, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const file = await exportSheet(ctx, { kind: 'persons', format });
  return Buffer.from(file.contentBase64, 'base64');
}
