import { describe, expect, it } from 'vitest';
import { dateOrderIssues, housingFlags, repairTotalFen, subsidyTotalFen, validateHousingRepair } from './housing-rules.js';
import { repairFacts } from './housing-test-facts.js';

const TODAY = '2021-06-15';

describe('dateOrderIssues', () => {
  it('accepts dates in order, equal dates included', () => {
    const r = repairFacts({ appraisalDate: '2020-03-01', publicityVillageDate: '2020-03-01', startDate: '2020-04-01', completionDate: '2020-06-01' });
    expect(dateOrderIssues(r, TODAY)).toEqual([]);
  });

  it('refuses a date earlier than an earlier step, on the later field, naming the earlier one', () => {
    const r = repairFacts({ appraisalDate: '2020-03-01', startDate: '2020-02-01' });
    expect(dateOrderIssues(r, TODAY)).toEqual([
      { field: 'startDate', code: 'housing.before.appraisalDate', params: { date: '2020-02-01', otherDate: '2020-03-01' } },
    ]);
  });

  it('compares with the latest earlier date, skipping empty steps', () => {
    const r = repairFacts({ appraisalDate: '2020-03-01', publicityCountyDate: '2020-05-01', completionDate: '2020-04-01' });
    expect(dateOrderIssues(r, TODAY).map((i) => [i.field, i.code])).toEqual([['completionDate', 'housing.before.publicityCountyDate']]);
  });

  it('keeps the three levels of 公示 in order', () => {
    const r = repairFacts({ publicityVillageDate: '2020-03-10', publicityTownshipDate: '2020-03-05' });
    expect(dateOrderIssues(r, TODAY).map((i) => i.code)).toEqual(['housing.before.publicityVillageDate']);
  });

  it('refuses impossible dates and dates after today', () => {
    const r = repairFacts({ appraisalDate: '2020-02-30', startDate: '2021-06-16' });
    expect(dateOrderIssues(r, TODAY).map((i) => [i.field, i.code])).toEqual([
      ['appraisalDate', 'housing.dateInvalid'], ['startDate', 'housing.dateFuture'],
    ]);
  });
});

describe('validateHousingRepair', () => {
  it('needs a grade with an appraisal and a result with an acceptance', () => {
    const codes = validateHousingRepair(repairFacts({ appraisalDate: '2020-03-01', acceptanceDate: '2020-06-01', startDate: '2020-04-01', completionDate: '2020-05-01' }), TODAY)
      .map((i) => [i.field, i.code]);
    expect(codes).toEqual([
      ['safetyGrade', 'housing.gradeRequired'], ['acceptanceResult', 'housing.acceptanceResultRequired'], ['repairMode', 'housing.modeRequired'],
    ]);
  });

  it('refuses a disbursement after a failed acceptance', () => {
    const r = repairFacts({ appraisalDate: '2020-03-01', safetyGrade: 'C', repairMode: 'reinforce', startDate: '2020-04-01', completionDate: '2020-05-01', acceptanceDate: '2020-05-10', acceptanceResult: 'failed', disbursementDate: '2020-06-01' });
    expect(validateHousingRepair(r, TODAY).map((i) => i.code)).toEqual(['housing.disbursedNotAccepted']);
  });
});

describe('housingFlags', () => {
  it('flags an A/B house with a rebuild subsidy', () => {
    expect(housingFlags(repairFacts({ safetyGrade: 'B', repairMode: 'rebuild', subsidyCentralFen: 1_000_000 }))).toEqual(['safeGradeRebuild']);
    expect(housingFlags(repairFacts({ safetyGrade: 'A', repairMode: 'new_build', subsidyCountyFen: 1 }))).toEqual(['safeGradeRebuild']);
    expect(housingFlags(repairFacts({ safetyGrade: 'D', repairMode: 'rebuild', subsidyCentralFen: 1_000_000 }))).toEqual([]);
    expect(housingFlags(repairFacts({ safetyGrade: 'B', repairMode: 'reinforce', subsidyCentralFen: 1_000_000 }))).toEqual([]);
    expect(housingFlags(repairFacts({ safetyGrade: 'B', repairMode: 'rebuild' }))).toEqual([]);
  });

  it('flags a finished repair with no subsidy', () => {
    const finished = repairFacts({ appraisalDate: '2020-03-01', safetyGrade: 'D', repairMode: 'rebuild', startDate: '2020-04-01', completionDate: '2020-06-01' });
    expect(housingFlags(finished)).toEqual(['finishedWithoutSubsidy']);
    expect(housingFlags({ ...finished, subsidyProvincialFen: 500 })).toEqual([]);
    expect(housingFlags({ ...finished, completionDate: null })).toEqual([]);
  });
});

describe('money', () => {
  it('sums subsidies by source and the whole cost in fen', () => {
    const r = repairFacts({ subsidyCentralFen: 1_500_000, subsidyProvincialFen: 300_000, subsidyCityFen: 150_001, subsidyCountyFen: 50_000, selfRaisedFen: 20_000, furnitureCostFen: 76_800, otherRepairsCostFen: 12_345 });
    expect(subsidyTotalFen(r)).toBe(2_000_001);
    expect(repairTotalFen(r)).toBe(2_109_146);
  });
});
