import { describe, expect, it } from 'vitest';
import { proposeLayers, type PriorClaim } from './layer-calculator.js';
import type { LayerRate, PolicyLayerRule, PolicyYearRules } from './policy.js';
import type { MedicalLayerCode } from '../enums.js';

/** A layer with neutral defaults: no deductible, 100 %, no cap, inpatient and chronic outpatient. */
function layer(position: number, code: MedicalLayerCode, extra: Partial<PolicyLayerRule> = {}): PolicyLayerRule {
  return {
    position, code, base: 'remaining', deductibleFen: 0, deductibleScope: 'year', ratioBp: 10000, annualCapFen: null,
    visitTypes: ['inpatient', 'chronic_outpatient'], rates: [], ...extra,
  };
}

function rules(layers: PolicyLayerRule[], extra: Partial<PolicyYearRules> = {}): PolicyYearRules {
  return { year: 2020, personalShareCeilingBp: 1000, layers, ...extra };
}

/** The example values seeded by migration 0002 (2019 without layer 6). */
function exampleRules(year: number): PolicyYearRules {
  const basicRates: LayerRate[] = [
    { visitType: 'inpatient', hospitalLevel: 'township', deductibleFen: 20000, ratioBp: 9000 },
    { visitType: 'inpatient', hospitalLevel: 'city', deductibleFen: 80000, ratioBp: 7000 },
    { visitType: 'inpatient', hospitalLevel: 'provincial', deductibleFen: 120000, ratioBp: 6000 },
    { visitType: 'inpatient', hospitalLevel: 'out_of_province', deductibleFen: 150000, ratioBp: 5500 },
    { visitType: 'chronic_outpatient', hospitalLevel: null, deductibleFen: 0, ratioBp: 7000 },
    { visitType: 'general_outpatient', hospitalLevel: null, deductibleFen: 0, ratioBp: 5000 },
  ];
  const layers = [
    layer(1, 'basic_insurance', {
      base: 'in_scope', deductibleFen: 50000, deductibleScope: 'visit', ratioBp: 8000, annualCapFen: 20_000_000,
      visitTypes: ['inpatient', 'chronic_outpatient', 'general_outpatient'], rates: basicRates,
    }),
    layer(2, 'critical_illness', { deductibleFen: 500000, ratioBp: 6500 }),
    layer(3, 'hospital_waiver', { ratioBp: 1000, visitTypes: ['inpatient'] }),
    layer(4, 'medical_assistance', { ratioBp: 7000, annualCapFen: 2_000_000 }),
    layer(5, 'supplementary_commercial', { ratioBp: 6000, annualCapFen: 10_000_000 }),
    layer(6, 'catastrophic_reassistance', { deductibleFen: 200000, ratioBp: 5000, annualCapFen: 5_000_000 }),
  ];
  return rules(year === 2019 ? layers.slice(0, 5) : layers, { year });
}

const amountsOf = (r: ReturnType<typeof proposeLayers>) => r.layers.map((l) => l.proposedFen);

describe('proposeLayers: deductible (起付线), annual per person', () => {
  // Basic insurance on in-scope cost, 起付线 500.00元 a year, 80 %.
  const basic = rules([layer(1, 'basic_insurance', { base: 'in_scope', deductibleFen: 50000, ratioBp: 8000 })]);

  it('is met across two stays', () => {
    // Stay 1: in-scope 300.00元, all of it under the 500.00元 deductible → pays 0.
    const first = proposeLayers({ rules: basic, claim: { visitType: 'inpatient', totalFen: 40000, inScopeFen: 30000 } });
    expect(first.layers[0]).toMatchObject({ baseFen: 30000, deductibleFen: 50000, deductibleAppliedFen: 30000, proposedFen: 0 });
    expect(first.selfPayFen).toBe(40000);

    // Stay 2: in-scope 1000.00元; 500 − 300 = 200.00元 of deductible left;
    // (1000 − 200) × 80 % = 640.00元.
    const stay1: PriorClaim = { visitType: 'inpatient', inScopeFen: 30000, layers: { basic_insurance: 0 } };
    const second = proposeLayers({
      rules: basic, claim: { visitType: 'inpatient', totalFen: 120000, inScopeFen: 100000 }, priorClaims: [stay1],
    });
    expect(second.layers[0]).toMatchObject({ deductibleAppliedFen: 20000, proposedFen: 64000 });
    // Self-pay 1200 − 640 = 560.00元.
    expect(second.selfPayFen).toBe(56000);

    // Stay 3: the deductible is used up (300 + 1000 ≥ 500): 1000 × 80 % = 800.00元.
    const stay2: PriorClaim = { visitType: 'inpatient', inScopeFen: 100000, layers: { basic_insurance: 64000 } };
    const third = proposeLayers({
      rules: basic, claim: { visitType: 'inpatient', totalFen: 100000, inScopeFen: 100000 }, priorClaims: [stay1, stay2],
    });
    expect(third.layers[0]).toMatchObject({ deductibleAppliedFen: 0, proposedFen: 80000 });
  });

  it('counts only earlier claims of visit types the layer covers', () => {
    const inpatientOnly = rules([layer(1, 'basic_insurance', { base: 'in_scope', deductibleFen: 50000, ratioBp: 8000, visitTypes: ['inpatient'] })]);
    // 600.00元 of general outpatient earlier does not meet an inpatient deductible.
    const r = proposeLayers({
      rules: inpatientOnly, claim: { visitType: 'inpatient', totalFen: 100000, inScopeFen: 100000 },
      priorClaims: [{ visitType: 'general_outpatient', inScopeFen: 60000, layers: {} }],
    });
    // (1000 − 500) × 80 % = 400.00元
    expect(r.layers[0]).toMatchObject({ deductibleAppliedFen: 50000, proposedFen: 40000 });
  });

  it('with scope "visit" is borne again at every stay', () => {
    const perVisit = rules([layer(1, 'basic_insurance', { base: 'in_scope', deductibleFen: 50000, deductibleScope: 'visit', ratioBp: 8000 })]);
    const prior: PriorClaim = { visitType: 'inpatient', inScopeFen: 500000, layers: { basic_insurance: 360000 } };
    const r = proposeLayers({ rules: perVisit, claim: { visitType: 'inpatient', totalFen: 100000, inScopeFen: 100000 }, priorClaims: [prior] });
    // (1000 − 500) × 80 % = 400.00元, although 5000.00元 were in scope earlier.
    expect(r.layers[0]).toMatchObject({ deductibleAppliedFen: 50000, proposedFen: 40000 });
  });

  it('on a "remaining" layer is consumed by what earlier layers left of earlier claims', () => {
    // Basic 80 % no deductible, then 大病保险 on the remainder with a 500.00元 deductible, 60 %.
    const two = rules([
      layer(1, 'basic_insurance', { base: 'in_scope', ratioBp: 8000 }),
      layer(2, 'critical_illness', { deductibleFen: 50000, ratioBp: 6000 }),
    ]);
    // Earlier stay: in-scope 1500.00元, basic paid 1200.00元 → 300.00元 reached 大病保险 (all deductible).
    const prior: PriorClaim = { visitType: 'inpatient', inScopeFen: 150000, layers: { basic_insurance: 120000, critical_illness: 0 } };
    // Now: in-scope 2000.00元 → basic 1600.00元, remainder 400.00元;
    // deductible left 500 − 300 = 200.00元 → (400 − 200) × 60 % = 120.00元.
    const r = proposeLayers({ rules: two, claim: { visitType: 'inpatient', totalFen: 200000, inScopeFen: 200000 }, priorClaims: [prior] });
    expect(amountsOf(r)).toEqual([160000, 12000]);
    expect(r.layers[1]).toMatchObject({ baseFen: 40000, deductibleAppliedFen: 20000 });
  });
});

describe('proposeLayers: annual cap (封顶线)', () => {
  // 医疗救助 70 % of in-scope cost, capped at 20,000.00元 a year.
  const assistance = rules([layer(1, 'medical_assistance', { ratioBp: 7000, annualCapFen: 2_000_000 })]);

  it('gives the claim that crosses the cap only the rest, and the next one 0', () => {
    const earlier: PriorClaim[] = [
      { visitType: 'inpatient', inScopeFen: 1_200_000, layers: { medical_assistance: 800_000 } },
      { visitType: 'chronic_outpatient', inScopeFen: 1_000_000, layers: { medical_assistance: 700_000 } },
    ];
    // Paid so far 8000 + 7000 = 15,000.00元; cap left 5000.00元.
    // This stay: 10,000.00元 × 70 % = 7000.00元, cut to 5000.00元.
    const crossing = proposeLayers({
      rules: assistance, claim: { visitType: 'inpatient', totalFen: 1_000_000, inScopeFen: 1_000_000 }, priorClaims: earlier,
    });
    expect(crossing.layers[0]).toMatchObject({ capRemainingFen: 500_000, proposedFen: 500_000 });
    expect(crossing.selfPayFen).toBe(500_000);

    const next = proposeLayers({
      rules: assistance,
      claim: { visitType: 'inpatient', totalFen: 300_000, inScopeFen: 300_000 },
      priorClaims: [...earlier, { visitType: 'inpatient', inScopeFen: 1_000_000, layers: { medical_assistance: 500_000 } }],
    });
    expect(next.layers[0]).toMatchObject({ capRemainingFen: 0, proposedFen: 0 });
    expect(next.selfPayFen).toBe(300_000);
  });

  it('passes what a capped layer could not pay on to the next "remaining" layer', () => {
    const two = rules([
      layer(1, 'medical_assistance', { ratioBp: 7000, annualCapFen: 100_000 }),
      layer(2, 'supplementary_commercial', { ratioBp: 5000 }),
    ]);
    // 2000.00元 × 70 % = 1400.00元, capped at 1000.00元; remainder 1000.00元 × 50 % = 500.00元.
    const r = proposeLayers({ rules: two, claim: { visitType: 'inpatient', totalFen: 200_000, inScopeFen: 200_000 } });
    expect(amountsOf(r)).toEqual([100_000, 50_000]);
    expect(r.selfPayFen).toBe(50_000);
  });

  it('reports no cap as null', () => {
    const r = proposeLayers({ rules: rules([layer(1, 'hospital_waiver', { ratioBp: 1000 })]), claim: { visitType: 'inpatient', totalFen: 100, inScopeFen: 100 } });
    expect(r.layers[0]!.capRemainingFen).toBeNull();
  });
});

describe('proposeLayers: layers of the policy year', () => {
  const countyStay = { visitType: 'inpatient', hospitalLevel: 'county', totalFen: 2_500_000, inScopeFen: 2_200_000 } as const;

  it('proposes five layers for 2019 and six for 2020', () => {
    expect(proposeLayers({ rules: exampleRules(2019), claim: countyStay }).layers.map((l) => l.code)).toEqual([
      'basic_insurance', 'critical_illness', 'hospital_waiver', 'medical_assistance', 'supplementary_commercial',
    ]);
    const r2020 = proposeLayers({ rules: exampleRules(2020), claim: countyStay });
    expect(r2020.layers.map((l) => l.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.keys(r2020.amounts)).toContain('catastrophic_reassistance');
  });

  it('chains "remaining" layers: each works on what the earlier ones left (example values, county stay)', () => {
    // Total 25,000.00元, in-scope 22,000.00元, county hospital, first claim of 2020.
    // 1 基本医疗保险  (22000 − 500 per stay) × 80 %            = 17200.00  left 4800.00
    // 2 大病保险      4800 all under the 5000 annual deductible  =     0.00  left 4800.00
    // 3 医疗机构减免  4800 × 10 %                                =   480.00  left 4320.00
    // 4 医疗救助      4320 × 70 %                                =  3024.00  left 1296.00
    // 5 商业补充保险  1296 × 60 %                                =   777.60  left  518.40
    // 6 再救助        518.40 under the 2000 annual deductible    =     0.00  left  518.40
    // layers 21481.60; self-pay 25000 − 21481.60 = 3518.40; in-scope share 518.40 / 22000 = 2.36 %
    const r = proposeLayers({ rules: exampleRules(2020), claim: countyStay });
    expect(amountsOf(r)).toEqual([1_720_000, 0, 48_000, 302_400, 77_760, 0]);
    expect(r.layers.map((l) => l.baseFen)).toEqual([2_200_000, 480_000, 480_000, 432_000, 129_600, 51_840]);
    expect(r.layers[1]!.deductibleAppliedFen).toBe(480_000);
    expect(r.layers[5]!.deductibleAppliedFen).toBe(51_840);
    expect(r.layersTotalFen).toBe(2_148_160);
    expect(r.selfPayFen).toBe(351_840);
    expect(r.inScopeSelfPayFen).toBe(51_840);
    expect(r.selfShareBp).toBe(236);
    expect(r.overCeiling).toBe(false);
  });

  it('uses the rate of the hospital level and visit type, rounding half up per layer', () => {
    // Township health centre: 起付线 200.00元, 90 %. In-scope 1234.57元, total 1300.00元, 2019.
    // 1 (123457 − 20000) × 90 % = 93111.3  → 93111   left 30346
    // 2 under the deductible               → 0
    // 3 30346 × 10 % = 3034.6              → 3035    left 27311
    // 4 27311 × 70 % = 19117.7             → 19118   left 8193
    // 5  8193 × 60 % = 4915.8              → 4916    left 3277
    // layers 120180 = 123457 − 3277; self-pay 130000 − 120180 = 9820
    const r = proposeLayers({
      rules: exampleRules(2019), claim: { visitType: 'inpatient', hospitalLevel: 'township', totalFen: 130_000, inScopeFen: 123_457 },
    });
    expect(r.layers[0]).toMatchObject({ deductibleFen: 20000, ratioBp: 9000 });
    expect(amountsOf(r)).toEqual([93_111, 0, 3_035, 19_118, 4_916]);
    expect(r.layersTotalFen).toBe(120_180);
    expect(r.selfPayFen).toBe(9_820);
  });

  it('pays only the layers that cover the visit type', () => {
    // General outpatient: only basic insurance, 50 % with no deductible: 87.65元 × 50 % = 43.825 → 43.83元.
    const r = proposeLayers({ rules: exampleRules(2020), claim: { visitType: 'general_outpatient', totalFen: 9_000, inScopeFen: 8_765 } });
    expect(r.layers.map((l) => l.applies)).toEqual([true, false, false, false, false, false]);
    expect(amountsOf(r)).toEqual([4_383, 0, 0, 0, 0, 0]);
    expect(r.selfPayFen).toBe(4_617);
    // A layer that does not apply still shows its cap.
    expect(r.layers[3]!.capRemainingFen).toBe(2_000_000);
  });

  it('orders by position whatever order the rules come in', () => {
    const shuffled = rules([
      layer(2, 'medical_assistance', { ratioBp: 5000 }),
      layer(1, 'basic_insurance', { base: 'in_scope', ratioBp: 5000 }),
    ]);
    // 1000 × 50 % = 500; then 500 × 50 % = 250.
    const r = proposeLayers({ rules: shuffled, claim: { visitType: 'inpatient', totalFen: 1000, inScopeFen: 1000 } });
    expect(r.layers.map((l) => [l.code, l.proposedFen])).toEqual([['basic_insurance', 500], ['medical_assistance', 250]]);
  });
});

describe('proposeLayers: edge amounts', () => {
  it('a claim with no in-scope cost: every layer 0, self-pay = total', () => {
    const r = proposeLayers({ rules: exampleRules(2020), claim: { visitType: 'inpatient', hospitalLevel: 'county', totalFen: 56_789, inScopeFen: 0 } });
    expect(amountsOf(r)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.layersTotalFen).toBe(0);
    expect(r.selfPayFen).toBe(56_789);
    expect(r.selfShareBp).toBe(0);
    expect(r.overCeiling).toBe(false);
  });

  it('no layer pays more than what is left, even at 100 %', () => {
    const greedy = rules([
      layer(1, 'basic_insurance', { base: 'in_scope', ratioBp: 10000 }),
      layer(2, 'hospital_waiver', { base: 'in_scope', ratioBp: 10000 }),
      layer(3, 'medical_assistance', { ratioBp: 10000 }),
    ]);
    const r = proposeLayers({ rules: greedy, claim: { visitType: 'inpatient', totalFen: 1000, inScopeFen: 800 } });
    // Layer 2 works on the whole in-scope cost but nothing is left of it.
    expect(amountsOf(r)).toEqual([800, 0, 0]);
    expect(r.selfPayFen).toBe(200);
  });

  it('reads an in-scope cost above the total as the total, and negative amounts as 0', () => {
    const one = rules([layer(1, 'basic_insurance', { base: 'in_scope', ratioBp: 10000 })]);
    expect(proposeLayers({ rules: one, claim: { visitType: 'inpatient', totalFen: 500, inScopeFen: 900 } }).selfPayFen).toBe(0);
    expect(amountsOf(proposeLayers({ rules: one, claim: { visitType: 'inpatient', totalFen: 500, inScopeFen: -5 } }))).toEqual([0]);
  });

  it('refuses amounts that are not integer fen', () => {
    const one = rules([layer(1, 'basic_insurance', { base: 'in_scope' })]);
    expect(() => proposeLayers({ rules: one, claim: { visitType: 'inpatient', totalFen: 100.5, inScopeFen: 100 } })).toThrow(RangeError);
  });
});

describe('proposeLayers: personal-share ceiling', () => {
  const claim = { visitType: 'inpatient', totalFen: 120_000, inScopeFen: 100_000 } as const;
  const withRatio = (ratioBp: number) => rules([layer(1, 'basic_insurance', { base: 'in_scope', ratioBp })]);

  it('flags an in-scope self-pay above 10 %', () => {
    // 1000 × 80 % = 800; in-scope self-pay 200 = 20 %.
    const r = proposeLayers({ rules: withRatio(8000), claim });
    expect(r).toMatchObject({ inScopeSelfPayFen: 20_000, selfShareBp: 2000, overCeiling: true, selfPayFen: 40_000 });
  });

  it('does not flag exactly 10 %, and flags 10.01 %', () => {
    expect(proposeLayers({ rules: withRatio(9000), claim })).toMatchObject({ selfShareBp: 1000, overCeiling: false });
    // 1000 × 89.99 % = 899.90; self-pay 100.10 = 10.01 %.
    expect(proposeLayers({ rules: withRatio(8999), claim })).toMatchObject({ inScopeSelfPayFen: 10_010, selfShareBp: 1001, overCeiling: true });
  });

  it('follows the year\'s own ceiling', () => {
    expect(proposeLayers({ rules: { ...withRatio(8000), personalShareCeilingBp: 2000 }, claim }).overCeiling).toBe(false);
  });
});

describe('proposeLayers: sums are exact to the fen', () => {
  it('layers + self-pay = total on many claims through a year', () => {
    // mulberry32: deterministic, so a failure can be replayed.
    let seed = 20200101;
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const levels = ['township', 'county', 'city', 'provincial', 'out_of_province'] as const;
    const visits = ['inpatient', 'chronic_outpatient', 'general_outpatient'] as const;
    let capsExhausted = 0;
    for (const year of [2019, 2020]) {
      const r = exampleRules(year);
      for (let person = 0; person < 40; person++) {
        const priors: PriorClaim[] = [];
        for (let k = 0; k < 6; k++) {
          const totalFen = 1 + rnd(30_000_000);
          const inScopeFen = rnd(totalFen + 1);
          const claim = { visitType: visits[rnd(3)]!, hospitalLevel: levels[rnd(5)]!, totalFen, inScopeFen };
          const p = proposeLayers({ rules: r, claim, priorClaims: priors });
          const sum = p.layers.reduce((s, l) => s + l.proposedFen, 0);
          expect(p.layers.every((l) => Number.isSafeInteger(l.proposedFen) && l.proposedFen >= 0)).toBe(true);
          expect(sum).toBe(p.layersTotalFen);
          expect(sum + p.selfPayFen).toBe(totalFen);
          expect(sum + p.inScopeSelfPayFen).toBe(inScopeFen);
          for (const l of p.layers) if (l.capRemainingFen !== null) expect(l.proposedFen).toBeLessThanOrEqual(l.capRemainingFen);
          capsExhausted += p.layers.filter((l) => l.capRemainingFen === 0).length;
          priors.push({ visitType: claim.visitType, hospitalLevel: claim.hospitalLevel, inScopeFen, layers: p.amounts });
        }
        // Annual caps hold over the whole year.
        for (const l of r.layers) {
          if (l.annualCapFen === null) continue;
          const paid = priors.reduce((s, c) => s + (c.layers[l.code] ?? 0), 0);
          expect(paid).toBeLessThanOrEqual(l.annualCapFen);
        }
      }
    }
    // The walk did reach caps, so the cap rule was exercised.
    expect(capsExhausted).toBeGreaterThan(0);
  });
});
