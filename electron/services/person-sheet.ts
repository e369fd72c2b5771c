/**
 * The persons sheet (one row per person, household columns repeated): the file format the
 * import reads and the export and template write. Headers are part of the format, so they are
 * fixed Chinese text here and do not follow the UI language. Documented in docs/IMPORT-FORMATS.md.
 */
import type { EnumName } from '../../shared/domain/enums.js';

export interface SheetColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  /** Values are one of an enumeration, written with their Chinese labels. */
  enumName?: EnumName;
  kind?: 'text' | 'boolean' | 'year' | 'village' | 'idNumber';
  level: 'household' | 'person';
  required?: boolean;
  /** Long digit strings: stored as text in xlsx so Excel keeps every digit. */
  textFormat?: boolean;
  width?: number;
}

export const personSheetColumns: readonly SheetColumn[] = [
  { key: 'householdNo', header: '户编号', aliases: ['户编号', '户号', '户编码'], level: 'household', required: true, textFormat: true, width: 16 },
  { key: 'villageCode', header: '村', aliases: ['村', '村名', '所在村', '村代码', '行政村'], kind: 'village', level: 'household', required: true, width: 12 },
  { key: 'status', header: '户类型', aliases: ['户类型', '户属性', '贫困户属性'], enumName: 'householdStatus', level: 'household', width: 14 },
  { key: 'exitYear', header: '脱贫年度', aliases: ['脱贫年度', '脱贫年份'], kind: 'year', level: 'household', width: 10 },
  { key: 'cause', header: '主要致贫原因', aliases: ['主要致贫原因', '致贫原因'], enumName: 'povertyCause', level: 'household', width: 14 },
  { key: 'dibao', header: '低保', aliases: ['低保', '是否低保', '低保户'], kind: 'boolean', level: 'household', width: 8 },
  { key: 'tekun', header: '特困供养', aliases: ['特困供养', '是否特困供养', '特困'], kind: 'boolean', level: 'household', width: 10 },
  { key: 'helperName', header: '帮扶责任人', aliases: ['帮扶责任人', '帮扶人'], level: 'household', width: 12 },
  { key: 'helperUnit', header: '帮扶单位', aliases: ['帮扶单位', '帮扶责任人单位'], level: 'household', width: 18 },
  { key: 'helperPhone', header: '帮扶人电话', aliases: ['帮扶人电话', '帮扶责任人电话', '帮扶人联系电话'], level: 'household', textFormat: true, width: 14 },
  { key: 'bankAccount', header: '一卡通账号', aliases: ['一卡通账号', '一卡通', '银行卡号'], level: 'household', textFormat: true, width: 22 },
  { key: 'address', header: '住址', aliases: ['住址', '家庭住址'], level: 'household', width: 20 },
  { key: 'name', header: '姓名', aliases: ['姓名', '成员姓名'], level: 'person', required: true, width: 10 },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号', '证件号码', '公民身份号码', '身份证号码', '身份证'], kind: 'idNumber', level: 'person', required: true, textFormat: true, width: 22 },
  { key: 'relation', header: '与户主关系', aliases: ['与户主关系', '关系'], enumName: 'relation', level: 'person', required: true, width: 10 },
  { key: 'health', header: '健康状况', aliases: ['健康状况'], enumName: 'health', level: 'person', width: 12 },
  { key: 'disabilityType', header: '残疾类别', aliases: ['残疾类别', '残疾类型'], enumName: 'disabilityType', level: 'person', width: 10 },
  { key: 'disabilityGrade', header: '残疾等级', aliases: ['残疾等级'], enumName: 'disabilityGrade', level: 'person', width: 10 },
  { key: 'laborAbility', header: '劳动能力', aliases: ['劳动能力', '劳动技能'], enumName: 'laborAbility', level: 'person', width: 16 },
  { key: 'schoolStatus', header: '在校状况', aliases: ['在校状况', '在校生状况'], enumName: 'schoolStatus', level: 'person', width: 12 },
  { key: 'insured', header: '参加基本医疗保险', aliases: ['参加基本医疗保险', '参加城乡居民基本医疗保险', '是否参加基本医疗保险', '参加医保'], kind: 'boolean', level: 'person', width: 10 },
  { key: 'phone', header: '联系电话', aliases: ['联系电话', '电话', '手机号码'], level: 'person', textFormat: true, width: 14 },
  { key: 'removalReason', header: '减少原因', aliases: ['减少原因'], enumName: 'removalReason', level: 'person', width: 10 },
];
