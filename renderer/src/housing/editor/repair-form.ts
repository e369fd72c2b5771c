/**
 * The repair form as the clerk types it (all text; money in yuan), and its conversion to the
 * contract's draft (money in fen). A field that cannot convert becomes an issue on that field,
 * so nothing typed is ever thrown away.
 */
import type { HousingRepair, RepairDraft } from '../../../../shared/contract/housing.js';
import { issue, type FieldIssue } from '../../../../shared/domain/issue.js';
import { formatYuan, parseMoney } from '../../../../shared/domain/money.js';

export const dateFields = [
  'appraisalDate', 'publicityVillageDate', 'publicityTownshipDate', 'publicityCountyDate',
  'startDate', 'completionDate', 'acceptanceDate', 'disbursementDate',
] as const;
export const moneyFields = [
  'subsidyCentralFen', 'subsidyProvincialFen', 'subsidyCityFen', 'subsidyCountyFen', 'selfRaisedFen', 'furnitureCostFen', 'otherRepairsCostFen',
] as const;
export const textFields = ['householdNo', 'appraisalOrg', 'archiveNo', 'furnitureItems', 'otherRepairs', 'note', 'planYear'] as const;
export const choiceFields = ['safetyGrade', 'repairMode', 'acceptanceResult'] as const;

type DateField = (typeof dateFields)[number];
type MoneyField = (typeof moneyFields)[number];
type TextField = (typeof textFields)[number];
type ChoiceField = (typeof choiceFields)[number];
export type FormField = DateField | MoneyField | TextField | ChoiceField;

export type RepairForm = Record<FormField, string> & { id: string | null; rowVersion: number | null; platePosted: boolean };

export function emptyForm(): RepairForm {
  const form = { id: null, rowVersion: null, platePosted: false } as Partial<RepairForm>;
  for (const f of [...dateFields, ...moneyFields, ...textFields, ...choiceFields]) form[f] = '';
  return form as RepairForm;
}

export function formOf(r: HousingRepair): RepairForm {
  const form = emptyForm();
  form.id = r.id;
  form.rowVersion = r.rowVersion;
  form.platePosted = r.platePosted;
  for (const f of dateFields) form[f] = r[f] ?? '';
  for (const f of moneyFields) form[f] = r[f] === 0 ? '' : formatYuan(r[f]);
  for (const f of choiceFields) form[f] = r[f] ?? '';
  form.householdNo = r.householdNo;
  form.planYear = r.planYear === null ? '' : String(r.planYear);
  for (const f of ['appraisalOrg', 'archiveNo', 'furnitureItems', 'otherRepairs', 'note'] as const) form[f] = r[f] ?? '';
  return form;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function toDraft(form: RepairForm): { draft: RepairDraft; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const money = {} as Record<MoneyField, number>;
  for (const f of moneyFields) {
    if (form[f].trim() === '') {
      money[f] = 0;
      continue;
    }
    const parsed = parseMoney(form[f], f);
    if (parsed.ok) money[f] = parsed.fen;
    else {
      money[f] = 0;
      issues.push(parsed.issue);
    }
  }
  let planYear: number | null = null;
  if (form.planYear.trim() !== '') {
    planYear = Number(form.planYear.trim());
    if (!Number.isInteger(planYear) || planYear < 2013 || planYear > 2100) {
      issues.push(issue('planYear', 'invalid'));
      planYear = null;
    }
  }
  if (form.householdNo.trim() === '') issues.push(issue('householdNo', 'required'));
  for (const f of dateFields) {
    if (form[f].trim() !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form[f].trim())) issues.push(issue(f, 'housing.dateFormat'));
  }
  const draft: RepairDraft = {
    ...(form.id ? { id: form.id } : {}),
    ...(form.rowVersion ? { rowVersion: form.rowVersion } : {}),
    householdNo: form.householdNo.trim(),
    appraisalOrg: orNull(form.appraisalOrg),
    safetyGrade: (orNull(form.safetyGrade) as RepairDraft['safetyGrade']),
    repairMode: (orNull(form.repairMode) as RepairDraft['repairMode']),
    acceptanceResult: (orNull(form.acceptanceResult) as RepairDraft['acceptanceResult']),
    planYear,
    platePosted: form.platePosted,
    archiveNo: orNull(form.archiveNo),
    furnitureItems: orNull(form.furnitureItems),
    otherRepairs: orNull(form.otherRepairs),
    note: orNull(form.note),
    ...money,
    ...(Object.fromEntries(dateFields.map((f) => [f, orNull(form[f])])) as Record<DateField, string | null>),
  };
  return { draft, issues };
}

/** Contract validation names fields `repair.startDate`; the form names them `startDate`. */
export function formIssue(i: FieldIssue): FieldIssue {
  return i.field.startsWith('repair.') ? { ...i, field: i.field.slice('repair.'.length) } : i;
}
