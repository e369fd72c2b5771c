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

/** `code` is only joined into the message when a value is wrong: this runs per prior claim and layer. */
function fen(value: number, what: string, code?: string): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${code === undefined ? what : `${what} ${code}`} must be integer fen, got ${value}`);
  return Math.max(0, value);
}

function byPosition(rules: PolicyYearRules): PolicyLayerRule[] {
  return [...rules.layers].sort((a, b) => a.position - b.position);
}

/**
 * What each earlier claim paid per layer (in `ordered` order) and, per layer, what the layers
 * before it paid: read once per claim rather than once per layer and prior claim.
 */
interface PriorPaid {
  prior: PriorClaim;
  paid: Fen[];
  /** paidBefore[i]: the sum of `paid` over the layers positioned strictly before layer i. */
  paidBefore: Fen[];
}

function priorPayments(ordered: readonly PolicyLayerRule[], priors: readonly PriorClaim[]): PriorPaid[] {
  return priors.map((prior) => {
    const paid = ordered.map((l) => fen(prior.layers[l.code] ?? 0, 'prior', l.code));
    const paidBefore: Fen[] = [];
    let before = 0;
    let all = 0;
    for (let i = 0; i < ordered.length; i++) {
      // Layers sharing a position do not count towards each other.
      if (i > 0 && ordered[i]!.position !== ordered[i - 1]!.position) before = all;
      paidBefore.push(before);
      all += paid[i]!;
    }
    return { prior, paid, paidBefore };
  });
}

/** The base an earlier claim gave layer `index`, from the amounts actually paid by the layers before it. */
function priorBase(layer: PolicyLayerRule, index: number, p: PriorPaid): Fen {
  const inScope = fen(p.prior.inScopeFen, 'prior inScopeFen');
  if (layer.base === 'in_scope') return inScope;
  return Math.max(0, inScope - p.paidBefore[index]!);
}

export function proposeLayers(input: ProposeInput): LayerProposalResult {
  const { rules, claim } = input;
  const totalFen = fen(claim.totalFen, 'totalFen');
  const inScopeFen = Math.min(fen(claim.inScopeFen, 'inScopeFen'), totalFen);
  const ordered = byPosition(rules);
  const priors = priorPayments(ordered, input.priorClaims ?? []);

  let remaining = inScopeFen;
  const layers: LayerProposal[] = [];
  for (let index = 0; index < ordered.length; index++) {
    const layer = ordered[index]!;
    let paidThisYear = 0;
    for (const p of priors) paidThisYear += p.paid[index]!;
    const capRemainingFen = layer.annualCapFen === null ? null : Math.max(0, layer.annualCapFen - paidThisYear);
    const { deductibleFen, ratioBp } = rateFor(layer, claim.visitType, claim.hospitalLevel);
    // Literals rather than a spread of the shared fields: V8 copies spreads slowly, and this runs
    // for every layer of every imported row.
    const proposal = (applies: boolean, baseFen: Fen, deductibleAppliedFen: Fen, proposedFen: Fen): LayerProposal => ({
      position: layer.position, code: layer.code, base: layer.base, applies, baseFen, deductibleFen, deductibleAppliedFen, ratioBp, capRemainingFen, proposedFen,
    });

    if (!layerApplies(layer, claim.visitType)) {
      layers.push(proposal(false, 0, 0, 0));
      continue;
    }

    const baseFen = layer.base === 'in_scope' ? inScopeFen : remaining;
    let consumed = 0;
    if (layer.deductibleScope === 'year') {
      for (const p of priors) if (layerApplies(layer, p.prior.visitType)) consumed += priorBase(layer, index, p);
    }
    const deductibleAppliedFen = Math.min(Math.max(0, deductibleFen - consumed), baseFen);
    const computed = applyBp(baseFen - deductibleAppliedFen, ratioBp);
    const proposedFen = Math.min(computed, remaining, capRemainingFen ?? Number.MAX_SAFE_INTEGER);
    remaining -= proposedFen;
    layers.push(proposal(true, baseFen, deductibleAppliedFen, proposedFen));
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
