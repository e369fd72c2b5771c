/** The drinking-water ledgers as sheets in the import format (plus their results), and the templates. */
import type { MethodOutput } from '../../../shared/contract/index.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { waterParameters } from '../../../shared/domain/water/vocabulary.js';
import { writeCsv, writeXlsx, type Cell } from '../../sheets/write-sheet.js';
import type { ServiceContext } from '../context.js';
import type { WaterSheetKind } from './water-import.js';
import { ASSESSMENT_SELECT, TEST_SELECT, toAssessment, toTest, type AssessmentRecord, type TestRecord } from './water-mapping.js';
import { assessmentColumns, testColumns, type WaterColumn } from './water-sheets.js';
import type { Assessment, WaterTest } from '../../../shared/contract/water.js';

type Download = MethodOutput<'export/sheet'>;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const w = zhCN.ui.water;
const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? '是' : '否');
const passFail = (b: boolean) => (b ? w.pass : w.fail);

/** 浑浊度 1.8，超过上限 1，超出 0.8 — the failure as the clerk reads it. */
export function failureText(f: WaterTest['failures'][number]): string {
  return zhCN.issue[`water.failure.${f.bound}`].replace('{{parameter}}', w.parameter[f.parameter]).replace('{{value}}', f.value)
    .replace('{{limit}}', f.limit).replace('{{excess}}', f.excess);
}

function supplyCell(name: string | null, villageName: string): string | null {
  return name === null ? null : `${villageName}/${name}`;
}

function assessmentCells(a: Assessment, supplyVillage: Map<string, string>): Record<string, Cell> {
  return {
    householdNo: a.householdNo, headName: a.headName, villageName: a.villageName, assessedOn: a.assessedOn, supplyType: w.supplyType[a.supplyType],
    supplyId: a.supplyId ? supplyCell(a.supplyName, supplyVillage.get(a.supplyId) ?? '') : null, tapInHome: yesNo(a.tapInHome),
    waterScarceArea: yesNo(a.waterScarceArea), litresPerPersonDay: a.litresPerPersonDay, tripMinutes: a.tripMinutes,
    horizontalMetres: a.horizontalMetres, verticalMetres: a.verticalMetres, shortageDays: a.shortageDays,
    onsiteCheck: a.onsiteCheck ? w.onsite[a.onsiteCheck] : null, assessor: a.assessor, note: a.note,
    quantityResult: passFail(a.results.quantity), qualityResult: passFail(a.results.quality), convenienceResult: passFail(a.results.convenience),
    reliabilityResult: passFail(a.results.reliability), passedResult: passFail(a.passed), needsReassessment: yesNo(a.needsReassessment),
  };
}

function testCells(t: WaterTest): Record<string, Cell> {
  const values = new Map(t.values.map((v) => [v.parameter, v.value]));
  return {
    supplyId: supplyCell(t.supplyName, t.villageName), villageName: t.villageName, sampledOn: t.sampledOn, testKind: w.testKind[t.testKind],
    lab: t.lab, labCma: yesNo(t.labCma), testPlace: w.testPlace[t.testPlace], placeNote: t.placeNote,
    ...Object.fromEntries(waterParameters.map((p) => [`value:${p}`, values.get(p) ?? null])),
    note: t.note, passedResult: t.passed ? w.passed : w.failed, failuresText: t.failures.map(failureText).join('；'),
  };
}

async function sheetFile(name: string, columns: readonly WaterColumn[], rows: Record<string, Cell>[], format: 'xlsx' | 'csv'): Promise<Download> {
  const headers = columns.map((c) => c.header);
  const matrix = rows.map((r) => columns.map((c) => r[c.key] ?? null));
  if (format === 'csv') return { fileName: `${name}.csv`, mimeType: 'text/csv', contentBase64: writeCsv(headers, matrix).toString('base64') };
  const content = await writeXlsx(name.replace(/-.*$/, ''), headers, matrix, {
    textColumns: columns.flatMap((c, i) => (c.textFormat || c.kind === 'measured' ? [i] : [])),
    columnWidths: columns.map((c) => c.width ?? 12),
  });
  return { fileName: `${name}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}

export async function exportWaterSheet(ctx: ServiceContext, kind: WaterSheetKind, format: 'xlsx' | 'csv'): Promise<Download> {
  const stamp = ctx.now().toISOString().slice(0, 10);
  if (kind === 'water-assessment') {
    const rows = await ctx.db.all<AssessmentRecord>(`${ASSESSMENT_SELECT} WHERE a.deleted_at IS NULL ORDER BY a.year, h.village_code, h.household_no`);
    const villages = await ctx.db.all<{ id: string; village_name: string }>(
      'SELECT s.id, COALESCE(v.name, s.village_code) AS village_name FROM water_supply s LEFT JOIN village v ON v.code = s.village_code',
    );
    const supplyVillage = new Map(villages.map((v) => [v.id, v.village_name]));
    return sheetFile(`饮水安全入户评价-${stamp}`, assessmentColumns, rows.map((r) => assessmentCells(toAssessment(r), supplyVillage)), format);
  }
  const rows = await ctx.db.all<TestRecord>(`${TEST_SELECT} WHERE t.deleted_at IS NULL ORDER BY t.sampled_on, s.village_code, s.name`);
  return sheetFile(`水质检测-${stamp}`, testColumns, rows.map((r) => testCells(toTest(r))), format);
}

/** The importable headers with one example row. */
export async function waterTemplate(kind: WaterSheetKind): Promise<Download> {
  if (kind === 'water-assessment') {
    const columns = assessmentColumns.filter((c) => !c.exportOnly);
    const example: Record<string, Cell> = {
      householdNo: '3715021000010001', assessedOn: '2021-05-10', supplyType: '集中供水', supplyId: '示例村/示例水厂', tapInHome: '是',
      waterScarceArea: '否', litresPerPersonDay: 60, shortageDays: 0, assessor: '王评价',
    };
    return sheetFile('饮水安全入户评价导入模板', columns, [example], 'xlsx');
  }
  const columns = testColumns.filter((c) => !c.exportOnly);
  const example: Record<string, Cell> = {
    supplyId: '示例村/示例水厂', sampledOn: '2021-05-01', testKind: '月检', lab: '县疾控中心', labCma: '是', testPlace: '水厂（出厂水）',
    'value:total_coliforms': '未检出', 'value:e_coli': '未检出', 'value:turbidity': '0.5', 'value:ph': '7.2', 'value:free_chlorine': '0.3',
  };
  return sheetFile('水质检测导入模板', columns, [example], 'xlsx');
}
