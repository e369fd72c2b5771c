/** The yearly school-aid report as an .xlsx: the printed table, with fixed Chinese headers. */
import type { SchoolReport } from '../../../shared/contract/school.js';
import { formatYuan } from '../../../shared/domain/money.js';
import { writeXlsx, type Cell } from '../../sheets/write-sheet.js';
import { enumLabel } from '../sheet-cells.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const REPORT_HEADERS = ['学段', '资助项目', '人次', '人数', '金额（元）', '其中外省就读人次', '其中外省就读金额（元）'];

export function reportRows(report: SchoolReport): Cell[][] {
  const rows: Cell[][] = [];
  for (const stage of report.byStage) {
    for (const l of report.lines.filter((x) => x.stage === stage.stage)) {
      rows.push([enumLabel('schoolStage', l.stage), enumLabel('schoolAidItem', l.item), l.count, l.persons, formatYuan(l.amountFen), l.outOfProvinceCount, formatYuan(l.outOfProvinceAmountFen)]);
    }
    rows.push([`${enumLabel('schoolStage', stage.stage)} 小计`, '', stage.count, stage.persons, formatYuan(stage.amountFen), null, null]);
  }
  rows.push(['外省就读', '', report.outOfProvince.count, report.outOfProvince.persons, formatYuan(report.outOfProvince.amountFen), null, null]);
  rows.push(['合计', '', report.total.count, report.total.persons, formatYuan(report.total.amountFen), null, null]);
  return rows;
}

export async function reportWorkbook(report: SchoolReport): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const content = await writeXlsx(`${report.year}年教育资助`, REPORT_HEADERS, reportRows(report), { columnWidths: [18, 16, 8, 8, 14, 16, 20] });
  return { fileName: `${report.year}年教育资助统计.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}
