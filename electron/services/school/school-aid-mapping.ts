/** Database rows of school_aid (joined with the student and household) as contract objects. */
import type { SchoolAid } from '../../../shared/contract/school.js';
import type { FieldIssue } from '../../../shared/domain/issue.js';

export interface SchoolAidRecord {
  id: string; row_version: number; person_id: string; person_name: string; id_number: string; household_no: string;
  village_code: string; village_name: string; school_year: string; term: SchoolAid['schoolTerm']; aid_year: number; stage: SchoolAid['schoolStage'];
  school: string | null; item: SchoolAid['aidItem']; amount_fen: number; paid_date: string | null; out_of_province: number;
  note: string | null; warnings: string; review_state: SchoolAid['reviewState']; review_reason: string | null;
  created_by: string; updated_at: string;
}

/** The record with its student; callers add WHERE / ORDER BY. Column names are fixed here. */
export const SCHOOL_AID_ROW_SQL = `
SELECT a.*, p.name AS person_name, p.id_number, h.household_no, h.village_code, COALESCE(v.name, h.village_code) AS village_name
FROM school_aid a
JOIN person p ON p.id = a.person_id
JOIN household h ON h.id = p.household_id
LEFT JOIN village v ON v.code = h.village_code`;

export function toSchoolAid(r: SchoolAidRecord): SchoolAid {
  return {
    id: r.id, rowVersion: r.row_version, personId: r.person_id, personName: r.person_name, idNumber: r.id_number,
    householdNo: r.household_no, villageName: r.village_name, schoolYear: r.school_year, schoolTerm: r.term, aidYear: r.aid_year,
    schoolStage: r.stage, schoolName: r.school, aidItem: r.item, amountFen: r.amount_fen, paidDate: r.paid_date,
    outOfProvince: r.out_of_province === 1, note: r.note, warnings: JSON.parse(r.warnings) as FieldIssue[],
    reviewState: r.review_state, reviewReason: r.review_reason, createdBy: r.created_by, updatedAt: r.updated_at,
  };
}
