/**
 * Checks the amounts of one claim as typed from the settlement slip. Errors block saving;
 * warnings are shown and kept (both the typed amounts and the proposal are stored). Pure.
 *
 * Field paths: `totalCost`, `inScopeCost`, `selfPay`, and one per layer from LAYER_FIELD
 * (`basicInsurance` …); a code that is not a layer at all gets `layers.<code>`.
 */
import { issue, type FieldIssue } from '../issue.js';
import { formatYuan, type Fen } from '../money.js';
import { bpToPercentText } from './basis-points.js';
import type { LayerProposalResult } from './layer-calculator.js';
import { LAYER_FIELD, layerRule, type ClaimCost, type PolicyYearRules } from './policy.js';
import { selfShare, sumLayers } from './self-pay.js';

export interface ClaimAmounts extends ClaimCost {
  /** Typed amounts by layer code; null/undefined = left empty (counts as 0). */
  layers: Readonly<Record<string, Fen | null | undefined>>;
}

export interface ClaimCheck {
  /** Block saving: amounts that cannot be right. */
  errors: FieldIssue[];
  /** Saved anyway, shown for review: self-pay above the ceiling, amounts that differ from the proposal. */
  warnings: FieldIssue[];
}

export function layerField(code: string): string {
  return Object.hasOwn(LAYER_FIELD, code) ? LAYER_FIELD[code as keyof typeof LAYER_FIELD] : `layers.${code}`;
}

/** Pushes an error and returns false when `value` is not a non-negative integer number of fen. */
function checkFen(value: number, field: string, errors: FieldIssue[]): boolean {
  if (!Number.isSafeInteger(value)) {
    errors.push(issue(field, 'medical.notWholeFen'));
    return false;
  }
  if (value < 0) {
    errors.push(issue(field, 'money.negative'));
    return false;
  }
  return true;
}

/**
 * - errors: amounts that are not whole non-negative fen; in-scope cost above the total
 *   (`medical.inScopeExceedsTotal`); a non-zero amount for a layer the policy year does not have
 *   (`medical.layerNotInYear`: e.g. 重特大疾病再救助 in 2019; an empty or 0 amount is fine);
 *   layers adding up to more than the total (`medical.layersExceedTotal`).
 * - warnings: in-scope self-pay share above the year's ceiling (`medical.selfShareAboveCeiling`),
 *   and, when a proposal is given, every layer whose typed amount (empty = 0) differs from it
 *   (`medical.differsFromProposal`). Warnings are only worked out when all amounts are valid fen.
 */
export function validateClaimAmounts(input: {
  rules: PolicyYearRules;
  claim: ClaimAmounts;
  proposal?: LayerProposalResult | null;
}): ClaimCheck {
  const { rules, claim, proposal } = input;
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  let numbersOk = checkFen(claim.totalFen, 'totalCost', errors);
  numbersOk = checkFen(claim.inScopeFen, 'inScopeCost', errors) && numbersOk;
  const typed: Fen[] = [];
  for (const [code, amount] of Object.entries(claim.layers)) {
    if (amount === null || amount === undefined) continue;
    if (!checkFen(amount, layerField(code), errors)) {
      numbersOk = false;
      continue;
    }
    if (amount !== 0 && !layerRule(rules, code)) errors.push(issue(layerField(code), 'medical.layerNotInYear', { year: rules.year }));
    typed.push(amount);
  }
  if (!numbersOk) return { errors, warnings };

  if (claim.inScopeFen > claim.totalFen) {
    errors.push(issue('inScopeCost', 'medical.inScopeExceedsTotal', {
      inScope: formatYuan(claim.inScopeFen), total: formatYuan(claim.totalFen),
    }));
  }
  const layersTotal = sumLayers(typed);
  if (layersTotal > claim.totalFen) {
    errors.push(issue('selfPay', 'medical.layersExceedTotal', { layers: formatYuan(layersTotal), total: formatYuan(claim.totalFen) }));
  }

  const share = selfShare(claim.inScopeFen, typed, rules.personalShareCeilingBp);
  if (share.overCeiling) {
    warnings.push(issue('selfPay', 'medical.selfShareAboveCeiling', {
      selfPay: formatYuan(share.inScopeSelfPayFen),
      // Rounded share never shown as equal to the ceiling it exceeds (10.004 % reads 10.01 %, not 10 %).
      sharePercent: bpToPercentText(Math.max(share.selfShareBp, rules.personalShareCeilingBp + 1)),
      ceilingPercent: bpToPercentText(rules.personalShareCeilingBp),
    }));
  }

  if (proposal) {
    for (const layer of proposal.layers) {
      const typedFen = claim.layers[layer.code] ?? 0;
      if (typedFen !== layer.proposedFen) {
        warnings.push(issue(layerField(layer.code), 'medical.differsFromProposal', {
          typed: formatYuan(typedFen), proposed: formatYuan(layer.proposedFen),
        }));
      }
    }
  }
  return { errors, warnings };
}
