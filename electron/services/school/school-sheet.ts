/**
 * The school-aid sheet (one payment per row): the format the import reads and the export and
 * template write. Headers are fixed Chinese text, documented in docs/IMPORT-FORMATS.md.
 * Export-only columns (户编号, 村, 审核状态, 提示) are ignored when a sheet is imported again.
 */
import type { EnumName } from '../../../shared/domain/enums.js';
import { normaliseHeader } from '../../sheets/header-map.js';

export interface SchoolColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  enumName?: EnumName;
  kind?: 'text' | 'money' | 'date' | 'boolean' | 'idNumber';
  required?: boolean;
  exportOnly?: boolean;
  textFormat?: boolean;
  width: number;
}

export const schoolSheetColumns: readonly SchoolColumn[] = [
  { key: 'personName', header: '姓名', aliases: ['姓名', '学生姓名'], width: 10 },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '学生身份证号'], kind: 'idNumber', required: true, textFormat: true, width: 22 },
  { key: 'schoolYear', header: '学年', aliases: ['学年', '资助学年'], required: true, width: 12 },
  { key: 'schoolTerm', header: '学期', aliases: ['学期'], enumName: 'schoolTerm', required: true, width: 8 },
  { key: 'schoolStage', header: '学段', aliases: ['学段', '就读学段', '教育阶段'], enumName: 'schoolStage', required: true, width: 14 },
  { key: 'schoolName', header: '学校', aliases: ['学校', '就读学校', '学校名称'], width: 20 },
  { key: 'aidItem', header: '资助项目', aliases: ['资助项目', '资助类型', '项目'], enumName: 'schoolAidItem', required: true, width: 14 },
  { key: 'amount', header: '金额（元）', aliases: ['金额（元）', '金额', '资助金额', '资助金额（元）'], kind: 'money', required: true, width: 12 },
  { key: 'paidDate', header: '发放日期', aliases: ['发放日期', '发放时间'], kind: 'date', width: 12 },
  { key: 'outOfProvince', header: '外省就读', aliases: ['外省就读', '是否外省就读', '省外就读'], kind: 'boolean', width: 10 },
  { key: 'note', header: '备注', aliases: ['备注'], width: 16 },
  { key: 'householdNo', header: '户编号', aliases: ['户编号'], exportOnly: true, textFormat: true, width: 16 },
  { key: 'villageName', header: '村', aliases: ['村'], exportOnly: true, width: 12 },
  { key: 'reviewState', header: '审核状态', aliases: ['审核状态'], exportOnly: true, width: 10 },
  { key: 'warnings', header: '提示', aliases: ['提示'], exportOnly: true, width: 40 },
];

export const importedColumns = schoolSheetColumns.filter((c) => !c.exportOnly);

/** A header row names at least the ID number and the 资助项目. */
export function isSchoolHeader(cells: string[]): boolean {
  const names = new Set(cells.map(normaliseHeader));
  const has = (key: string) => schoolSheetColumns.find((c) => c.key === key)!.aliases.some((a) => names.has(normaliseHeader(a)));
  return has('idNumber') && has('aidItem');
}
