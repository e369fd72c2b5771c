/**
 * A policy year's medical layers as data (the rows of medical_policy_year / medical_policy_layer /
 * medical_policy_rate), and the lookups the calculator and the validation share. Pure.
 *
 * Units: money in integer fen, ratios and shares in basis points (1 bp = 0.01 %, 10000 = 100 %).
 */
import type { Fen } from '../money.js';
import type { DeductibleScope, HospitalLevel, MedicalLayerBase, MedicalLayerCode, VisitType } from '../enums.js';

/** A deductible/ratio that replaces the layer's own for a visit type and/or hospital level. */
export interface LayerRate {
  /** null = any visit type. */
  visitType: VisitType | null;
  /** null = any hospital level. */
  hospitalLevel: HospitalLevel | null;
  deductibleFen: Fen;
  ratioBp: number;
}

export interface PolicyLayerRule {
  /** 1-based order in which the layers pay. */
  position: number;
  code: MedicalLayerCode;
  /** `in_scope`: the ratio applies to 政策范围内费用; `remaining`: to what earlier layers left of it. */
  base: MedicalLayerBase;
  /** 起付线: the part of the base the person bears before the layer pays. */
  deductibleFen: Fen;
  /** `year`: one deductible per person per year, consumed by earlier claims; `visit`: again at every claim. */
  deductibleScope: DeductibleScope;
  ratioBp: number;
  /** 封顶线 per person per year; null = no cap. */
  annualCapFen: Fen | null;
  /** The visit types the layer pays for; for any other it proposes 0. */
  visitTypes: readonly VisitType[];
  /** Optional overrides by visit type / hospital level (see `rateFor`). */
  rates: readonly LayerRate[];
}

export interface PolicyYearRules {
  year: number;
  /** 个人自付 ceiling as a share of 政策范围内费用 (default 1000 bp = 10 %); above it a claim is flagged (兜底). */
  personalShareCeilingBp: number;
  /** In `position` order. */
  layers: readonly PolicyLayerRule[];
  /** The year row's note (the seeded example years say 示例值，请按当地政策修改). */
  note?: string | null;
}

/** One 人次 (one visit or stay) as far as the calculator is concerned. */
export interface ClaimCost {
  visitType: VisitType;
  /** Unknown or not recorded: only rates without a hospital level match. */
  hospitalLevel?: HospitalLevel | null;
  /** 医疗总费用 */
  totalFen: Fen;
  /** 政策范围内费用 */
  inScopeFen: Fen;
}

/** Amounts per layer, in fen; a missing code means nothing was paid by (or typed for) that layer. */
export type LayerAmounts = Partial<Record<MedicalLayerCode, Fen>>;

/** Field path of a layer's amount in a claim form / FieldIssue (`critical_illness` → `criticalIllness`). */
export const LAYER_FIELD: Readonly<Record<MedicalLayerCode, string>> = {
  basic_insurance: 'basicInsurance',
  critical_illness: 'criticalIllness',
  hospital_waiver: 'hospitalWaiver',
  medical_assistance: 'medicalAssistance',
  supplementary_commercial: 'supplementaryCommercial',
  catastrophic_reassistance: 'catastrophicReassistance',
};

export function layerRule(rules: PolicyYearRules, code: string): PolicyLayerRule | undefined {
  return rules.layers.find((l) => l.code === code);
}

export function layerApplies(layer: PolicyLayerRule, visitType: VisitType): boolean {
  return layer.visitTypes.includes(visitType);
}

/**
 * The deductible and ratio of `layer` for a visit. The most specific rate wins: visit type and
 * hospital level both matching, then visit type alone, then hospital level alone, then the layer's own.
 */
export function rateFor(
  layer: PolicyLayerRule, visitType: VisitType, hospitalLevel: HospitalLevel | null | undefined,
): { deductibleFen: Fen; ratioBp: number } {
  let best: LayerRate | undefined;
  let bestScore = 0;
  for (const rate of layer.rates) {
    if (rate.visitType !== null && rate.visitType !== visitType) continue;
    if (rate.hospitalLevel !== null && rate.hospitalLevel !== (hospitalLevel ?? null)) continue;
    const score = (rate.visitType !== null ? 2 : 0) + (rate.hospitalLevel !== null ? 1 : 0);
    if (score > bestScore) {
      best = rate;
      bestScore = score;
    }
  }
  return best ? { deductibleFen: best.deductibleFen, ratioBp: best.ratioBp } : { deductibleFen: layer.deductibleFen, ratioBp: layer.ratioBp };
}
