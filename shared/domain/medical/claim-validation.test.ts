import { describe, expect, it } from 'vitest';
import { validateClaimAmounts, layerField } from './claim-validation.js';
import { proposeLayers } from './layer-calculator.js';
import type { PolicyLayerRule, PolicyYearRules } from './policy.js';
import { selfPayFen, sumLayers } from './self-pay.js';
import type { MedicalLayerCode } from '../enums.js';
import { createTranslator, describeIssue } from '../../i18n/translate.js';

const CODES: MedicalLayerCode[] = [
  'basic_insurance', 'critical_illness', 'hospital_waiver', 'medical_assistance', 'supplementary_commercial', 'catastrophic_reassistance',
];

/** Every layer on the remainder at 50 %, no deductible or cap; 2019 has five, 2020 six. */
function rulesFor(year: number): PolicyYearRules {
  const codes = year === 2019 ? CODES.slice(0, 5) : CODES;
  const layers: PolicyLayerRule[] = codes.map((code, i) => ({
    position: i + 1, code, base: 'remaining', deductibleFen: 0, deductibleScope: 'year', ratioBp: 5000, annualCapFen: null,
    visitTypes: ['inpatient'], rates: [],
  }));
  return { year, personalShareCeilingBp: 1000, layers };
}

const base = { visitType: 'inpatient', totalFen: 100_000, inScopeFen: 80_000 } as const;
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateClaimAmounts: errors', () => {
  it('accepts consistent amounts', () => {
    // 800 in scope, layers 400 + 200 + 100 + 50 + 25 = 775; in-scope self-pay 25 = 3.125 %.
    const layers = { basic_insurance: 40_000, critical_illness: 20_000, hospital_waiver: 10_000, medical_assistance: 5_000, supplementary_commercial: 2_500 };
    expect(validateClaimAmounts({ rules: rulesFor(2019), claim: { ...base, layers } })).toEqual({ errors: [], warnings: [] });
  });

  it('refuses an in-scope cost above the total', () => {
    const r = validateClaimAmounts({ rules: rulesFor(2020), claim: { ...base, inScopeFen: 100_001, layers: {} } });
    expect(r.errors).toEqual([{ field: 'inScopeCost', code: 'medical.inScopeExceedsTotal', params: { inScope: '1000.01', total: '1000.00' } }]);
  });

  it('refuses an amount for 重特大疾病再救助 in 2019, which had five layers, and accepts it in 2020', () => {
    const layers = { basic_insurance: 40_000, catastrophic_reassistance: 1_000 };
    const in2019 = validateClaimAmounts({ rules: rulesFor(2019), claim: { ...base, layers } });
    expect(in2019.errors).toEqual([{ field: 'catastrophicReassistance', code: 'medical.layerNotInYear', params: { year: 2019 } }]);
    expect(validateClaimAmounts({ rules: rulesFor(2020), claim: { ...base, layers } }).errors).toEqual([]);
  });

  it('lets an absent layer be empty or 0, and names a code that is no layer at all', () => {
    const ok = validateClaimAmounts({ rules: rulesFor(2019), claim: { ...base, layers: { catastrophic_reassistance: 0, accident: null } } });
    expect(ok.errors).toEqual([]);
    const bad = validateClaimAmounts({ rules: rulesFor(2019), claim: { ...base, layers: { accident: 500 } } });
    expect(bad.errors).toEqual([{ field: 'layers.accident', code: 'medical.layerNotInYear', params: { year: 2019 } }]);
  });

  it('refuses layers adding up to more than the total', () => {
    // 600 + 300 + 100.01 = 1000.01 > 1000.00
    const layers = { basic_insurance: 60_000, critical_illness: 30_000, medical_assistance: 10_001 };
    const r = validateClaimAmounts({ rules: rulesFor(2020), claim: { ...base, layers } });
    expect(r.errors).toEqual([{ field: 'selfPay', code: 'medical.layersExceedTotal', params: { layers: '1000.01', total: '1000.00' } }]);
    // The derived self-pay never goes negative.
    expect(selfPayFen(base.totalFen, layers)).toBe(0);
    expect(sumLayers(layers)).toBe(100_001);
  });

  it('refuses negative amounts and fractions of a fen, and then stops', () => {
    const r = validateClaimAmounts({
      rules: rulesFor(2020), claim: { ...base, totalFen: -1, inScopeFen: 10.5, layers: { hospital_waiver: -3 } },
    });
    expect(r.errors).toEqual([
      { field: 'totalCost', code: 'money.negative' },
      { field: 'inScopeCost', code: 'medical.notWholeFen' },
      { field: 'hospitalWaiver', code: 'money.negative' },
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('validateClaimAmounts: warnings', () => {
  it('warns when the in-scope self-pay is above the ceiling', () => {
    // In scope 800.00; layers 700.00; in-scope self-pay 100.00 = 12.5 % > 10 %.
    const r = validateClaimAmounts({ rules: rulesFor(2020), claim: { ...base, layers: { basic_insurance: 70_000 } } });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([{
      field: 'selfPay', code: 'medical.selfShareAboveCeiling', params: { selfPay: '100.00', sharePercent: '12.5', ceilingPercent: '10' },
    }]);
  });

  it('never shows the share as equal to the ceiling it exceeds', () => {
    // In scope 1000.00, layers 899.99: self-pay 100.01 = 10.001 %, shown as 10.01 %.
    const r = validateClaimAmounts({ rules: rulesFor(2020), claim: { ...base, inScopeFen: 100_000, layers: { basic_insurance: 89_999 } } });
    expect(r.warnings[0]?.params).toMatchObject({ sharePercent: '10.01' });
    // Exactly 10 % is not above.
    const atCeiling = validateClaimAmounts({ rules: rulesFor(2020), claim: { ...base, inScopeFen: 100_000, layers: { basic_insurance: 90_000 } } });
    expect(atCeiling.warnings).toEqual([]);
  });

  it('does not warn about the ceiling when nothing was in scope', () => {
    expect(validateClaimAmounts({ rules: rulesFor(2020), claim: { ...base, inScopeFen: 0, layers: {} } }).warnings).toEqual([]);
  });

  it('warns, per layer, where the typed amounts differ from the proposal (empty = 0)', () => {
    const rules = rulesFor(2019);
    const proposal = proposeLayers({ rules, claim: base });
    // 800 × 50 % = 400, 200, 100, 50, 25.
    expect(proposal.layers.map((l) => l.proposedFen)).toEqual([40_000, 20_000, 10_000, 5_000, 2_500]);
    const asProposed = { ...proposal.amounts };
    expect(validateClaimAmounts({ rules, claim: { ...base, layers: asProposed }, proposal }).warnings).toEqual([]);

    const typed = { basic_insurance: 40_000, critical_illness: 19_999, hospital_waiver: 10_000, medical_assistance: 5_000 };
    const r = validateClaimAmounts({ rules, claim: { ...base, layers: typed }, proposal });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      { field: 'criticalIllness', code: 'medical.differsFromProposal', params: { typed: '199.99', proposed: '200.00' } },
      { field: 'supplementaryCommercial', code: 'medical.differsFromProposal', params: { typed: '0.00', proposed: '25.00' } },
    ]);
  });
});

describe('messages', () => {
  it('read as Chinese with the layer named by its field', async () => {
    const t = (await createTranslator('zh-CN')).t;
    const r = validateClaimAmounts({ rules: rulesFor(2019), claim: { ...base, layers: { catastrophic_reassistance: 1_000, basic_insurance: 70_000 } } });
    expect(r.errors.map((i) => describeIssue(t, i))).toEqual(['重特大疾病再救助：2019 年度的政策没有这一重保障，不能填写金额']);
    expect(r.warnings.map((i) => describeIssue(t, i))).toEqual([
      '个人自付：政策范围内个人自付 90.00 元，占 11.25%，超过 10% 的上限，请复核（兜底）',
    ]);
    expect(describeIssue(t, { field: 'inScopeCost', code: 'medical.inScopeExceedsTotal', params: { inScope: '1000.01', total: '1000.00' } })).toBe(
      '政策范围内费用：政策范围内费用 1000.01 元超过医疗总费用 1000.00 元',
    );
  });

  it('read as English', async () => {
    const t = (await createTranslator('en')).t;
    expect(describeIssue(t, { field: layerField('critical_illness'), code: 'medical.differsFromProposal', params: { typed: '1.00', proposed: '2.00' } })).toBe(
      'Critical-illness insurance: typed 1.00 yuan differs from the 2.00 yuan the policy gives',
    );
  });

  it('label every layer, visit type and hospital level', async () => {
    const t = (await createTranslator('zh-CN')).t;
    expect(CODES.map((c) => t(`enum.medicalLayer.${c}`))).toEqual([
      '基本医疗保险', '大病保险', '医疗机构减免', '医疗救助', '商业补充保险', '重特大疾病再救助',
    ]);
    expect(['inpatient', 'chronic_outpatient', 'general_outpatient'].map((c) => t(`enum.visitType.${c}`))).toEqual(['住院', '门诊慢病', '普通门诊']);
    expect(['township', 'county', 'city', 'provincial', 'out_of_province'].map((c) => t(`enum.hospitalLevel.${c}`))).toEqual([
      '乡镇卫生院', '县级', '市级', '省级', '省外',
    ]);
    expect(CODES.map((c) => t(`field.${layerField(c)}`))).toEqual(CODES.map((c) => t(`enum.medicalLayer.${c}`)));
  });
});
