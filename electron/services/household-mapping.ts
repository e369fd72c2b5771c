/** Between the contract's camelCase shapes and the tables' columns. */
import type { SqlValue } from '../db/driver.js';
import type { Household, HouseholdDraft, Member, MemberDraft } from '../../shared/contract/households.js';
import type { IdNumberFacts } from '../../shared/domain/id-number.js';

export interface HouseholdRecord {
  id: string; household_no: string; village_code: string; village_name: string; status: string;
  exit_year: number | null; cause: string | null; dibao: number; tekun: number;
  helper_name: string | null; helper_unit: string | null; helper_phone: string | null;
  bank_account: string | null; address: string | null; note: string | null;
  row_version: number; updated_at: string; updated_by: string; created_by: string;
  review_state: Household['reviewState']; review_reason: string | null; reviewed_by: string | null; reviewed_at: string | null;
}

export interface PersonRecord {
  id: string; household_id: string; name: string; id_number: string; sex: 'male' | 'female'; birth_date: string;
  relation: string; health: string; disability_type: string | null; disability_grade: string | null;
  labor_ability: string | null; school_status: string | null; insured: number; phone: string | null;
  removal_reason: string | null; row_version: number;
}

export function householdValues(d: HouseholdDraft): Record<string, SqlValue> {
  return {
    household_no: d.householdNo.trim(), village_code: d.villageCode, status: d.status, exit_year: d.exitYear,
    cause: d.cause, dibao: d.dibao ? 1 : 0, tekun: d.tekun ? 1 : 0, helper_name: d.helperName,
    helper_unit: d.helperUnit, helper_phone: d.helperPhone, bank_account: d.bankAccount,
    address: d.address, note: d.note,
  };
}

export function personValues(m: MemberDraft, facts: IdNumberFacts, householdId: string, position: number): Record<string, SqlValue> {
  return {
    household_id: householdId, name: m.name.trim(), id_number: facts.idNumber, sex: facts.sex, birth_date: facts.birthDate,
    relation: m.relation, health: m.health, disability_type: m.disabilityType, disability_grade: m.disabilityGrade,
    labor_ability: m.laborAbility, school_status: m.schoolStatus, insured: m.insured ? 1 : 0, phone: m.phone,
    removal_reason: m.removalReason, position,
  };
}

export function toMember(p: PersonRecord): Member {
  return {
    id: p.id, rowVersion: p.row_version, name: p.name, idNumber: p.id_number, sex: p.sex, birthDate: p.birth_date,
    relation: p.relation as Member['relation'], health: p.health as Member['health'],
    disabilityType: p.disability_type as Member['disabilityType'], disabilityGrade: p.disability_grade as Member['disabilityGrade'],
    laborAbility: p.labor_ability as Member['laborAbility'], schoolStatus: p.school_status as Member['schoolStatus'],
    insured: p.insured === 1, phone: p.phone, removalReason: p.removal_reason as Member['removalReason'],
  };
}

export function toHousehold(h: HouseholdRecord, members: PersonRecord[]): Household {
  return {
    id: h.id, rowVersion: h.row_version, householdNo: h.household_no, villageCode: h.village_code, villageName: h.village_name,
    status: h.status as Household['status'], exitYear: h.exit_year, cause: h.cause as Household['cause'],
    dibao: h.dibao === 1, tekun: h.tekun === 1, helperName: h.helper_name, helperUnit: h.helper_unit,
    helperPhone: h.helper_phone, bankAccount: h.bank_account, address: h.address, note: h.note,
    updatedAt: h.updated_at, updatedBy: h.updated_by, createdBy: h.created_by, reviewState: h.review_state,
    reviewReason: h.review_reason, reviewedBy: h.reviewed_by, reviewedAt: h.reviewed_at, members: members.map(toMember),
  };
}
