/** The layer report as an .xlsx: the printed table (by village, by visit type, totals), fixed Chinese headers. */
import type { MedicalLayersReport, ReportGroup } from '../../../shared/contract/medical.js';
import { formatYuan } from '../../../shared/domain/money.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { writeXlsx, type Cell } from '../../sheets/write-sheet.js';
import { enumLabel } from '../sheet-cells.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fieldName = (field: string) => (zhCN.field as Record<string, string>)[field] ?? field;

export function reportHeaders(report: MedicalLayersReport): string[] {
  return [
    '分组', '名称', '人次', '医疗总费用（元）', '政策范围内费用（元）',
    ...[...report.layerFields, 'accidentInsurance'].flatMap((f) => [`${fieldName(f)}人次`, `${fieldName(f)}金额（元）`]),
    '个人自付（元）', '超过自付上限人次',
  ];
}

export function reportRows(report: MedicalLayersReport): Cell[][] {
  const row = (group: string, name: string, g: ReportGroup): Cell[] => [
    group, name, g.claims, formatYuan(g.totalCostFen), formatYuan(g.inScopeCostFen),
    ...report.layerFields.flatMap((f) => [g.layers[f]?.visits ?? 0, formatYuan(g.layers[f]?.amountFen ?? 0)]),
    g.accidentInsurance.visits, formatYuan(g.accidentInsurance.amountFen), formatYuan(g.selfPayFen), g.overCeiling,
  ];
  return [
    ...report.byVillage.map((g) => row('按村', g.label, g)),
    ...report.byVisitType.map((g) => row('按就诊类型', enumLabel('visitType', g.key), g)),
    row('合计', '', report.totals),
  ];
}

export async function layersReportWorkbook(report: MedicalLayersReport): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const period = report.period.year !== null ? `${report.period.year}年` : `${report.period.from}至${report.period.to}`;
  const headers = reportHeaders(report);
  const content = await writeXlsx(`${period}医疗保障`.slice(0, 31), headers, reportRows(report), { columnWidths: headers.map((h, i) => (i < 2 ? 12 : Math.max(10, h.length * 2))) });
  return { fileName: `${period}医疗报销分层统计.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}
