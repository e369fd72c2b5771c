/** The yearly water report as an .xlsx workbook: summary, villages, households still failing. */
import ExcelJS from 'exceljs';
import type { MethodOutput } from '../../../shared/contract/index.js';
import type { WaterReport } from '../../../shared/contract/water.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { passRatePercent } from '../../../shared/domain/water/rates.js';
import { indicators } from '../../../shared/domain/water/vocabulary.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const w = zhCN.ui.water;
const rate = (passed: number, total: number) => {
  const percent = passRatePercent(passed, total);
  return percent === null ? '—' : `${percent}%`;
};

function addSheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number)[][]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.max(10, header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
}

export function waterReportRows(report: WaterReport) {
  const a = report.assessments;
  const summary: (string | number)[][] = [
    [w.report.households, a.total, ''],
    [w.report.passedHouseholds, a.passed, rate(a.passed, a.total)],
    ...indicators.map((i) => [w.indicator[i], a.indicators[i], rate(a.indicators[i], a.total)]),
    [w.needsReassessment, a.needsReassessment, ''],
    [w.report.testCount, report.tests.total, ''],
    [w.report.qualityRate, report.tests.passed, rate(report.tests.passed, report.tests.total)],
    ...report.tests.byKind.map((k) => [`${w.testKind[k.testKind]}（${w.report.testPassed}/${w.report.testCount}）`, `${k.passed}/${k.total}`, rate(k.passed, k.total)]),
  ];
  const villages = report.villages.map((v) => [
    v.villageName, v.total, v.passed, rate(v.passed, v.total), ...indicators.map((i) => rate(v[i], v.total)),
  ]);
  const failing = report.failing.map((f) => [
    f.villageName, f.householdNo, f.headName ?? '', f.failing.map((i) => w.indicator[i]).join('、'), f.needsReassessment ? w.yes : w.no,
  ]);
  return { summary, villages, failing };
}

export async function waterReportWorkbook(report: WaterReport): Promise<MethodOutput<'reports/waterExport'>> {
  const rows = waterReportRows(report);
  const book = new ExcelJS.Workbook();
  addSheet(book, w.report.sheetSummary, ['', String(report.year), w.report.rate], rows.summary);
  addSheet(book, w.report.sheetVillages, [w.village, w.report.households, w.report.passedHouseholds, w.report.rate, ...indicators.map((i) => w.indicator[i])], rows.villages);
  addSheet(book, w.report.sheetFailing, [w.village, w.householdNo, w.headName, w.report.failingIndicators, w.needsReassessment], rows.failing);
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `饮水安全统计-${report.year}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}
