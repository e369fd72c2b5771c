/**
 * The standard medical reimbursement sheet (one 人次 per row, as on the one-stop settlement
 * slip): the format the import reads and the export and template write. Headers are fixed
 * Chinese text, documented in docs/IMPORT-FORMATS.md. Amounts in 元 with at most two decimals.
 */
import type { EnumName } from '../../../shared/domain/enums.js';
import { normaliseHeader } from '../../sheets/header-map.js';

export interface MedicalColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  enumName?: EnumName;
  kind?: 'text' | 'money' | 'date' | 'idNumber';
  required?: boolean;
  /** Long digit strings: stored as text in xlsx so Excel keeps every digit. */
  textFormat?: boolean;
  width: number;
}

const money = (key: string, header: string, aliases: string[] = [], required = false): MedicalColumn => ({
  key, header, aliases: [header, `${header}（元）`, `${header}(元)`, ...aliases], kind: 'money', required, width: 12,
});

export const medicalSheetColumns: readonly MedicalColumn[] = [
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '患者身份证号'], kind: 'idNumber', required: true, textFormat: true, width: 22 },
  { key: 'personName', header: '姓名', aliases: ['姓名', '患者姓名', '参保人姓名'], width: 10 },
  { key: 'visitType', header: '就诊类型', aliases: ['就诊类型', '就医类型', '医疗类别'], enumName: 'visitType', required: true, width: 10 },
  { key: 'hospitalName', header: '医院名称', aliases: ['医院名称', '就诊医院', '医疗机构', '医疗机构名称', '定点医疗机构'], required: true, width: 20 },
  { key: 'hospitalLevel', header: '医院等级', aliases: ['医院等级', '医疗机构等级', '医院级别'], enumName: 'hospitalLevel', width: 10 },
  { key: 'admissionDate', header: '入院日期', aliases: ['入院日期', '入院时间', '就诊日期'], kind: 'date', required: true, width: 12 },
  { key: 'dischargeDate', header: '出院日期', aliases: ['出院日期', '出院时间'], kind: 'date', required: true, width: 12 },
  { key: 'diagnosis', header: '诊断', aliases: ['诊断', '疾病诊断', '诊断名称', '病种'], width: 20 },
  money('totalCost', '医疗总费用', ['总费用', '医疗费用总额'], true),
  money('inScopeCost', '政策范围内费用', ['政策范围内', '合规费用'], true),
  money('basicInsurance', '基本医疗保险', ['基本医保', '城乡居民基本医疗保险']),
  money('criticalIllness', '大病保险', ['居民大病保险']),
  money('hospitalWaiver', '医疗机构减免', ['医院减免']),
  money('medicalAssistance', '医疗救助', ['民政医疗救助']),
  money('supplementaryCommercial', '商业补充保险', ['扶贫特惠保', '补充商业保险']),
  money('catastrophicReassistance', '重特大疾病再救助', ['再救助']),
  money('accidentInsurance', '意外伤害保险', ['意外险']),
  { key: 'invoiceNo', header: '票据号', aliases: ['票据号', '发票号', '票据号码', '发票号码'], textFormat: true, width: 16 },
  { key: 'settlementDate', header: '结算日期', aliases: ['结算日期', '结算时间'], kind: 'date', width: 12 },
];

export const MONEY_KEYS = medicalSheetColumns.filter((c) => c.kind === 'money').map((c) => c.key);

const ID_HEADERS = new Set(medicalSheetColumns[0]!.aliases.map(normaliseHeader));
const TOTAL_HEADERS = new Set(medicalSheetColumns.find((c) => c.key === 'totalCost')!.aliases.map(normaliseHeader));

/** The header row has an ID-number column and a total-cost column (title lines above it do not). */
export function isMedicalHeader(cells: string[]): boolean {
  const normalised = cells.map(normaliseHeader);
  return normalised.some((c) => ID_HEADERS.has(c)) && normalised.some((c) => TOTAL_HEADERS.has(c));
}
