/**
 * Rules a household and its members must satisfy before they are saved. Pure: the form runs
 * them while the clerk types and the service runs them again before writing.
 */
import { issue, type FieldIssue } from './issue.js';
import { parseIdNumber, todayIso } from './id-number.js';
import type { HouseholdDraft, MemberDraft } from '../contract/households.js';

const PHONE = /^[0-9+\-() ]{7,20}$/;

export function validateMember(member: MemberDraft, index: number, today: string = todayIso()): FieldIssue[] {
  const at = (f: string) => `members.${index}.${f}`;
  const issues: FieldIssue[] = [];
  if (member.name.trim() === '') issues.push(issue(at('name'), 'required'));
  const id = parseIdNumber(member.idNumber, at('idNumber'), today);
  if (!id.ok) issues.push(id.issue);
  if (member.health === 'disabled') {
    if (!member.disabilityType) issues.push(issue(at('disabilityType'), 'person.disabilityTypeRequired'));
    if (!member.disabilityGrade) issues.push(issue(at('disabilityGrade'), 'person.disabilityGradeRequired'));
  } else if (member.disabilityType || member.disabilityGrade) {
    issues.push(issue(at('health'), 'person.disabilityWithoutHealth'));
  }
  if (member.phone && !PHONE.test(member.phone)) issues.push(issue(at('phone'), 'phone.format'));
  return issues;
}

/** The household's own fields, without its members (the county checks uploaded rows one by one). */
export function validateHouseholdFields(household: HouseholdDraft, today: string = todayIso()): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (household.householdNo.trim() === '') issues.push(issue('householdNo', 'required'));
  if (household.helperPhone && !PHONE.test(household.helperPhone)) issues.push(issue('helperPhone', 'phone.format'));
  if (household.exitYear !== null && household.exitYear > Number(today.slice(0, 4))) {
    issues.push(issue('exitYear', 'household.exitYearFuture', { year: household.exitYear }));
  }
  return issues;
}

export function validateHousehold(household: HouseholdDraft, members: MemberDraft[], today: string = todayIso()): FieldIssue[] {
  const issues = validateHouseholdFields(household, today);
  if (members.length === 0) issues.push(issue('members', 'household.noMembers'));

  members.forEach((m, i) => issues.push(...validateMember(m, i, today)));

  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    const id = parseIdNumber(m.idNumber, '', today);
    if (!id.ok) return;
    const first = seen.get(id.value.idNumber);
    if (first !== undefined) issues.push(issue(`members.${i}.idNumber`, 'idNumber.duplicateInHousehold', { row: first + 1 }));
    else seen.set(id.value.idNumber, i);
  });

  // Removed members (death, moved out) stay on record but no longer count as the head.
  const heads = members.filter((m) => m.relation === 'head' && m.removalReason === null);
  if (members.length > 0 && heads.length === 0) issues.push(issue('members', 'household.noHead'));
  if (heads.length > 1) issues.push(issue('members', 'household.manyHeads', { count: heads.length }));
  return issues;
}
