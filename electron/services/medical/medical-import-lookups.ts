/**
 * What the checks of one page of imported rows need from the database, asked once per page
 * instead of once per row: the page's people's claims in the years concerned (the calculator's
 * look-back, growing as the page's rows are accepted) and the claims already held that a row
 * would repeat (same hospital + invoice, or same person + hospital + admission date).
 */
import type { SqlValue, Tx } from '../../db/driver.js';
import type { PriorClaim } from '../../../shared/domain/medical/layer-calculator.js';
import { PolicyCache, toPriorClaims, type ClaimantRecord, type ClaimLookups } from './claim-check.js';
import { LAYER_CODES, typedColumn } from './claim-mapping.js';

type PriorRecord = Parameters<typeof toPriorClaims>[0][number] & { person_id: string; policy_year: number; admission_date: string; discharge_date: string };
interface Dated { admission: string; discharge: string; claim: PriorClaim }

/** A claim already held, with what a pointer to it shows. */
export type ExistingClaim = Record<string, SqlValue> & { id: string; admission_date: string; hospital_name: string; person_name: string };

/** SQLite searches the unique index once per VALUES row (a row-value IN list would scan the table). */
const KEY_BATCH = 500;

export class ClaimPageLookups implements ClaimLookups {
  private readonly claims = new Map<string, Dated[]>();
  /** `person|year` of the people who had claims held that year before this import. */
  readonly held = new Set<string>();

  private constructor(private readonly persons: Map<string, ClaimantRecord>, private readonly policies: PolicyCache) {}

  /** Look-ups for one page: its people's live claims in `years`. */
  static async load(tx: Tx, persons: Map<string, ClaimantRecord>, policies: PolicyCache, personIds: string[], years: number[]): Promise<ClaimPageLookups> {
    const lookups = new ClaimPageLookups(persons, policies);
    if (years.length === 0) return lookups;
    for (let at = 0; at < personIds.length; at += KEY_BATCH) {
      const ids = personIds.slice(at, at + KEY_BATCH);
      const rows = await tx.all<PriorRecord>(
        `SELECT person_id, policy_year, admission_date, discharge_date, visit_type, hospital_level, in_scope_fen, ${LAYER_CODES.map(typedColumn).join(', ')}
         FROM medical_claim WHERE deleted_at IS NULL AND person_id IN (${ids.map(() => '?').join(', ')})
           AND policy_year IN (${years.map(() => '?').join(', ')})`,
        [...ids, ...years],
      );
      const claims = toPriorClaims(rows);
      rows.forEach((r, i) => {
        lookups.add(r.person_id, r.policy_year, r.admission_date, r.discharge_date, claims[i]!);
        lookups.held.add(personYear(r.person_id, r.policy_year));
      });
    }
    return lookups;
  }

  add(personId: string, year: number, admission: string, discharge: string, claim: PriorClaim): void {
    const key = personYear(personId, year);
    const list = this.claims.get(key);
    if (list) list.push({ admission, discharge, claim });
    else this.claims.set(key, [{ admission, discharge, claim }]);
  }

  async claimant(personId: string) {
    return this.persons.get(personId) ?? null;
  }

  rules(year: number) {
    return this.policies.get(year);
  }

  /** A new row comes after every claim of the same dates. */
  async priorClaims(personId: string, year: number, _claimId: string | null, admission: string, discharge: string) {
    return (this.claims.get(`${personId}|${year}`) ?? [])
      .filter((c) => c.admission < admission || (c.admission === admission && c.discharge <= discharge))
      .map((c) => c.claim);
  }
}

export const personYear = (personId: string, year: number) => `${personId}|${year}`;

const invoiceKey = (hospital: string, invoice: string) => `${hospital}\u0000${invoice}`;
const visitKey = (personId: string, hospital: string, admission: string) => `${personId}\u0000${hospital}\u0000${admission}`;

/** Live claims matching any of `keys` on the columns named, found through their unique index. */
async function claimsByKey(tx: Tx, columns: string[], keys: string[][], extra = ''): Promise<ExistingClaim[]> {
  const found: ExistingClaim[] = [];
  for (let at = 0; at < keys.length; at += KEY_BATCH) {
    const batch = keys.slice(at, at + KEY_BATCH);
    const values = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    const on = columns.map((c, i) => `c.${c} = k.column${i + 1}`).join(' AND ');
    found.push(...await tx.all<ExistingClaim>(
      `SELECT c.*, p.name AS person_name FROM (VALUES ${values}) k
       CROSS JOIN medical_claim c ON ${on} AND c.deleted_at IS NULL${extra}
       JOIN person p ON p.id = c.person_id`,
      batch.flat(),
    ));
  }
  return found;
}

/** The claims already held that the page's drafts would repeat. */
export class HeldDuplicates {
  private constructor(private readonly byInvoice: Map<string, ExistingClaim>, private readonly byVisit: Map<string, ExistingClaim>) {}

  static async find(tx: Tx, drafts: { personId: string; hospitalName: string; admissionDate: string; invoiceNo: string | null }[]): Promise<HeldDuplicates> {
    const invoices = drafts.filter((d) => d.invoiceNo !== null).map((d) => [d.hospitalName, d.invoiceNo!]);
    const visits = drafts.map((d) => [d.personId, d.hospitalName, d.admissionDate]);
    const byInvoice = new Map((await claimsByKey(tx, ['hospital_name', 'invoice_no'], invoices, ' AND c.invoice_no IS NOT NULL'))
      .map((c) => [invoiceKey(c.hospital_name, String(c.invoice_no)), c]));
    const byVisit = new Map((await claimsByKey(tx, ['person_id', 'hospital_name', 'admission_date'], visits))
      .map((c) => [visitKey(String(c.person_id), c.hospital_name, c.admission_date), c]));
    return new HeldDuplicates(byInvoice, byVisit);
  }

  invoice(hospital: string, invoice: string): ExistingClaim | undefined {
    return this.byInvoice.get(invoiceKey(hospital, invoice));
  }

  visit(personId: string, hospital: string, admission: string): ExistingClaim | undefined {
    return this.byVisit.get(visitKey(personId, hospital, admission));
  }
}
