/**
 * One claim (one 人次) as the clerk types it: every value a string, kept whole whatever the
 * server says; the amounts in fen, the checks and the self-pay are derived from it, never typed.
 * Shared by the grid and the form view.
 */
import { enums, isEnumValue, type MedicalLayerCode } from '../../../../shared/domain/enums.js';
import { issue, type FieldIssue } from '../../../../shared/domain/issue.js';
import { formatYuan, parseMoney, type Fen } from '../../../../shared/domain/money.js';
import { LAYER_FIELD } from '../../../../shared/domain/medical/policy.js';
import { selfPayFen, selfShare } from '../../../../shared/domain/medical/self-pay.js';
import { isIsoDate } from '../../../../shared/clipboard/tsv.js';
import type {
  ClaimantCandidate, LayerAmountFields, LayerProposalFields, MedicalClaim, MedicalClaimDraftInput, ProposeInput, ProposeOutput,
} from '../../../../shared/contract/medical.js';

export type LayerField = keyof LayerAmountFields;
/** The six layer fields in paying order (`basicInsurance` …), as the contract and LAYER_FIELD name them. */
export const LAYER_FIELDS: readonly LayerField[] = enums.medicalLayer.map((c) => LAYER_FIELD[c] as LayerField);
export const LAYER_CODE_OF = Object.fromEntries(enums.medicalLayer.map((c) => [LAYER_FIELD[c], c])) as Record<LayerField, MedicalLayerCode>;

export type MoneyField = 'totalCost' | 'inScopeCost' | LayerField | 'accidentInsurance';
export type DateField = 'admissionDate' | 'dischargeDate' | 'settlementDate';
export type TextField = 'hospitalName' | 'diagnosis' | 'invoiceNo';
export type ChoiceField = 'visitType' | 'hospitalLevel';
export type ValueField = MoneyField | DateField | TextField | ChoiceField;

export type ClaimValues = Record<ValueField, string>;

/** The slip's fields after the person, in the order of the standard sheet (and of the grid). */
export const VALUE_FIELDS: readonly ValueField[] = [
  'visitType', 'hospitalName', 'hospitalLevel', 'admissionDate', 'dischargeDate', 'diagnosis', 'totalCost', 'inScopeCost',
  ...LAYER_FIELDS, 'accidentInsurance', 'invoiceNo', 'settlementDate',
];
export const MONEY_FIELDS: readonly MoneyField[] = ['totalCost', 'inScopeCost', ...LAYER_FIELDS, 'accidentInsurance'];
export const DATE_FIELDS: readonly DateField[] = ['admissionDate', 'dischargeDate', 'settlementDate'];

export interface ClaimRow {
  /** Local key for the grid (the record id once saved). */
  key: string;
  id?: string;
  rowVersion?: number;
  person: ClaimantCandidate | null;
  /** What was typed in the person cell when no one was picked (kept to explain why). */
  personQuery: string;
  values: ClaimValues;
  /** What a new line started with (carried over from the line above): not yet typed by anyone. */
  startValues: ClaimValues;
  /** The values as last saved; null for a draft never saved. */
  savedValues: ClaimValues | null;
  savedPersonId: string | null;
  saving: boolean;
  /** What the main process refused at the last save; cleared field by field as the clerk edits. */
  serverIssues: FieldIssue[];
  /** The main process's live word on the typed claim (proposal, errors, warnings), for these values. */
  live: ProposeOutput | null;
  /** JSON of the propose input `live` answers; a row whose input changed waits for a new answer. */
  liveFor: string | null;
  reviewState: string | null;
  /** Stored with the claim at its last save: shown while the row is unchanged. */
  savedWarnings: FieldIssue[];
  savedProposal: LayerProposalFields | null;
  /** A save was tried: from then on missing fields count as errors (before, they are just not typed yet). */
  attempted: boolean;
}

export interface ParsedClaim {
  totalFen: Fen | null;
  inScopeFen: Fen | null;
  layers: Partial<Record<LayerField, Fen>>;
  accidentFen: Fen | null;
}

export interface RowCheck {
  errors: FieldIssue[];
  warnings: FieldIssue[];
  parsed: ParsedClaim;
  selfPayFen: Fen | null;
  selfShareBp: number | null;
  overCeiling: boolean;
}

export function emptyValues(defaults: Partial<ClaimValues> = {}): ClaimValues {
  const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, ''])) as ClaimValues;
  return { ...values, visitType: 'inpatient', ...defaults };
}

let nextKey = 1;
export function newDraft(defaults: Partial<ClaimValues> = {}): ClaimRow {
  return {
    key: `draft-${nextKey++}`, person: null, personQuery: '', values: emptyValues(defaults), startValues: emptyValues(defaults),
    savedValues: null, savedPersonId: null,
    saving: false, serverIssues: [], live: null, liveFor: null, reviewState: null, savedWarnings: [], savedProposal: null, attempted: false,
  };
}

export function isDirty(row: ClaimRow): boolean {
  if (!row.savedValues) return row.person !== null || row.personQuery.trim() !== '' || VALUE_FIELDS.some((f) => row.values[f] !== row.startValues[f]);
  return (row.person?.personId ?? null) !== row.savedPersonId || VALUE_FIELDS.some((f) => row.values[f] !== row.savedValues![f]);
}

/** An untouched draft: the empty line waiting at the end of the grid. */
export function isBlankDraft(row: ClaimRow): boolean {
  return !row.savedValues && !isDirty(row);
}

function money(field: MoneyField, raw: string, required: boolean, errors: FieldIssue[]): Fen | null {
  if (raw.trim() === '') {
    if (required) errors.push(issue(field, 'required'));
    return null;
  }
  const result = parseMoney(raw, field);
  if (!result.ok) {
    errors.push(result.issue);
    return null;
  }
  return result.fen;
}

/** The duplicate a refusal points at: `medical.duplicateInvoice` / `medical.duplicateVisit` carry its id. */
export function duplicateOf(issues: readonly FieldIssue[]): FieldIssue | undefined {
  return issues.find((i) => i.code.startsWith('medical.duplicate') && typeof i.params?.existingId === 'string');
}

/**
 * What the renderer can tell at once: missing fields, amounts that are not money, dates, and the
 * self-pay with its share (the shared pure functions). The rest (the policy year's layers, the
 * ceiling, the proposal, duplicates, enrolment) is the main process's word, from `medical/propose`
 * while typing and `medical/save` on save; both are merged in here.
 */
export function checkRow(row: ClaimRow): RowCheck {
  const errors: FieldIssue[] = [];
  const v = row.values;
  if (!row.person) errors.push(row.personQuery.trim() ? issue('personId', 'medical.unknownPerson', { query: row.personQuery.trim() }) : issue('personId', 'required'));
  if (!v.visitType) errors.push(issue('visitType', 'required'));
  if (!v.hospitalName.trim()) errors.push(issue('hospitalName', 'required'));

  for (const field of DATE_FIELDS) {
    const text = v[field].trim();
    if (text === '') {
      if (field !== 'settlementDate') errors.push(issue(field, 'required'));
    } else if (!isIsoDate(text)) {
      errors.push(issue(field, 'medical.dateInvalid', { date: text }));
    }
  }
  const admission = isIsoDate(v.admissionDate) ? v.admissionDate : null;
  const discharge = isIsoDate(v.dischargeDate) ? v.dischargeDate : null;
  if (admission && discharge && discharge < admission) {
    errors.push(issue('dischargeDate', 'medical.dischargeBeforeAdmission', { admission, discharge }));
  }

  const totalFen = money('totalCost', v.totalCost, true, errors);
  const inScopeFen = money('inScopeCost', v.inScopeCost, true, errors);
  const layers: Partial<Record<LayerField, Fen>> = {};
  let layersOk = true;
  for (const field of LAYER_FIELDS) {
    const before = errors.length;
    const fen = money(field, v[field], false, errors);
    if (errors.length > before) layersOk = false;
    if (fen !== null) layers[field] = fen;
  }
  const accidentFen = money('accidentInsurance', v.accidentInsurance, false, errors);
  const parsed: ParsedClaim = { totalFen, inScopeFen, layers, accidentFen };

  let selfPay: Fen | null = null;
  let shareBp: number | null = null;
  let overCeiling = false;
  if (totalFen !== null && inScopeFen !== null && layersOk) {
    const typed = LAYER_FIELDS.map((f) => layers[f] ?? 0);
    selfPay = selfPayFen(totalFen, typed);
    const share = selfShare(inScopeFen, typed, row.live?.personalShareCeilingBp ?? DEFAULT_CEILING_BP);
    shareBp = share.selfShareBp;
    overCeiling = share.overCeiling;
  }

  if (!row.attempted) {
    // Not typed yet is not wrong yet.
    for (let i = errors.length - 1; i >= 0; i--) if (errors[i]!.code === 'required') errors.splice(i, 1);
  }
  const warnings: FieldIssue[] = [];
  const live = currentLive(row);
  const add = (list: FieldIssue[], more: readonly FieldIssue[]) => {
    for (const i of more) if (!list.some((e) => e.field === i.field && e.code === i.code)) list.push(i);
  };
  if (live) {
    add(errors, live.errors);
    add(warnings, live.warnings);
  } else if (row.savedValues && !isDirty(row)) {
    add(warnings, row.savedWarnings);
  }
  // The main process's refusal at the last save stays until its field is edited.
  add(errors, row.serverIssues);
  return { errors, warnings, parsed, selfPayFen: selfPay, selfShareBp: shareBp, overCeiling };
}

/** The live answer, if it answers the row as it is now. */
export function currentLive(row: ClaimRow): ProposeOutput | null {
  return row.live && row.liveFor === JSON.stringify(proposeInputOf(row)) ? row.live : null;
}

/** The calculator's amount per layer field for the row as it is: live, or stored with an unchanged saved claim. */
export function proposalOf(row: ClaimRow): LayerProposalFields | null {
  const live = currentLive(row);
  if (live) return live.proposal?.amounts ?? null;
  return row.savedValues && !isDirty(row) ? row.savedProposal : null;
}

/** 个人自付 ceiling until the policy year's own is known: the DOMAIN default, 10 %. */
const DEFAULT_CEILING_BP = 1000;

function fenOrNull(raw: string): Fen | null {
  if (raw.trim() === '') return null;
  const r = parseMoney(raw);
  return r.ok ? r.fen : null;
}

function dateOrNull(raw: string): string | null {
  return isIsoDate(raw.trim()) ? raw.trim() : null;
}

/** What `medical/propose` is asked for this row: whatever is typed and readable so far. */
export function proposeInputOf(row: ClaimRow): ProposeInput {
  const v = row.values;
  return {
    claimId: row.id ?? null,
    personId: row.person?.personId ?? null,
    visitType: isEnumValue('visitType', v.visitType) ? v.visitType : null,
    hospitalLevel: isEnumValue('hospitalLevel', v.hospitalLevel) ? v.hospitalLevel : null,
    admissionDate: dateOrNull(v.admissionDate),
    dischargeDate: dateOrNull(v.dischargeDate),
    totalCost: fenOrNull(v.totalCost),
    inScopeCost: fenOrNull(v.inScopeCost),
    ...Object.fromEntries(LAYER_FIELDS.map((f) => [f, fenOrNull(v[f])])),
  };
}

/** The row as `medical/save` takes it; null when something the contract needs is missing or unreadable. */
export function draftOf(row: ClaimRow, check: RowCheck): MedicalClaimDraftInput | null {
  const v = row.values;
  const { parsed } = check;
  if (!row.person || parsed.totalFen === null || parsed.inScopeFen === null) return null;
  if (!isEnumValue('visitType', v.visitType)) return null;
  const admission = dateOrNull(v.admissionDate);
  const discharge = dateOrNull(v.dischargeDate);
  if (!admission || !discharge) return null;
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    ...(row.id ? { id: row.id, rowVersion: row.rowVersion } : {}),
    personId: row.person.personId,
    visitType: v.visitType,
    hospitalName: v.hospitalName.trim(),
    hospitalLevel: isEnumValue('hospitalLevel', v.hospitalLevel) ? v.hospitalLevel : null,
    admissionDate: admission,
    dischargeDate: discharge,
    diagnosis: text(v.diagnosis),
    totalCost: parsed.totalFen,
    inScopeCost: parsed.inScopeFen,
    ...Object.fromEntries(LAYER_FIELDS.map((f) => [f, parsed.layers[f] ?? null])),
    accidentInsurance: parsed.accidentFen,
    invoiceNo: text(v.invoiceNo),
    settlementDate: dateOrNull(v.settlementDate),
  };
}

const yuan = (fen: number | null) => (fen === null ? '' : formatYuan(fen));

/** A saved claim back into the strings of a row. */
export function rowFromClaim(claim: MedicalClaim): ClaimRow {
  const values: ClaimValues = {
    visitType: claim.visitType, hospitalName: claim.hospitalName, hospitalLevel: claim.hospitalLevel ?? '',
    admissionDate: claim.admissionDate, dischargeDate: claim.dischargeDate, diagnosis: claim.diagnosis ?? '',
    totalCost: yuan(claim.totalCost), inScopeCost: yuan(claim.inScopeCost),
    basicInsurance: yuan(claim.basicInsurance), criticalIllness: yuan(claim.criticalIllness), hospitalWaiver: yuan(claim.hospitalWaiver),
    medicalAssistance: yuan(claim.medicalAssistance), supplementaryCommercial: yuan(claim.supplementaryCommercial),
    catastrophicReassistance: yuan(claim.catastrophicReassistance), accidentInsurance: yuan(claim.accidentInsurance),
    invoiceNo: claim.invoiceNo ?? '', settlementDate: claim.settlementDate ?? '',
  };
  const person: ClaimantCandidate = {
    personId: claim.personId, name: claim.personName, idNumberMasked: claim.idNumberMasked, householdId: claim.householdId,
    householdNo: claim.householdNo, villageCode: claim.villageCode, villageName: claim.villageName,
    // The list does not carry these; the picker fills them when the person is picked again.
    sex: 'male', birthDate: '', age: -1, insured: !claim.warnings.some((w) => w.code === 'medical.notInsured'), removed: false, headName: null,
  };
  return {
    key: claim.id, id: claim.id, rowVersion: claim.rowVersion, person, personQuery: '', values, startValues: values, savedValues: values,
    savedPersonId: claim.personId, saving: false, serverIssues: [], live: null, liveFor: null, reviewState: claim.reviewState,
    savedWarnings: claim.warnings, savedProposal: claim.proposal, attempted: false,
  };
}

/** Sets one value; the server's issues about that field no longer apply. */
export function withValue(row: ClaimRow, field: ValueField, value: string): ClaimRow {
  const relatedToAmounts = MONEY_FIELDS.includes(field as MoneyField);
  const stale = (i: FieldIssue) => i.field === field || (relatedToAmounts && i.field === 'selfPay') || i.code.startsWith('medical.duplicate');
  return {
    ...row,
    values: { ...row.values, [field]: value },
    serverIssues: row.serverIssues.filter((i) => !stale(i)),
  };
}

export function withPerson(row: ClaimRow, person: ClaimantCandidate | null, query = ''): ClaimRow {
  return {
    ...row, person, personQuery: person ? '' : query,
    serverIssues: row.serverIssues.filter((i) => i.field !== 'personId' && !i.code.startsWith('medical.duplicate')),
  };
}
