/**
 * Everything saving a claim would say, without writing: the pure date and amount rules, the
 * person (known, insured), the policy year's rules, and the calculator's proposal from the
 * person's earlier claims that year in date order. Used by save, propose and import alike.
 */
import type { MedicalClaimDraft } from '../../../shared/contract/medical.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { claimPolicyYear, validateClaimDates } from '../../../shared/domain/medical/claim-dates.js';
import { validateClaimAmounts } from '../../../shared/domain/medical/claim-validation.js';
import { proposeLayers, type LayerProposalResult, type PriorClaim } from '../../../shared/domain/medical/layer-calculator.js';
import type { PolicyYearRules } from '../../../shared/domain/medical/policy.js';
import { selfPayFen, selfShare } from '../../../shared/domain/medical/self-pay.js';
import { loadPolicyYear, type Queryable } from '../medical-policy.js';
import { draftLayers, LAYER_CODES, typedColumn, type ClaimDerived } from './claim-mapping.js';

export interface ClaimantRecord {
  id: string;
  name: string;
  insured: number;
}

/** Policy years read once per import or request. */
export class PolicyCache {
  private readonly years = new Map<number, Promise<PolicyYearRules | null>>();

  constructor(private readonly conn: Queryable) {}

  get(year: number): Promise<PolicyYearRules | null> {
    let rules = this.years.get(year);
    if (!rules) this.years.set(year, (rules = loadPolicyYear(this.conn, year)));
    return rules;
  }
}

/** Sorts after every UUID: a new claim comes after the earlier ones of the same dates. */
const AFTER_ALL_IDS = '~';

export const PRIOR_CLAIMS_SQL = `SELECT visit_type, hospital_level, in_scope_fen, ${LAYER_CODES.map(typedColumn).join(', ')}
  FROM medical_claim
  WHERE person_id = ? AND policy_year = ? AND deleted_at IS NULL AND id <> ?
    AND (admission_date, discharge_date, id) < (?, ?, ?)
  ORDER BY admission_date, discharge_date, id`;

type PriorRecord = { visit_type: PriorClaim['visitType']; hospital_level: PriorClaim['hospitalLevel']; in_scope_fen: number } & Record<string, number | null>;

export function priorClaimParams(personId: string, year: number, claimId: string | null, admissionDate: string, dischargeDate: string) {
  return [personId, year, claimId ?? '', admissionDate, dischargeDate, claimId ?? AFTER_ALL_IDS];
}

export function toPriorClaims(rows: PriorRecord[]): PriorClaim[] {
  return rows.map((r) => ({
    visitType: r.visit_type,
    hospitalLevel: r.hospital_level,
    inScopeFen: r.in_scope_fen,
    layers: Object.fromEntries(LAYER_CODES.map((c) => [c, r[typedColumn(c)] ?? 0])),
  }));
}

/** The person's claims of `year` that come before this one (admission, discharge, then id). */
export async function priorClaimsOf(
  conn: Queryable, personId: string, year: number, claimId: string | null, admissionDate: string, dischargeDate: string,
): Promise<PriorClaim[]> {
  const rows = await conn.all<PriorRecord>(PRIOR_CLAIMS_SQL, priorClaimParams(personId, year, claimId, admissionDate, dischargeDate));
  return toPriorClaims(rows);
}

export interface ClaimEvaluation {
  errors: FieldIssue[];
  warnings: FieldIssue[];
  /** Set when there are no errors. */
  derived: ClaimDerived | null;
}

/** What the check needs from the database, so the bulk import can answer from prepared statements. */
export interface ClaimLookups {
  claimant(personId: string): Promise<ClaimantRecord | null>;
  rules(year: number): Promise<PolicyYearRules | null>;
  priorClaims(personId: string, year: number, claimId: string | null, admissionDate: string, dischargeDate: string): Promise<PriorClaim[]>;
}

export function lookupsOn(conn: Queryable, cache = new PolicyCache(conn)): ClaimLookups {
  return {
    claimant: async (personId) => (await conn.get<ClaimantRecord>(
      'SELECT id, name, insured FROM person WHERE id = ? AND deleted_at IS NULL', [personId],
    )) ?? null,
    rules: (year) => cache.get(year),
    priorClaims: (personId, year, claimId, admission, discharge) => priorClaimsOf(conn, personId, year, claimId, admission, discharge),
  };
}

const isFen = (v: number) => Number.isSafeInteger(v) && v >= 0;

/** The proposal for a draft whose person, year and amounts are known and whole fen; else null. */
export async function proposalFor(
  lookups: ClaimLookups, draft: MedicalClaimDraft, rules: PolicyYearRules,
): Promise<{ proposal: LayerProposalResult; priorClaims: number } | null> {
  if (!isFen(draft.totalCost) || !isFen(draft.inScopeCost)) return null;
  const priors = await lookups.priorClaims(draft.personId, rules.year, draft.id ?? null, draft.admissionDate, draft.dischargeDate);
  const proposal = proposeLayers({
    rules,
    claim: { visitType: draft.visitType, hospitalLevel: draft.hospitalLevel, totalFen: draft.totalCost, inScopeFen: draft.inScopeCost },
    priorClaims: priors,
  });
  return { proposal, priorClaims: priors.length };
}

export async function evaluateClaim(lookups: ClaimLookups, draft: MedicalClaimDraft): Promise<ClaimEvaluation> {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  const person = await lookups.claimant(draft.personId);
  if (!person) errors.push(issue('personId', 'medical.unknownPerson'));
  else if (person.insured !== 1) warnings.push(issue('personId', 'medical.notInsured', { name: person.name }));

  const dateIssues = validateClaimDates(draft);
  errors.push(...dateIssues);
  const year = claimPolicyYear(draft);
  const rules = year === null ? null : await lookups.rules(year);
  if (year !== null && !rules) errors.push(issue('policyYear', 'medical.noPolicyYear', { year }));
  if (!rules) return { errors, warnings, derived: null };

  const datesOk = dateIssues.filter((i) => i.field !== 'settlementDate').length === 0;
  const proposed = person && datesOk ? await proposalFor(lookups, draft, rules) : null;
  const layers = draftLayers(draft);
  const amounts = validateClaimAmounts({
    rules, claim: { visitType: draft.visitType, hospitalLevel: draft.hospitalLevel, totalFen: draft.totalCost, inScopeFen: draft.inScopeCost, layers },
    proposal: proposed?.proposal ?? null,
  });
  errors.push(...amounts.errors);
  if (draft.accidentInsurance !== null && !isFen(draft.accidentInsurance)) {
    errors.push(issue('accidentInsurance', Number.isSafeInteger(draft.accidentInsurance) ? 'money.negative' : 'medical.notWholeFen'));
  }
  warnings.push(...amounts.warnings);
  if (errors.length > 0) return { errors, warnings, derived: null };

  const typed = Object.values(layers);
  const share = selfShare(draft.inScopeCost, typed, rules.personalShareCeilingBp);
  return {
    errors,
    warnings,
    derived: {
      policyYear: rules.year,
      selfPayFen: selfPayFen(draft.totalCost, typed),
      inScopeSelfPayFen: share.inScopeSelfPayFen,
      selfShareBp: share.selfShareBp,
      overCeiling: share.overCeiling,
      proposal: proposed?.proposal ?? null,
      warnings,
    },
  };
}
