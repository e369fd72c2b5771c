import { describe, expect, it } from 'vitest';
import { housingStage, housingStageAsOf } from './housing-stage.js';
import { repairFacts } from './housing-test-facts.js';

const full = repairFacts({
  appraisalDate: '2020-03-01', safetyGrade: 'D', repairMode: 'rebuild',
  publicityVillageDate: '2020-03-05', publicityTownshipDate: '2020-03-10', publicityCountyDate: '2020-03-15',
  startDate: '2020-04-01', completionDate: '2020-06-01', acceptanceDate: '2020-06-10', acceptanceResult: 'passed',
  disbursementDate: '2020-07-01',
});

describe('housingStage', () => {
  it('is 待鉴定 with no dates', () => {
    expect(housingStage(repairFacts())).toBe('awaiting_appraisal');
  });

  it('follows the latest dated step', () => {
    expect(housingStage(repairFacts({ appraisalDate: '2020-03-01' }))).toBe('appraised');
    expect(housingStage(repairFacts({ appraisalDate: '2020-03-01', publicityVillageDate: '2020-03-05' }))).toBe('publicized');
    expect(housingStage(repairFacts({ appraisalDate: '2020-03-01', startDate: '2020-04-01' }))).toBe('under_construction');
    expect(housingStage({ ...full, acceptanceDate: null, acceptanceResult: null, disbursementDate: null })).toBe('completed');
    expect(housingStage({ ...full, disbursementDate: null })).toBe('accepted');
    expect(housingStage(full)).toBe('disbursed');
  });

  it('keeps a house that failed acceptance at 已竣工', () => {
    expect(housingStage({ ...full, acceptanceResult: 'failed', disbursementDate: null })).toBe('completed');
  });

  it('counts only the steps dated on or before the report date', () => {
    expect(housingStageAsOf(full, '2020-02-28')).toBe('awaiting_appraisal');
    expect(housingStageAsOf(full, '2020-03-01')).toBe('appraised');
    expect(housingStageAsOf(full, '2020-03-31')).toBe('publicized');
    expect(housingStageAsOf(full, '2020-05-31')).toBe('under_construction');
    expect(housingStageAsOf(full, '2020-06-09')).toBe('completed');
    expect(housingStageAsOf(full, '2020-06-30')).toBe('accepted');
    expect(housingStageAsOf(full, '2020-07-01')).toBe('disbursed');
  });
});
