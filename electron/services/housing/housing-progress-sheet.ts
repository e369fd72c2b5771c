/** The 日报/周报 as an .xlsx: counts per village and stage, then what moved since the previous report. */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { ProgressReport } from '../../../shared/contract/housing.js';
import { housingStages } from '../../../shared/domain/housing/housing-enums.js';
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { writeXlsx, type Cell } from '../../sheets/write-sheet.js';
import type { ServiceContext } from '../context.js';
import { housingProgress } from './housing-progress.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const stageLabel = (s: (typeof housingStages)[number]) => zhCN.housing.stage[s];

export function progressSheetRows(report: ProgressReport): { headers: string[]; rows: Cell[][] } {
  const headers = ['村', ...housingStages.map(stageLabel), '合计'];
  const rows: Cell[][] = report.villages.map((v) => [v.villageName, ...housingStages.map((s) => v.counts[s]), v.total]);
  rows.push(['合计', ...housingStages.map((s) => report.totals[s]), report.total]);
  rows.push([]);
  rows.push([`${report.previousDate} 至 ${report.date} 阶段变化（${report.moved.length} 户）`]);
  rows.push(['户编号', '户主', '村', '原阶段', '现阶段']);
  for (const m of report.moved) rows.push([m.householdNo, m.headName, m.villageName, stageLabel(m.from), stageLabel(m.to)]);
  return { headers, rows };
}

export async function exportProgress(ctx: ServiceContext, q: MethodArgs<'reports/housingProgressExport'>): Promise<MethodOutput<'reports/housingProgressExport'>> {
  const report = await housingProgress(ctx, q);
  const { headers, rows } = progressSheetRows(report);
  const kind = report.period === 'weekly' ? '周报' : '日报';
  const content = await writeXlsx(`危房改造${kind}`, headers, rows, { textColumns: [0] });
  return { fileName: `危房改造进度${kind}-${report.date}.xlsx`, mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
}
