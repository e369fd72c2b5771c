/**
 * 个人自付: what the person pays after all layers, and its share of the in-scope cost that the
 * policy year's ceiling (兜底, default 10 %) is measured against.
 */
import type { Fen } from '../money.js';
import { exceedsBp, shareBp } from './basis-points.js';
import type { LayerAmounts } from './policy.js';

/** Sum of all layer amounts (missing layers count 0). */
export function sumLayers(layers: LayerAmounts | readonly Fen[]): Fen {
  const values: readonly (Fen | undefined)[] = Array.isArray(layers) ? layers : Object.values(layers);
  return values.reduce<Fen>((sum, v) => sum + (v ?? 0), 0);
}

/**
 * 个人自付 = 医疗总费用 − all layers, never negative: when the layers add up to more than the
 * total this returns 0 and `validateClaimAmounts` reports `medical.layersExceedTotal`.
 */
export function selfPayFen(totalFen: Fen, layers: LayerAmounts | readonly Fen[]): Fen {
  return Math.max(0, totalFen - sumLayers(layers));
}

export interface SelfShare {
  /** 政策范围内个人自付 = in-scope cost − all layers, never negative. */
  inScopeSelfPayFen: Fen;
  /** inScopeSelfPay / inScope in bp, rounded half up; 0 when the in-scope cost is 0. */
  selfShareBp: number;
  /** inScopeSelfPay / inScope is strictly above the ceiling (compared exactly, before rounding). */
  overCeiling: boolean;
}

/**
 * The ceiling is on the in-scope part (政策范围内个人自付比例): costs outside the policy range
 * (目录外) are not something the layers can pay, so they do not count towards it. A claim with
 * no in-scope cost is never over the ceiling.
 */
export function selfShare(inScopeFen: Fen, layers: LayerAmounts | readonly Fen[], ceilingBp: number): SelfShare {
  const inScopeSelfPayFen = Math.max(0, inScopeFen - sumLayers(layers));
  return {
    inScopeSelfPayFen,
    selfShareBp: shareBp(inScopeSelfPayFen, inScopeFen),
    overCeiling: inScopeFen > 0 && exceedsBp(inScopeSelfPayFen, inScopeFen, ceilingBp),
  };
}
