/**
 * Rows pasted from a sheet in the standard column order (the import template's): 身份证号, 姓名,
 * 就诊类型, 医院名称, 医院等级, 入院日期, 出院日期, 诊断, 医疗总费用, 政策范围内费用, the six
 * layers, 意外伤害保险, 票据号, 结算日期. A header line copied along is skipped.
 */
import type { TFunction } from 'i18next';
import { enums } from '../../../../shared/domain/enums.js';
import { normaliseDate, parseTsv } from '../../../../shared/clipboard/tsv.js';
import { LAYER_FIELDS, type ValueField } from './claim-model.js';

export const STANDARD_ORDER: readonly ('idNumber' | 'name' | ValueField)[] = [
  'idNumber', 'name', 'visitType', 'hospitalName', 'hospitalLevel', 'admissionDate', 'dischargeDate', 'diagnosis', 'totalCost',
  'inScopeCost', ...LAYER_FIELDS, 'accidentInsurance', 'invoiceNo', 'settlementDate',
];

export interface PastedRow {
  idNumber: string;
  name: string;
  values: Partial<Record<ValueField, string>>;
}

/** A choice as written in a sheet: its label in either language, its code, or its number in the list. */
function choiceCode(t: TFunction, enumName: 'visitType' | 'hospitalLevel', raw: string): string {
  const text = raw.trim();
  if (text === '') return '';
  const codes: readonly string[] = enums[enumName];
  if (/^[1-9]$/.test(text) && codes[Number(text) - 1]) return codes[Number(text) - 1]!;
  const found = codes.find((c) => c === text || t(`enum.${enumName}.${c}`, { lng: 'zh-CN' }) === text || t(`enum.${enumName}.${c}`, { lng: 'en' }) === text);
  // Unknown: kept as typed, and the row says it is not a choice.
  return found ?? text;
}

export function pastedRows(t: TFunction, text: string): { rows: PastedRow[]; tooWide: number | null } {
  const lines = parseTsv(text);
  const body = lines[0] && lines[0][0]?.trim() === t('ui.medical.col.idNumber', { lng: 'zh-CN' }) ? lines.slice(1) : lines;
  const widest = Math.max(0, ...body.map((l) => l.length));
  if (widest > STANDARD_ORDER.length) return { rows: [], tooWide: widest };
  const rows = body.map((cells) => {
    const row: PastedRow = { idNumber: '', name: '', values: {} };
    STANDARD_ORDER.forEach((field, i) => {
      const cell = (cells[i] ?? '').trim();
      if (field === 'idNumber') row.idNumber = cell.toUpperCase();
      else if (field === 'name') row.name = cell;
      else if (field === 'visitType' || field === 'hospitalLevel') row.values[field] = choiceCode(t, field, cell);
      else if (field === 'admissionDate' || field === 'dischargeDate' || field === 'settlementDate') row.values[field] = normaliseDate(cell);
      else row.values[field] = cell;
    });
    return row;
  });
  return { rows, tooWide: null };
}
