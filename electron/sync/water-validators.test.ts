import { describe, expect, it } from 'vitest';
import { ledgerTable } from './ledger-tables.js';

const ctx = { township: '371502100', today: '2021-06-15' };
const codes = (issues: { code: string; field: string }[]) => issues.map((i) => `${i.field}:${i.code}`);
const review = { review_state: 'approved', review_reason: null, reviewed_by: 'r', reviewed_at: 'x' };

const assessment = (extra: Record<string, unknown> = {}) => ({
  id: '00000000-0000-7000-8000-000000000001', household_id: '00000000-0000-7000-8000-000000000002', year: 2021, assessed_on: '2021-05-10',
  supply_type: 'centralized', supply_id: '00000000-0000-7000-8000-000000000003', tap_in_home: 1, water_scarce_area: 0, litres_per_person_day: 60,
  trip_minutes: null, horizontal_metres: null, vertical_metres: null, shortage_days: 0, onsite_check: null, assessor: null, note: null,
  quantity_ok: 1, quality_ok: 1, convenience_ok: 1, reliability_ok: 1, passed: 1, quality_source: 'test', quality_test_id: null,
  needs_reassessment: 0, reassessment_test_id: null, ...review, ...extra,
});

const waterTest = (extra: Record<string, unknown> = {}) => ({
  id: '00000000-0000-7000-8000-000000000004', supply_id: '00000000-0000-7000-8000-000000000003', sampled_on: '2021-05-01', kind: 'monthly',
  lab: '县疾控中心', lab_cma: 1, place: 'works', place_note: null, values_json: '[{"parameter":"ph","value":"7.2"}]', passed: 1,
  failures_json: '[]', note: null, ...review, ...extra,
});

describe('water rows at the county', () => {
  it('an assessment: the editor\'s rules, and results that agree with what they derive from', () => {
    const t = ledgerTable('water_assessment')!;
    expect(t.validate(assessment(), ctx)).toEqual([]);
    expect(codes(t.validate(assessment({ supply_id: null, litres_per_person_day: null }), ctx))).toEqual(['supplyId:water.supplyRequired', 'litresPerPersonDay:required']);
    expect(codes(t.validate(assessment({ year: 2020 }), ctx))).toEqual(['year:sync.derivedMismatch']);
    expect(codes(t.validate(assessment({ quality_ok: 0 }), ctx))).toEqual(['passed:sync.derivedMismatch']);
    expect(codes(t.validate(assessment({ supply_type: 'river' }), ctx))).toEqual(['supplyType:notInList']);
  });

  it('a test: its values, and a pass that agrees with its failures', () => {
    const t = ledgerTable('water_test')!;
    expect(t.validate(waterTest(), ctx)).toEqual([]);
    expect(codes(t.validate(waterTest({ passed: 0 }), ctx))).toEqual(['passed:sync.derivedMismatch']);
    expect(codes(t.validate(waterTest({ values_json: '[{"parameter":"ph","value":"abc"}]' }), ctx))).toEqual(['values.0.value:water.valueFormat']);
    expect(codes(t.validate(waterTest({ sampled_on: '2022-01-01' }), ctx))).toEqual(['sampledOn:water.dateFuture']);
  });

  it('a supply belongs to a village of the township', () => {
    const t = ledgerTable('water_supply')!;
    const supply = { village_code: '371502100201', name: '张庄水厂', supply_type: 'centralized', operator: null, small_scale: 0, note: null };
    expect(t.validate(supply, ctx)).toEqual([]);
    expect(codes(t.validate({ ...supply, village_code: '371502101201' }, ctx))).toEqual(['villageCode:village.notInTownship']);
  });
});
