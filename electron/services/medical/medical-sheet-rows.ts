/**
 * One row of the standard medical sheet → the claim's fields, or the row's issues (required,
 * too long, not in the list, money). Nothing here touches the database.
 */
import type { MedicalClaimDraft } from '../../../shared/contract/medical.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { normaliseIdNumber } from '../../../shared/domain/id-number.js';
import { parseMoney } from '../../../shared/domain/money.js';
import { normaliseClaimDate } from '../../../shared/domain/medical/claim-dates.js';
import { mapHeaders, type HeaderMapping } from '../../sheets/header-map.js';
import type { SheetRow } from '../../sheets/read-sheet.js';
import { enumFromCell } from '../sheet-cells.js';
import { medicalSheetColumns, MONEY_KEYS } from './medical-sheet.js';

export type ClaimFields = Omit<MedicalClaimDraft, 'personId' | 'id' | 'rowVersion'>;

export interface ParsedRow {
  rowNumber: number;
  idNumber: string;
  personName: string;
  /** Null when the row has issues. */
  fields: ClaimFields | null;
  issues: FieldIssue[];
}

const headerOf = (field: string) => medicalSheetColumns.find((c) => c.key === field)?.header;

/** An issue placed at the row and under the sheet's column. */
export const atRow = (row: number, i: FieldIssue): FieldIssue => ({ ...i, row, ...(headerOf(i.field) ? { column: headerOf(i.field) } : {}) });

const TEXT_LIMITS: Record<string, number> = { hospitalName: 100, diagnosis: 200, invoiceNo: 50 };

export function mapMedicalHeaders(headers: string[]): HeaderMapping & { missingIssues: FieldIssue[] } {
  const required = medicalSheetColumns.filter((c) => c.required).map((c) => c.key);
  const mapping = mapHeaders(headers, Object.fromEntries(medicalSheetColumns.map((c) => [c.key, c.aliases])), required);
  return { ...mapping, missingIssues: mapping.missing.map((k) => ({ ...issue(k, 'import.missingColumn'), column: headerOf(k) ?? k })) };
}

export function parseMedicalRow(row: SheetRow, columns: Map<string, number>): ParsedRow {
  const issues: FieldIssue[] = [];
  const cell = (key: string) => {
    const index = columns.get(key);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const fail = (key: string, code: string, params?: Record<string, string | number>) => issues.push(atRow(row.rowNumber, issue(key, code, params)));
  for (const c of medicalSheetColumns) if (c.required && cell(c.key) === '') fail(c.key, 'required');
  for (const [key, max] of Object.entries(TEXT_LIMITS)) if (cell(key).length > max) fail(key, 'tooLong', { max });

  const enumCell = <T extends string>(key: string, name: 'visitType' | 'hospitalLevel'): T | null => {
    const raw = cell(key);
    if (raw === '') return null;
    const code = enumFromCell(name, raw);
    if (!code) fail(key, 'notInList', { value: raw });
    return (code as T | undefined) ?? null;
  };
  const money: Record<string, number | null> = {};
  for (const key of MONEY_KEYS) {
    const raw = cell(key);
    if (raw === '') {
      money[key] = null;
      continue;
    }
    const parsed = parseMoney(raw, key);
    if (parsed.ok) money[key] = parsed.fen;
    else issues.push(atRow(row.rowNumber, parsed.issue));
  }
  const date = (key: string) => (cell(key) === '' ? null : normaliseClaimDate(cell(key)));
  const visitType = enumCell<ClaimFields['visitType']>('visitType', 'visitType');
  const hospitalLevel = enumCell<NonNullable<ClaimFields['hospitalLevel']>>('hospitalLevel', 'hospitalLevel');
  const base = { rowNumber: row.rowNumber, idNumber: normaliseIdNumber(cell('idNumber')), personName: cell('personName') };
  if (issues.length > 0 || !visitType) return { ...base, fields: null, issues };
  const fields: ClaimFields = {
    visitType, hospitalName: cell('hospitalName'), hospitalLevel, admissionDate: date('admissionDate')!, dischargeDate: date('dischargeDate')!,
    diagnosis: cell('diagnosis') || null, totalCost: money.totalCost!, inScopeCost: money.inScopeCost!,
    basicInsurance: money.basicInsurance ?? null, criticalIllness: money.criticalIllness ?? null, hospitalWaiver: money.hospitalWaiver ?? null,
    medicalAssistance: money.medicalAssistance ?? null, supplementaryCommercial: money.supplementaryCommercial ?? null,
    catastrophicReassistance: money.catastrophicReassistance ?? null, accidentInsurance: money.accidentInsurance ?? null,
    invoiceNo: cell('invoiceNo') || null, settlementDate: date('settlementDate'), policyYear: null,
  };
  return { ...base, fields, issues };
}
