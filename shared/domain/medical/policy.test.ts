import { describe, expect, it } from 'vitest';
import { layerApplies, layerRule, rateFor, type PolicyLayerRule } from './policy.js';

const basic: PolicyLayerRule = {
  position: 1, code: 'basic_insurance', base: 'in_scope', deductibleFen: 50000, deductibleScope: 'visit', ratioBp: 8000,
  annualCapFen: 20_000_000, visitTypes: ['inpatient', 'chronic_outpatient'],
  rates: [
    { visitType: null, hospitalLevel: 'provincial', deductibleFen: 100000, ratioBp: 6500 },
    { visitType: 'inpatient', hospitalLevel: 'provincial', deductibleFen: 120000, ratioBp: 6000 },
    { visitType: 'chronic_outpatient', hospitalLevel: null, deductibleFen: 0, ratioBp: 7000 },
  ],
};

describe('rateFor', () => {
  it('takes the most specific rate: visit type and level, then visit type, then level, then the layer', () => {
    expect(rateFor(basic, 'inpatient', 'provincial')).toEqual({ deductibleFen: 120000, ratioBp: 6000 });
    expect(rateFor(basic, 'chronic_outpatient', 'provincial')).toEqual({ deductibleFen: 0, ratioBp: 7000 });
    expect(rateFor(basic, 'general_outpatient', 'provincial')).toEqual({ deductibleFen: 100000, ratioBp: 6500 });
    expect(rateFor(basic, 'inpatient', 'county')).toEqual({ deductibleFen: 50000, ratioBp: 8000 });
  });

  it('matches no level-specific rate when the level is unknown', () => {
    expect(rateFor(basic, 'inpatient', null)).toEqual({ deductibleFen: 50000, ratioBp: 8000 });
    expect(rateFor(basic, 'inpatient', undefined)).toEqual({ deductibleFen: 50000, ratioBp: 8000 });
  });
});

describe('layer lookups', () => {
  it('find a layer by code and tell which visit types it covers', () => {
    const rules = { year: 2019, personalShareCeilingBp: 1000, layers: [basic] };
    expect(layerRule(rules, 'basic_insurance')).toBe(basic);
    expect(layerRule(rules, 'catastrophic_reassistance')).toBeUndefined();
    expect(layerApplies(basic, 'inpatient')).toBe(true);
    expect(layerApplies(basic, 'general_outpatient')).toBe(false);
  });
});
