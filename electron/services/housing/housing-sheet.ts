/**
 * The housing-repair sheet (one row per household's repair): the format the import reads and the
 * export and template write. Headers are part of the format (fixed Chinese text), documented in
 * docs/IMPORT-FORMATS.md. Money columns are in yuan (元), stored in fen.
 */
import type { RepairDraft } from '../../../shared/contract/housing.js';

export type HousingCellKind = 'text' | 'date' | 'money' | 'year' | 'boolean' | 'grade' | 'mode' | 'acceptance';

export interface HousingColumn {
  /** The draft field it fills; `exportOnly` columns are written for reading and skipped on import. */
  key: keyof RepairDraft | 'headName' | 'villageName' | 'stage';
  header: string;
  aliases: readonly string[];
  kind: HousingCellKind;
  required?: boolean;
  exportOnly?: boolean;
  textFormat?: boolean;
  width?: number;
}

const money = (key: HousingColumn['key'], header: string, ...aliases: string[]): HousingColumn =>
  ({ key, header, aliases: [header, header.replace(/（元）$/, ''), ...aliases], kind: 'money', width: 12 });
const date = (key: HousingColumn['key'], header: string, ...aliases: string[]): HousingColumn =>
  ({ key, header, aliases: [header, ...aliases], kind: 'date', width: 12 });

export const housingSheetColumns: readonly HousingColumn[] = [
  { key: 'householdNo', header: '户编号', aliases: ['户编号', '户号', '户编码'], kind: 'text', required: true, textFormat: true, width: 16 },
  { key: 'headName', header: '户主', aliases: ['户主', '户主姓名'], kind: 'text', exportOnly: true, width: 10 },
  { key: 'villageName', header: '村', aliases: ['村', '村名', '所在村'], kind: 'text', exportOnly: true, width: 12 },
  { key: 'stage', header: '改造阶段', aliases: ['改造阶段', '进度'], kind: 'text', exportOnly: true, width: 10 },
  date('appraisalDate', '鉴定日期', '房屋鉴定日期'),
  { key: 'appraisalOrg', header: '鉴定机构', aliases: ['鉴定机构', '鉴定单位'], kind: 'text', width: 20 },
  { key: 'safetyGrade', header: '安全等级', aliases: ['安全等级', '鉴定等级', '危房等级'], kind: 'grade', width: 10 },
  { key: 'repairMode', header: '改造方式', aliases: ['改造方式'], kind: 'mode', width: 12 },
  { key: 'planYear', header: '计划年度', aliases: ['计划年度', '改造年度'], kind: 'year', width: 10 },
  money('subsidyCentralFen', '中央补助（元）', '中央资金'),
  money('subsidyProvincialFen', '省级补助（元）', '省级资金', '省补助'),
  money('subsidyCityFen', '市级补助（元）', '市级资金', '市补助'),
  money('subsidyCountyFen', '县级补助（元）', '县级资金', '县补助'),
  money('selfRaisedFen', '自筹资金（元）', '自筹'),
  date('publicityVillageDate', '村级公示日期', '村公示日期'),
  date('publicityTownshipDate', '乡镇公示日期', '镇公示日期', '乡镇级公示日期'),
  date('publicityCountyDate', '县级公示日期', '县公示日期'),
  date('startDate', '开工日期'),
  date('completionDate', '竣工日期'),
  date('acceptanceDate', '验收日期'),
  { key: 'acceptanceResult', header: '验收结果', aliases: ['验收结果', '验收情况'], kind: 'acceptance', width: 10 },
  date('disbursementDate', '拨付日期', '资金拨付日期'),
  { key: 'platePosted', header: '铭牌已悬挂', aliases: ['铭牌已悬挂', '铭牌', '悬挂铭牌'], kind: 'boolean', width: 10 },
  { key: 'archiveNo', header: '纸质档案号', aliases: ['纸质档案号', '档案号'], kind: 'text', textFormat: true, width: 14 },
  { key: 'furnitureItems', header: '简易家具', aliases: ['简易家具', '家具'], kind: 'text', width: 18 },
  money('furnitureCostFen', '家具费用（元）', '简易家具费用'),
  { key: 'otherRepairs', header: '其他改造', aliases: ['其他改造', '其他维修'], kind: 'text', width: 16 },
  money('otherRepairsCostFen', '其他改造费用（元）', '其他维修费用'),
  { key: 'note', header: '备注', aliases: ['备注'], kind: 'text', width: 20 },
];

export function isHousingHeader(cells: string[]): boolean {
  return cells.includes('户编号') && housingSheetColumns.some((c) => c.kind === 'date' && cells.includes(c.header));
}

/** 2020-03-01, 2020/3/1, 2020.3.1, 2020年3月1日, 20200301 → 2020-03-01; anything else → null. */
export function sheetDate(raw: string): string | null {
  const text = raw.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parts = compact ?? /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!parts) return null;
  return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
}
