/** The form's state as typed (strings), and the draft it sends: the main process parses and checks. */
import type { MethodInput } from '../../../../shared/contract/index.js';
import type { SchoolAid } from '../../../../shared/contract/school.js';
import type { SchoolAidItem, SchoolStage, SchoolTerm } from '../../../../shared/domain/enums.js';
import { formatYuan } from '../../../../shared/domain/money.js';

export interface SchoolForm {
  id: string | null;
  rowVersion: number | null;
  personName: string;
  idNumber: string;
  schoolYear: string;
  schoolTerm: SchoolTerm;
  schoolStage: SchoolStage;
  schoolName: string;
  aidItem: SchoolAidItem;
  amount: string;
  paidDate: string;
  outOfProvince: boolean;
  note: string;
}

/** The 学年 running on `today`: from September on, the one that starts this year. */
export function currentSchoolYear(today: Date): string {
  const start = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
  return `${start}-${start + 1}`;
}

export function emptyForm(today: Date, keep?: Partial<SchoolForm>): SchoolForm {
  return {
    id: null, rowVersion: null, personName: '', idNumber: '', schoolYear: currentSchoolYear(today),
    schoolTerm: today.getMonth() >= 8 ? 'autumn' : 'spring', schoolStage: 'primary', schoolName: '', aidItem: 'living_allowance',
    amount: '', paidDate: '', outOfProvince: false, note: '', ...keep,
  };
}

export function formOf(record: SchoolAid): SchoolForm {
  return {
    id: record.id, rowVersion: record.rowVersion, personName: record.personName, idNumber: record.idNumber, schoolYear: record.schoolYear,
    schoolTerm: record.schoolTerm, schoolStage: record.schoolStage, schoolName: record.schoolName ?? '', aidItem: record.aidItem,
    amount: formatYuan(record.amountFen), paidDate: record.paidDate ?? '', outOfProvince: record.outOfProvince, note: record.note ?? '',
  };
}

export function draftOf(form: SchoolForm): MethodInput<'school/save'> {
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    ...(form.id ? { id: form.id, rowVersion: form.rowVersion ?? 1 } : {}),
    idNumber: form.idNumber, schoolYear: form.schoolYear, schoolTerm: form.schoolTerm, schoolStage: form.schoolStage,
    schoolName: text(form.schoolName), aidItem: form.aidItem, amount: form.amount, paidDate: text(form.paidDate),
    outOfProvince: form.outOfProvince, note: text(form.note),
  };
}
