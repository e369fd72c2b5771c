/**
 * Proposes what each layer of a policy year pays for one claim (one 人次), given the person's
 * earlier claims in the same year. The clerk still types the amounts from the settlement slip;
 * the proposal is what the workstation compares them with. Pure.
 *
 * How a layer is worked out, in `position` order:
 * - base: `in_scope` → the claim's in-scope cost; `remaining` → the in-scope cost minus what the
 *   earlier layers proposed for this claim.
 * - deductible (起付线): with scope `year`, the deductible is consumed across the year's earlier
 *   claims that the layer covers (by visit type): each contributes its own base for this layer,
 *   computed from the amounts actually paid on it. Only what is left of the deductible is borne on
 *   this claim. With scope `visit`, every claim bears the full deductible. The deductible and ratio
 *   come from `rateFor` (visit type / hospital level overrides); a year deductible that differs by
 *   level is consumed against the current claim's deductible.
 * - amount: (base − deductible borne) × ratio, rounded half up to the fen (see basis-points.ts).
 * - cap (封顶线, annual): the layer's amounts already paid that year (as recorded on the earlier
 *   claims, whatever their visit type) are subtracted; the claim that crosses the cap gets only the
 *   rest, later claims 0.
 * - a layer never pays more than what is left of the in-scope cost, so nothing is negative and
 *   the layers never add up to more than the in-scope cost.
 * - a layer whose visit types do not include the claim's proposes 0 (`applies: false`).
 *
 * Input amounts must be integer fen (RangeError otherwise). A negative amount counts as 0 and an
 * in-scope cost above the total counts as the total; `validateClaimAmounts` reports both.
 */
import type { Fen } from '../money.js';
import type { HospitalLevel, MedicalLayerBase, MedicalLayerCode, VisitType } from '../enums.js';
import { applyBp } from './basis-points.js';
import { layerApplies, rateFor, type ClaimCost, type LayerAmounts, type PolicyLayerRule, type PolicyYearRules } from './policy.js';
import { selfPayFen, selfShare } from './self-pay.js';

/** An earlier claim of the same person in the same policy year, with the amounts actually paid. */
export interface PriorClaim {
  visitType: VisitType;
  hospitalLevel?: HospitalLevel | null;
  inScopeFen: Fen;
  layers: LayerAmounts;
}

export interface ProposeInput {
  rules: PolicyYearRules;
  claim: ClaimCost;
  /** Earlier claims that year, in date order; an empty list for the first claim. */
  priorClaims?: readonly PriorClaim[];
}

export interface LayerProposal {
  position: number;
  code: MedicalLayerCode;
  base: MedicalLayerBase;
  /** False when the layer does not cover the claim's visit type (then everything below is 0, except the cap). */
  applies: boolean;
  /** What the ratio works on, before the deductible. */
  baseFen: Fen;
  /** This claim's deductible (from the layer or a matching rate), before earlier claims are counted. */
  deductibleFen: Fen;
  /** Part of the base borne as deductible on this claim. */
  deductibleAppliedFen: Fen;
  ratioBp: number;
  /** What is left of the annual cap before this claim; null = no cap. */
  capRemainingFen: Fen | null;
  proposedFen: Fen;
}

export interface LayerProposalResult {
  year: number;
  /** Every layer of the year, in position order (2019: five, 2020 on: six). */
  layers: LayerProposal[];
  /** code → proposed fen, for every layer of the year. */
  amounts: LayerAmounts;
  layersTotalFen: Fen;
  /** 医疗总费用 − all proposed layers. */
  selfPayFen: Fen;
  /** 政策范围内费用 − all proposed layers. */
  inScopeSelfPayFen: Fen;
  /** inScopeSelfPay / inScope, bp rounded half up (0 when the in-scope cost is 0). */
  selfShareBp: number;
  /** In-scope self-pay share strictly above the year's personal-share ceiling. */
  overCeiling: boolean;
}

function fen(value: number, what: string): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be integer fen, got ${value}`);
  return Math.max(0, value);
}

function byPosition(rules: PolicyYearRules): PolicyLayerRule[] {
  return [...rules.layers].sort((a, b) => a.position - b.position);
}

/** The base an earlier claim gave `layer`, from the amounts actually paid by the layers before it. */
function priorBase(layer: PolicyLayerRule, ordered: readonly PolicyLayerRule[], prior: PriorClaim): Fen {
  const inScope = fen(prior.inScopeFen, 'prior inScopeFen');
  if (layer.base === 'in_scope') return inScope;
  const paidBefore = ordered
    .filter((l) => l.position < layer.position)
    .reduce((sum, l) => sum + fen(prior.layers[l.code] ?? 0, `prior ${l.code}`), 0);
  return Math.max(0, inScope - paidBefore);
}

export function proposeLayers(input: ProposeInput): LayerProposalResult {
  const { rules, claim } = input;
  const priors = input.priorClaims ?? [];
  const totalFen = fen(claim.totalFen, 'totalFen');
  const inScopeFen = Math.min(fen(claim.inScopeFen, 'inScopeFen'), totalFen);
  const ordered = byPosition(rules);

  let remaining = inScopeFen;
  const layers: LayerProposal[] = [];
  for (const layer of ordered) {
    const paidThisYear = priors.reduce((sum, p) => sum + fen(p.layers[layer.code] ?? 0, `prior ${layer.code}`), 0);
    const capRemainingFen = layer.annualCapFen === null ? null : Math.max(0, layer.annualCapFen - paidThisYear);
    const { deductibleFen, ratioBp } = rateFor(layer, claim.visitType, claim.hospitalLevel);
    const common = { position: layer.position, code: layer.code, base: layer.base, deductibleFen, ratioBp, capRemainingFen };

    if (!layerApplies(layer, claim.visitType)) {
      layers.push({ ...common, applies: false, baseFen: 0, deductibleAppliedFen: 0, proposedFen: 0 });
      continue;
    }

    const baseFen = layer.base === 'in_scope' ? inScopeFen : remaining;
    const consumed = layer.deductibleScope === 'year'
      ? priors.filter((p) => layerApplies(layer, p.visitType)).reduce((sum, p) => sum + priorBase(layer, ordered, p), 0)
      : 0;
    const deductibleAppliedFen = Math.min(Math.max(0, deductibleFen - consumed), baseFen);
    const computed = applyBp(baseFen - deductibleAppliedFen, ratioBp);
    const proposedFen = Math.min(computed, remaining, capRemainingFen ?? Number.MAX_SAFE_INTEGER);
    remaining -= proposedFen;
    layers.push({ ...common, applies: true, baseFen, deductibleAppliedFen, proposedFen });
  }

  const amounts: LayerAmounts = Object.fromEntries(layers.map((l) => [l.code, l.proposedFen]));
  const proposed = layers.map((l) => l.proposedFen);
  const share = selfShare(inScopeFen, proposed, rules.personalShareCeilingBp);
  return {
    year: rules.year,
    layers,
    amounts,
    layersTotalFen: inScopeFen - remaining,
    selfPayFen: selfPayFen(totalFen, proposed),
    ...share,
  };
}
