/** The school-aid ledger as a sheet in the import format (.xlsx or CSV), and its template. */
import type { MethodOutput } from '../../../shared/contract/index.js';
import type { FieldIssue } from '../../../shared/domain/issue.js';
import { formatYuan } from '../../../shared/domain/money.js';
import { describeIssue } from '../../../shared/i18n/translate.js';
import { chineseTranslator } from '../../i18n.js';
import { writeCsv, writeXlsx, type Cell } from '../../sheets/write-sheet.js';
import type { ServiceContext } from '../context.js';
import { booleanLabel, enumLabel } from '../sheet-cells.js';
import { SCHOOL_AID_ROW_SQL, toSchoolAid, type SchoolAidRecord } from './school-aid-mapping.js';
import { schoolSheetColumns } from './school-sheet.js';

type Download = MethodOutput<'export/sheet'>;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheetFile(name: string, rows: Cell[][], format: 'xlsx' | 'csv'): Promise<Download> {
  const headers = schoolSheetColumns.map((c) => c.header);
  if (format === 'csv') return { fileName: `${name}.csv`, mimeType: 'text/csv', contentBase64: writeCsv(headers, rows).toString('base64') };
  const content = await writeXlsx('教育资助', headers, rows, {
    textColumns: schoolSheetColumns.flatMap((c, i) => (c.textFormat ? [i] : [])),
    columnWidths: schoolSheetColumns.map((c) => c.width),
  });
  return { fileName: `${name}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}

export async function exportSchoolSheet(ctx: ServiceContext, format: 'xlsx' | 'csv'): Promise<Download> {
  const t = await chineseTranslator();
  const records = await ctx.db.all<SchoolAidRecord>(
    `${SCHOOL_AID_ROW_SQL} WHERE a.deleted_at IS NULL ORDER BY a.aid_year, h.village_code, h.household_no, p.name, a.school_year, a.term, a.item`,
  );
  const rows = records.map((r) => {
    const a = toSchoolAid(r);
    const cells: Record<string, Cell> = {
      personName: a.personName, idNumber: a.idNumber, schoolYear: a.schoolYear, schoolTerm: enumLabel('schoolTerm', a.schoolTerm),
      schoolStage: enumLabel('schoolStage', a.schoolStage), schoolName: a.schoolName, aidItem: enumLabel('schoolAidItem', a.aidItem),
      amount: formatYuan(a.amountFen), paidDate: a.paidDate, outOfProvince: booleanLabel(a.outOfProvince), note: a.note,
      householdNo: a.householdNo, villageName: a.villageName, reviewState: t.t(`enum.reviewState.${a.reviewState}`),
      warnings: a.warnings.map((w: FieldIssue) => describeIssue(t.t, w)).join('；') || null,
    };
    return schoolSheetColumns.map((c) => cells[c.key] ?? null);
  });
  return sheetFile(`教育资助台账-${ctx.now().toISOString().slice(0, 10)}`, rows, format);
}

/** The headers with one example row (an ID number of the example family in docs/IMPORT-FORMATS.md). */
export async function schoolTemplate(): Promise<Download> {
  const example: Record<string, string> = {
    personName: '张小明', idNumber: '371502201205010313', schoolYear: '2020-2021', schoolTerm: '秋季', schoolStage: '小学',
    schoolName: '示例镇中心小学', aidItem: '生活补助', amount: '500.00', paidDate: '2020-10-20', outOfProvince: '否', note: '',
  };
  return sheetFile('教育资助导入模板', [schoolSheetColumns.map((c) => example[c.key] ?? null)], 'xlsx');
}
