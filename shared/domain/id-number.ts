/**
 * Resident identity numbers (公民身份号码), GB 11643-1999.
 * 17 digits + a check character; digits 7-14 are the birth date, the 17th is odd for male.
 */
import { issue, type FieldIssue } from './issue.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Sex = 'male' | 'female';

export interface IdNumberFacts {
  idNumber: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  areaCode: string; // first six digits
}

export type IdNumberResult =
  | { ok: true; value: IdNumberFacts }
  | { ok: false; issue: FieldIssue; /** for a valid 15-digit legacy number: its 18-digit form, to offer */ upgrade?: string };

/** Trims, removes inner spaces, turns full-width digits/X into ASCII and `x` into `X`. */
export function normaliseIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF38\uFF58]/g, 'X')
    .replace(/\s+/g, '')
    .toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** A real calendar date, not after `today` (YYYY-MM-DD). */
function birthDateIssue(yyyymmdd: string, today: string, field: string): FieldIssue | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (!real || y < 1880) return issue(field, 'idNumber.birthDateInvalid', { date: iso });
  if (iso > today) return issue(field, 'idNumber.birthDateFuture', { date: iso });
  return null;
}

/** Converts a legacy 15-digit number (YYMMDD, 20th century) to 18 digits. */
export function upgradeLegacyIdNumber(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6, 15)}`;
  return first17 + idCheckChar(first17);
}

/** The local calendar day (YYYY-MM-DD): in Beijing, 07:30 on Jan 1 is already the new year. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Checks an ID number. A 15-digit legacy number is refused but its 18-digit form is returned
 * in `upgrade` so the UI can offer it: it is never converted silently.
 */
export function parseIdNumber(raw: string, field = 'idNumber', today: string = todayIso()): IdNumberResult {
  const id = normaliseIdNumber(raw);
  if (id === '') return { ok: false, issue: issue(field, 'required') };
  if (/^\d{15}$/.test(id)) {
    const dateIssue = birthDateIssue(`19${id.slice(6, 12)}`, today, field);
    if (dateIssue) return { ok: false, issue: dateIssue };
    const upgrade = upgradeLegacyIdNumber(id);
    return { ok: false, issue: issue(field, 'idNumber.legacy15', { upgrade }), upgrade };
  }
  if (id.length === 18 && !/^\d{17}[\dX]$/.test(id)) {
    // Right length, wrong character (a letter O for a zero, an X before the end): say where.
    const inFirst17 = id.slice(0, 17).search(/\D/);
    const position = inFirst17 === -1 ? 17 : inFirst17;
    return { ok: false, issue: issue(field, 'idNumber.badChar', { position: position + 1, char: id[position]! }) };
  }
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, issue: issue(field, 'idNumber.format', { length: id.length }) };
  const dateIssue = birthDateIssue(id.slice(6, 14), today, field);
  if (dateIssue) return { ok: false, issue: dateIssue };
  const expected = idCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, issue: issue(field, 'idNumber.checksum', { expected, actual: id[17]! }) };
  return {
    ok: true,
    value: {
      idNumber: id,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      areaCode: id.slice(0, 6),
    },
  };
}

/** Whole years from birth to `onDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string = todayIso()): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** `371502********1234`: the area code and last four stay visible. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** Bank card and phone numbers: only the last four stay visible. */
export function maskTail(value: string | null | undefined, keep = 4): string {
  if (!value) return '';
  if (value.length <= keep) return '*'.repeat(value.length);
  return '*'.repeat(value.length - keep) + value.slice(-keep);
}
