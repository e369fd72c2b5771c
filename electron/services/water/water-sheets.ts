/**
 * The two drinking-water sheets (入户评价, 水质检测): the format the import reads and the export
 * and template write. Headers are part of the format, so they are fixed Chinese text here and do
 * not follow the UI language. Documented in docs/IMPORT-FORMATS.md.
 */
import { zhCN } from '../../../shared/i18n/zh-CN.js';
import { onsiteResults, parameterUnits, supplyTypes, testKinds, testPlaces, waterParameters, type WaterParameter } from '../../../shared/domain/water/vocabulary.js';

export type WaterCellKind = 'text' | 'date' | 'boolean' | 'count' | 'supplyType' | 'testKind' | 'testPlace' | 'onsite' | 'measured';

export interface WaterColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  kind: WaterCellKind;
  required?: boolean;
  /** Written by the export (results, names), never read back. */
  exportOnly?: boolean;
  textFormat?: boolean;
  width?: number;
}

const w = zhCN.ui.water;

export const assessmentColumns: readonly WaterColumn[] = [
  { key: 'householdNo', header: '户编号', aliases: ['户编号', '户号', '户编码'], kind: 'text', required: true, textFormat: true, width: 18 },
  { key: 'headName', header: '户主', aliases: [], kind: 'text', exportOnly: true, width: 10 },
  { key: 'villageName', header: '村', aliases: [], kind: 'text', exportOnly: true, width: 10 },
  { key: 'assessedOn', header: '评价日期', aliases: ['评价日期', '评估日期', '核查日期'], kind: 'date', required: true, width: 12 },
  { key: 'supplyType', header: '供水方式', aliases: ['供水方式', '供水类型'], kind: 'supplyType', required: true, width: 14 },
  { key: 'supplyId', header: '供水工程', aliases: ['供水工程', '供水单位', '水厂', '供水工程名称'], kind: 'text', width: 16 },
  { key: 'tapInHome', header: '自来水入户', aliases: ['自来水入户', '是否自来水入户', '入户'], kind: 'boolean', width: 10 },
  { key: 'waterScarceArea', header: '缺水地区', aliases: ['缺水地区', '是否缺水地区'], kind: 'boolean', width: 10 },
  { key: 'litresPerPersonDay', header: '人均日用水量（升）', aliases: ['人均日用水量（升）', '人均日用水量', '水量（升/人·天）', '水量'], kind: 'count', width: 12 },
  { key: 'tripMinutes', header: '取水往返时间（分钟）', aliases: ['取水往返时间（分钟）', '取水往返时间', '单次取水往返时间'], kind: 'count', width: 12 },
  { key: 'horizontalMetres', header: '取水水平距离（米）', aliases: ['取水水平距离（米）', '取水水平距离', '水平距离'], kind: 'count', width: 12 },
  { key: 'verticalMetres', header: '取水垂直距离（米）', aliases: ['取水垂直距离（米）', '取水垂直距离', '垂直距离'], kind: 'count', width: 12 },
  { key: 'shortageDays', header: '全年缺水天数', aliases: ['全年缺水天数', '缺水天数'], kind: 'count', width: 10 },
  { key: 'onsiteCheck', header: '现场查看（望闻问尝）', aliases: ['现场查看（望闻问尝）', '现场查看', '望闻问尝'], kind: 'onsite', width: 12 },
  { key: 'assessor', header: '评价人', aliases: ['评价人', '核查人'], kind: 'text', width: 10 },
  { key: 'note', header: '备注', aliases: ['备注'], kind: 'text', width: 20 },
  { key: 'quantityResult', header: `${w.indicator.quantity}`, aliases: [], kind: 'text', exportOnly: true, width: 8 },
  { key: 'qualityResult', header: `${w.indicator.quality}`, aliases: [], kind: 'text', exportOnly: true, width: 8 },
  { key: 'convenienceResult', header: `${w.indicator.convenience}`, aliases: [], kind: 'text', exportOnly: true, width: 10 },
  { key: 'reliabilityResult', header: `${w.indicator.reliability}`, aliases: [], kind: 'text', exportOnly: true, width: 10 },
  { key: 'passedResult', header: w.overall, aliases: [], kind: 'text', exportOnly: true, width: 10 },
  { key: 'needsReassessment', header: w.needsReassessment, aliases: [], kind: 'text', exportOnly: true, width: 10 },
];

export const parameterHeader = (p: WaterParameter) => (parameterUnits[p] ? `${w.parameter[p]}（${parameterUnits[p]}）` : w.parameter[p]);

export const testColumns: readonly WaterColumn[] = [
  { key: 'supplyId', header: '供水工程', aliases: ['供水工程', '供水工程名称', '水厂'], kind: 'text', required: true, width: 16 },
  { key: 'villageName', header: '村', aliases: [], kind: 'text', exportOnly: true, width: 10 },
  { key: 'sampledOn', header: '采样日期', aliases: ['采样日期', '检测日期', '取样日期'], kind: 'date', required: true, width: 12 },
  { key: 'testKind', header: '检测类型', aliases: ['检测类型', '检测类别'], kind: 'testKind', required: true, width: 14 },
  { key: 'lab', header: '检测机构', aliases: ['检测机构', '检测单位'], kind: 'text', required: true, width: 16 },
  { key: 'labCma', header: 'CMA资质', aliases: ['CMA资质', '是否CMA', 'CMA'], kind: 'boolean', width: 8 },
  { key: 'testPlace', header: '采样地点', aliases: ['采样地点', '采样位置', '水样类型'], kind: 'testPlace', required: true, width: 14 },
  { key: 'placeNote', header: '采样点说明', aliases: ['采样点说明', '采样点', '采样户'], kind: 'text', width: 16 },
  ...waterParameters.map((p): WaterColumn => ({
    key: `value:${p}`, header: parameterHeader(p), aliases: [parameterHeader(p), w.parameter[p]], kind: 'measured', width: 10,
  })),
  { key: 'note', header: '备注', aliases: ['备注'], kind: 'text', width: 20 },
  { key: 'passedResult', header: '检测结果', aliases: [], kind: 'text', exportOnly: true, width: 10 },
  { key: 'failuresText', header: '不合格项', aliases: [], kind: 'text', exportOnly: true, width: 36 },
];

/** Chinese labels (and the codes) a cell may use for each enumeration. */
export const cellLabels: Record<'supplyType' | 'testKind' | 'testPlace' | 'onsite', Record<string, string>> = {
  supplyType: Object.fromEntries(supplyTypes.map((c) => [w.supplyType[c], c])),
  testKind: { ...Object.fromEntries(testKinds.map((c) => [w.testKind[c], c])), 年检: 'annual', 入户抽检: 'third_party', 第三方抽检: 'third_party' },
  testPlace: { ...Object.fromEntries(testPlaces.map((c) => [w.testPlace[c], c])), 水厂: 'works', 出厂水: 'works', 入户: 'tap', 末梢水: 'tap', 管网末梢: 'tap' },
  onsite: Object.fromEntries(onsiteResults.map((c) => [w.onsite[c], c])),
};

export function isAssessmentHeader(cells: string[]): boolean {
  return cells.includes('户编号') && cells.includes('评价日期');
}

export function isTestHeader(cells: string[]): boolean {
  return cells.includes('供水工程') && cells.includes('采样日期');
}
