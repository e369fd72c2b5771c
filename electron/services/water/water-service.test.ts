import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract/index.js';
import { household, makeFixture, member, validId, VILLAGE_A, VILLAGE_B, type Fixture } from '../../test/workstation-fixture.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
});
afterEach(async () => {
  await f.cleanup();
});

async function newHousehold(no: string, seq: number, villageCode = VILLAGE_A) {
  return f.call('households/save', { household: household(no, { villageCode }), members: [member(`户主${seq}`, validId('19650312', seq), 'head')] });
}

async function newSupply(name = '张庄水厂', extra: Partial<MethodInput<'water/supplies/save'>> = {}) {
  return f.call('water/supplies/save', { villageCode: VILLAGE_A, name, supplyType: 'centralized', operator: '县水务公司', ...extra });
}

const goodValues = [{ parameter: 'ph', value: '7.2' }, { parameter: 'turbidity', value: '0.5' }, { parameter: 'e_coli', value: '未检出' }] as const;

function test(supplyId: string, sampledOn: string, values: { parameter: string; value: string }[] = [...goodValues]) {
  return { supplyId, sampledOn, testKind: 'monthly', lab: '县疾控中心', testPlace: 'works', values } as MethodInput<'water/tests/save'>;
}

function assessment(householdId: string, supplyId: string | null, extra: Partial<MethodInput<'water/assessments/save'>> = {}) {
  return {
    householdId, assessedOn: '2021-05-10', supplyType: 'centralized', supplyId, tapInHome: true, litresPerPersonDay: 60, shortageDays: 0, ...extra,
  } as MethodInput<'water/assessments/save'>;
}

describe('rules tables', () => {
  it('are seeded with the domain guide defaults for one policy year, marked as defaults, and audited', async () => {
    const rules = await f.call('water/rules/get', { year: 2021 });
    expect(rules).toMatchObject({ policyYear: 2020, years: [2020] });
    expect(rules.thresholds).toEqual({
      minLitresPerPersonDay: 35, minLitresPerPersonDayScarce: 20, maxTripMinutes: 20, maxHorizontalMetres: 800, maxVerticalMetres: 80, maxShortageDays: 36,
    });
    expect(rules.limits.find((l) => l.parameter === 'turbidity' && l.scale === 'small')).toMatchObject({ max: '3', note: expect.stringContaining('默认值') });
    expect(rules.limits).toHaveLength(14);
    // Years before the first policy year use the first.
    expect((await f.call('water/rules/get', { year: 2016 })).policyYear).toBe(2020);
    const audit = await f.workstation.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE table_name IN ('water_threshold', 'water_limit') AND actor = 'system'");
    expect(audit?.n).toBe(20);
  });

  it('saves edited thresholds and limits with an audit row, and the verdicts follow them', async () => {
    const h = await newHousehold('H1', 11);
    const s = await newSupply();
    await f.call('water/tests/save', test(s.id, '2021-05-01'));
    await f.call('water/thresholds/save', { ...(await f.call('water/rules/get', { year: 2020 })).thresholds, minLitresPerPersonDay: 70, year: 2020 });
    const saved = await f.call('water/assessments/save', assessment(h.id, s.id));
    expect(saved.results.quantity).toBe(false);
    const audit = await f.workstation.db.get<{ before_json: string; after_json: string }>("SELECT before_json, after_json FROM audit_log WHERE table_name = 'water_threshold' AND action = 'update'");
    expect([JSON.parse(audit!.before_json).value, JSON.parse(audit!.after_json).value]).toEqual([35, 70]);

    const rules = await f.call('water/rules/get', { year: 2020 });
    const limits = rules.limits.map((l) => (l.parameter === 'ph' ? { ...l, min: '7.5' } : l));
    await f.call('water/limits/save', { year: 2020, limits });
    const t = await f.call('water/tests/save', test(s.id, '2021-06-01'));
    expect(t.failures).toEqual([{ parameter: 'ph', value: '7.2', bound: 'min', limit: '7.5', excess: '0.3' }]);
  });

  it('a new policy year applies from that year on and leaves earlier years as they were', async () => {
    const s = await newSupply();
    const rules = await f.call('water/rules/get', { year: 2021 });
    await f.call('water/thresholds/save', { ...rules.thresholds, maxShortageDays: 10, year: 2021 });
    await f.call('water/limits/save', { year: 2021, limits: rules.limits.map((l) => (l.parameter === 'turbidity' && l.scale === 'standard' ? { ...l, max: '0.5' } : l)) });
    expect(await f.call('water/rules/get', { year: 2022 })).toMatchObject({ policyYear: 2021, years: [2020, 2021], thresholds: { maxShortageDays: 10 } });
    expect((await f.call('water/rules/get', { year: 2020 })).thresholds.maxShortageDays).toBe(36);
    // The 2020 rows are untouched: the 2021 table is a copy of its own.
    expect((await f.call('water/rules/get', { year: 2020 })).limits.find((l) => l.parameter === 'turbidity' && l.scale === 'standard')?.max).toBe('1');

    const h20 = await newHousehold('H1', 11);
    const h21 = await newHousehold('H2', 21);
    await f.call('water/tests/save', test(s.id, '2020-03-01', [{ parameter: 'turbidity', value: '0.8' }]));
    expect((await f.call('water/tests/save', test(s.id, '2021-03-01', [{ parameter: 'turbidity', value: '0.8' }]))).passed).toBe(false);
    expect((await f.call('water/assessments/save', assessment(h20.id, s.id, { assessedOn: '2020-05-01', shortageDays: 20 }))).results.reliability).toBe(true);
    expect((await f.call('water/assessments/save', assessment(h21.id, s.id, { assessedOn: '2021-02-01', shortageDays: 20 }))).results.reliability).toBe(false);
  });

  it('refuses a limits table with a contradiction, naming the row', async () => {
    const rules = await f.call('water/rules/get', { year: 2020 });
    const bad = rules.limits.map((l) => (l.parameter === 'ph' ? { ...l, min: '9' } : l));
    const error = await f.fail('water/limits/save', { year: 2020, limits: bad });
    expect(error.issues).toEqual([expect.objectContaining({ code: 'water.limitMinAboveMax' })]);
  });
});

describe('assessments', () => {
  it('computes and stores all four indicators; the household passes when all four pass', async () => {
    const h = await newHousehold('H1', 11);
    const s = await newSupply();
    await f.call('water/tests/save', test(s.id, '2021-05-01'));
    const saved = await f.call('water/assessments/save', assessment(h.id, s.id));
    expect(saved).toMatchObject({ passed: true, results: { quantity: true, quality: true, convenience: true, reliability: true } });
    const loaded = await f.call('water/assessments/get', { id: saved.id });
    expect(loaded).toMatchObject({ householdNo: 'H1', headName: '户主11', villageName: '张庄村', supplyName: '张庄水厂', year: 2021, qualitySource: 'test', needsReassessment: false });
  });

  it('takes 水质 from the latest test on or before the assessment, else the on-site check', async () => {
    const h = await newHousehold('H1', 11);
    const s = await newSupply();
    await f.call('water/tests/save', test(s.id, '2021-04-01', [{ parameter: 'turbidity', value: '4' }]));
    await f.call('water/tests/save', test(s.id, '2021-06-01'));
    const saved = await f.call('water/assessments/save', assessment(h.id, s.id, { assessedOn: '2021-05-10' }));
    expect(saved.results.quality).toBe(false);

    const well = await newSupply('村东井', { supplyType: 'dispersed', smallScale: true });
    const h2 = await newHousehold('H2', 21);
    const onsite = await f.call('water/assessments/save', assessment(h2.id, well.id, { supplyType: 'dispersed', onsiteCheck: 'pass' }));
    expect(onsite.results.quality).toBe(true);
    expect((await f.call('water/assessments/get', { id: onsite.id })).qualitySource).toBe('onsite');
  });

  it('refuses missing facts naming each field, and a second assessment of the same household and year', async () => {
    const h = await newHousehold('H1', 11);
    const s = await newSupply();
    const missing = await f.fail('water/assessments/save', assessment(h.id, null, { litresPerPersonDay: null, tapInHome: false }));
    expect(missing.issues?.map((i) => i.field)).toEqual(['supplyId', 'litresPerPersonDay', 'tripMinutes']);
    await f.call('water/assessments/save', assessment(h.id, s.id));
    const twice = await f.fail('water/assessments/save', assessment(h.id, s.id, { assessedOn: '2021-06-01' }));
    expect(twice.issues).toEqual([expect.objectContaining({ field: 'assessedOn', code: 'water.assessmentExists', params: { year: 2021, date: '2021-05-10' } })]);
  });

  it('pages with filters on year, pass and re-assessment', async () => {
    const s = await newSupply();
    await f.call('water/tests/save', test(s.id, '2021-01-01'));
    const a = await newHousehold('H1', 11);
    const b = await newHousehold('H2', 21, VILLAGE_B);
    await f.call('water/assessments/save', assessment(a.id, s.id));
    await f.call('water/assessments/save', assessment(b.id, s.id, { shortageDays: 60 }));
    const all = await f.call('water/assessments/page', { startRow: 0, endRow: 10, year: 2021 });
    expect(all.rows.map((r) => [r.householdNo, r.passed, r.results.reliability])).toEqual([['H1', true, true], ['H2', false, false]]);
    expect((await f.call('water/assessments/page', { startRow: 0, endRow: 10, passed: false })).total).toBe(1);
    expect((await f.call('water/assessments/page', { startRow: 0, endRow: 10, quickSearch: '户主2' })).rows[0]?.householdNo).toBe('H2');
  });
});

describe('water tests', () => {
  it('a failed test names the parameter and the excess, and marks the households of its supply for re-assessment in the same transaction', async () => {
    const s = await newSupply();
    const other = await newSupply('李楼水厂', { villageCode: VILLAGE_B });
    await f.call('water/tests/save', test(s.id, '2021-05-01'));
    const a = await newHousehold('H1', 11);
    const b = await newHousehold('H2', 21);
    const c = await newHousehold('H3', 31);
    const onA = await f.call('water/assessments/save', assessment(a.id, s.id));
    await f.call('water/assessments/save', assessment(b.id, s.id, { assessedOn: '2021-06-12' }));
    await f.call('water/assessments/save', assessment(c.id, other.id));

    const failed = await f.call('water/tests/save', test(s.id, '2021-06-10', [{ parameter: 'turbidity', value: '1.8' }, { parameter: 'total_coliforms', value: '2' }]));
    expect(failed).toMatchObject({ passed: false, markedForReassessment: 1 });
    expect(failed.failures).toEqual([
      { parameter: 'turbidity', value: '1.8', bound: 'max', limit: '1', excess: '0.8' },
      { parameter: 'total_coliforms', value: '2', bound: 'notDetected', limit: '0', excess: '2' },
    ]);
    // Assessed before the failed sample: marked. After it (H2) or on another supply (H3): not.
    const page = await f.call('water/assessments/page', { startRow: 0, endRow: 10, needsReassessment: true });
    expect(page.rows.map((r) => r.householdNo)).toEqual(['H1']);
    expect(page.rows[0]?.reassessmentTest).toEqual({ id: failed.id, sampledOn: '2021-06-10' });
    const marks = await f.workstation.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE table_name = 'water_assessment' AND action = 'update' AND after_json LIKE '%needs_reassessment%'");
    expect(marks?.n).toBe(1);

    // Re-assessing clears the mark and takes the new (failed) test.
    const again = await f.call('water/assessments/get', { id: onA.id });
    const redone = await f.call('water/assessments/save', { ...again, assessedOn: '2021-06-14' });
    expect(redone.results.quality).toBe(false);
    expect((await f.call('water/assessments/get', { id: onA.id })).needsReassessment).toBe(false);

    const loaded = await f.call('water/tests/get', { id: failed.id });
    expect(loaded).toMatchObject({ supplyName: '张庄水厂', passed: false, testKind: 'monthly' });
    const tests = await f.call('water/tests/page', { startRow: 0, endRow: 10, passed: false });
    expect(tests.rows.map((r) => r.failures.map((x) => x.parameter))).toEqual([['turbidity', 'total_coliforms']]);
  });

  it('judges a small or dispersed supply with the looser limits', async () => {
    const small = await newSupply('小水站', { smallScale: true });
    expect((await f.call('water/tests/save', test(small.id, '2021-05-01', [{ parameter: 'turbidity', value: '2.5' }]))).passed).toBe(true);
  });

  it('refuses a value that is not a number and a parameter given twice, naming the row', async () => {
    const s = await newSupply();
    const bad = await f.fail('water/tests/save', test(s.id, '2021-05-01', [{ parameter: 'ph', value: '七' }]));
    expect(bad.issues).toEqual([expect.objectContaining({ field: 'values.0.value', code: 'water.valueFormat' })]);
    const twice = await f.fail('water/tests/save', test(s.id, '2021-05-01', [{ parameter: 'ph', value: '7' }, { parameter: 'ph', value: '7.1' }]));
    expect(twice.issues).toEqual([expect.objectContaining({ field: 'values.1.parameter', code: 'water.parameterTwice', params: { row: 1 } })]);
  });
});

describe('review', () => {
  it('an approved assessment is locked until reopened; the review trail is audited', async () => {
    const h = await newHousehold('H1', 11);
    const s = await newSupply();
    const saved = await f.call('water/assessments/save', assessment(h.id, s.id, { supplyType: 'centralized' }));
    await f.call('review/submit', { table: 'water_assessment', ids: [saved.id] });
    await f.call('review/approve', { table: 'water_assessment', ids: [saved.id] });
    const loaded = await f.call('water/assessments/get', { id: saved.id });
    expect(loaded.reviewState).toBe('approved');
    const locked = await f.fail('water/assessments/save', { ...loaded, litresPerPersonDay: 10 });
    expect(locked.issues).toEqual([expect.objectContaining({ code: 'review.locked' })]);
    expect((await f.call('water/assessments/get', { id: saved.id })).litresPerPersonDay).toBe(60);
    await f.call('review/reopen', { table: 'water_assessment', ids: [saved.id], reason: '水量需复核' });
    const reopened = await f.call('water/assessments/get', { id: saved.id });
    expect((await f.call('water/assessments/save', { ...reopened, litresPerPersonDay: 10 })).results.quantity).toBe(false);
  });
});

describe('report', () => {
  it('gives pass rates per indicator and village, tests per kind, and households still failing', async () => {
    const s = await newSupply();
    await f.call('water/tests/save', test(s.id, '2021-03-01'));
    await f.call('water/tests/save', { ...test(s.id, '2021-04-01'), testKind: 'third_party', testPlace: 'tap', values: [{ parameter: 'free_chlorine', value: '0.01' }] });
    const a = await newHousehold('H1', 11);
    const b = await newHousehold('H2', 21, VILLAGE_B);
    const c = await newHousehold('H3', 31, VILLAGE_B);
    await f.call('water/assessments/save', assessment(a.id, s.id, { assessedOn: '2021-03-10' }));
    await f.call('water/assessments/save', assessment(b.id, s.id, { assessedOn: '2021-03-10', litresPerPersonDay: 20, tapInHome: false, tripMinutes: 40 }));
    await f.call('water/assessments/save', assessment(c.id, s.id, { assessedOn: '2020-12-01' }));
    const report = await f.call('reports/water', { year: 2021 });
    expect(report.assessments).toEqual({ total: 2, passed: 1, indicators: { quantity: 1, quality: 2, convenience: 1, reliability: 2 }, needsReassessment: 0 });
    expect(report.villages.map((v) => [v.villageName, v.total, v.passed])).toEqual([['张庄村', 1, 1], ['李楼村', 1, 0]]);
    expect(report.tests).toMatchObject({ total: 2, passed: 1 });
    expect(report.tests.byKind.filter((k) => k.total > 0)).toEqual([{ testKind: 'monthly', total: 1, passed: 1 }, { testKind: 'third_party', total: 1, passed: 0 }]);
    expect(report.failing).toEqual([expect.objectContaining({ householdNo: 'H2', failing: ['quantity', 'convenience'], needsReassessment: false })]);
    const file = await f.call('reports/waterExport', { year: 2021 });
    expect(file.fileName).toBe('饮水安全统计-2021.xlsx');
  });
});
