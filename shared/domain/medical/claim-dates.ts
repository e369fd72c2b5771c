/**
 * The dates of one claim: real calendar days, discharge not before admission, both inside the
 * policy year (which defaults to the year of the discharge date). Pure.
 */
import { issue, type FieldIssue } from '../issue.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

export interface ClaimDates {
  admissionDate: string;
  dischargeDate: string;
  settlementDate?: string | null;
  /** null: the year of the discharge date. */
  policyYear?: number | null;
}

/** The policy year a claim belongs to; null when the discharge date is not a real date. */
export function claimPolicyYear(dates: Pick<ClaimDates, 'dischargeDate' | 'policyYear'>): number | null {
  if (dates.policyYear !== null && dates.policyYear !== undefined) return dates.policyYear;
  return isRealDate(dates.dischargeDate) ? Number(dates.dischargeDate.slice(0, 4)) : null;
}

/**
 * Errors: `medical.dateInvalid` (not a real day), `medical.dischargeBeforeAdmission`,
 * `medical.dateOutsideYear` (admission or discharge outside the policy year).
 */
export function validateClaimDates(dates: ClaimDates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const fields = [['admissionDate', dates.admissionDate], ['dischargeDate', dates.dischargeDate]] as const;
  for (const [field, value] of fields) {
    if (!isRealDate(value)) issues.push(issue(field, 'medical.dateInvalid', { date: value }));
  }
  if (dates.settlementDate && !isRealDate(dates.settlementDate)) issues.push(issue('settlementDate', 'medical.dateInvalid', { date: dates.settlementDate }));
  if (issues.some((i) => i.field !== 'settlementDate')) return issues;

  if (dates.dischargeDate < dates.admissionDate) {
    issues.push(issue('dischargeDate', 'medical.dischargeBeforeAdmission', { admission: dates.admissionDate, discharge: dates.dischargeDate }));
  }
  const year = claimPolicyYear(dates);
  for (const [field, value] of fields) {
    if (Number(value.slice(0, 4)) !== year) issues.push(issue(field, 'medical.dateOutsideYear', { date: value, year: year ?? '' }));
  }
  return issues;
}

/** What clerks type or Excel gives: 2020-3-5, 2020/03/05, 2020.3.5, 20200305, 2020年3月5日 → 2020-03-05. */
export function normaliseClaimDate(raw: string): string {
  const text = raw.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return parts ? `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}` : text;
}
