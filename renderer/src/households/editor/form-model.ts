/**
 * The editor's form state: what the clerk typed, as strings, kept whole whatever the server
 * says. Drafts for the contract and the shared rules are derived from it, never stored.
 */
import type { Household, HouseholdDraft, MemberDraft } from '../../../../shared/contract/households.js';
import { isEnumValue, type EnumName, type EnumValue } from '../../../../shared/domain/enums.js';
import { issue, type FieldIssue } from '../../../../shared/domain/issue.js';

export interface MemberForm {
  /** Local key for React and the id-holder check; not sent. */
  key: string;
  id?: string;
  rowVersion?: number;
  name: string;
  idNumber: string;
  relation: string;
  health: string;
  disabilityType: string;
  disabilityGrade: string;
  laborAbility: string;
  schoolStatus: string;
  insured: boolean;
  phone: string;
  removalReason: string;
}

export interface HouseholdForm {
  id?: string;
  rowVersion?: number;
  householdNo: string;
  villageCode: string;
  status: string;
  exitYear: string;
  cause: string;
  dibao: boolean;
  tekun: boolean;
  helperName: string;
  helperUnit: string;
  helperPhone: string;
  bankAccount: string;
  address: string;
  note: string;
}

export interface EditorForm {
  household: HouseholdForm;
  members: MemberForm[];
}

let nextKey = 1;
export const newKey = () => `m${nextKey++}`;

export function emptyMember(relation: string): MemberForm {
  return {
    key: newKey(), name: '', idNumber: '', relation, health: 'healthy', disabilityType: '', disabilityGrade: '',
    laborAbility: '', schoolStatus: '', insured: true, phone: '', removalReason: '',
  };
}

/** A new household: 建档立卡贫困户, one empty member who is the head. */
export function newHouseholdForm(defaults: { villageCode: string; status?: string }): EditorForm {
  return {
    household: {
      householdNo: '', villageCode: defaults.villageCode, status: defaults.status ?? 'registered_poor', exitYear: '', cause: '',
      dibao: false, tekun: false, helperName: '', helperUnit: '', helperPhone: '', bankAccount: '', address: '', note: '',
    },
    members: [emptyMember('head')],
  };
}

export function formFromHousehold(h: Household): EditorForm {
  return {
    household: {
      id: h.id, rowVersion: h.rowVersion, householdNo: h.householdNo, villageCode: h.villageCode, status: h.status,
      exitYear: h.exitYear === null ? '' : String(h.exitYear), cause: h.cause ?? '', dibao: h.dibao, tekun: h.tekun,
      helperName: h.helperName ?? '', helperUnit: h.helperUnit ?? '', helperPhone: h.helperPhone ?? '',
      bankAccount: h.bankAccount ?? '', address: h.address ?? '', note: h.note ?? '',
    },
    members: h.members.map((m) => ({
      key: newKey(), id: m.id, rowVersion: m.rowVersion, name: m.name, idNumber: m.idNumber, relation: m.relation,
      health: m.health, disabilityType: m.disabilityType ?? '', disabilityGrade: m.disabilityGrade ?? '',
      laborAbility: m.laborAbility ?? '', schoolStatus: m.schoolStatus ?? '', insured: m.insured, phone: m.phone ?? '',
      removalReason: m.removalReason ?? '',
    })),
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function optionalEnum<N extends EnumName>(name: N, value: string): EnumValue<N> | null {
  return isEnumValue(name, value) ? value : null;
}

export interface Drafts {
  household: HouseholdDraft;
  members: MemberDraft[];
  /** What the form alone can tell is missing or malformed (choices not made, a year that is not a year). */
  formIssues: FieldIssue[];
}

/** Form → contract drafts. Unchosen required choices stand in as harmless values and are reported. */
export function toDrafts(form: EditorForm): Drafts {
  const h = form.household;
  const formIssues: FieldIssue[] = [];
  if (!h.villageCode) formIssues.push(issue('villageCode', 'required'));
  let exitYear: number | null = null;
  if (h.exitYear.trim() !== '') {
    if (/^\d{4}$/.test(h.exitYear.trim())) exitYear = Number(h.exitYear.trim());
    else formIssues.push(issue('exitYear', 'invalid'));
  }
  const household: HouseholdDraft = {
    ...(h.id ? { id: h.id, rowVersion: h.rowVersion } : {}),
    householdNo: h.householdNo.trim(),
    villageCode: h.villageCode,
    status: isEnumValue('householdStatus', h.status) ? h.status : 'registered_poor',
    exitYear, cause: optionalEnum('povertyCause', h.cause), dibao: h.dibao, tekun: h.tekun,
    helperName: text(h.helperName), helperUnit: text(h.helperUnit), helperPhone: text(h.helperPhone),
    bankAccount: text(h.bankAccount), address: text(h.address), note: text(h.note),
  };
  const members = form.members.map((m, i): MemberDraft => {
    if (!isEnumValue('relation', m.relation)) formIssues.push(issue(`members.${i}.relation`, 'required'));
    return {
      ...(m.id ? { id: m.id, rowVersion: m.rowVersion } : {}),
      name: m.name.trim(), idNumber: m.idNumber.trim(),
      relation: optionalEnum('relation', m.relation) ?? 'other',
      health: optionalEnum('health', m.health) ?? 'healthy',
      disabilityType: optionalEnum('disabilityType', m.disabilityType),
      disabilityGrade: optionalEnum('disabilityGrade', m.disabilityGrade),
      laborAbility: optionalEnum('laborAbility', m.laborAbility),
      schoolStatus: optionalEnum('schoolStatus', m.schoolStatus),
      insured: m.insured, phone: text(m.phone),
      removalReason: optionalEnum('removalReason', m.removalReason),
    };
  });
  return { household, members, formIssues };
}

/** Same content whatever the local keys: whether the form is dirty. */
export function sameForm(a: EditorForm, b: EditorForm): boolean {
  const strip = (f: EditorForm) => JSON.stringify({ h: f.household, m: f.members.map(({ key: _key, ...rest }) => rest) });
  return strip(a) === strip(b);
}
