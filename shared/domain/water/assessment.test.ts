import { describe, expect, it } from 'vitest';
import { assessHousehold, judgeConvenience, judgeQuality, judgeQuantity, judgeReliability, validateAssessmentFacts, type AssessmentFacts, type WaterThresholds } from './assessment.js';

const thresholds: WaterThresholds = {
  minLitresPerPersonDay: 35, minLitresPerPersonDayScarce: 20, maxTripMinutes: 20, maxHorizontalMetres: 800, maxVerticalMetres: 80, maxShortageDays: 36,
};

const facts = (over: Partial<AssessmentFacts> = {}): AssessmentFacts => ({
  supplyType: 'centralized', supplyId: 'supply-1', tapInHome: true, waterScarceArea: false, litresPerPersonDay: 60,
  tripMinutes: null, horizontalMetres: null, verticalMetres: null, shortageDays: 0, onsiteCheck: null, ...over,
});

const passedTest = { id: 't1', sampledOn: '2021-05-01', passed: true };
const failedTest = { id: 't2', sampledOn: '2021-06-01', passed: false };

describe('水量', () => {
  it('passes at the threshold and fails one litre below it', () => {
    expect(judgeQuantity(facts({ litresPerPersonDay: 35 }), thresholds)).toMatchObject({ passed: true });
    expect(judgeQuantity(facts({ litresPerPersonDay: 34 }), thresholds)).toEqual({ passed: false, code: 'water.quantity.low', params: { litres: 34, min: 35 } });
  });
  it('uses the water-scarce threshold in a water-scarce area', () => {
    expect(judgeQuantity(facts({ litresPerPersonDay: 20, waterScarceArea: true }), thresholds)).toMatchObject({ passed: true, params: { min: 20 } });
    expect(judgeQuantity(facts({ litresPerPersonDay: 19, waterScarceArea: true }), thresholds)).toMatchObject({ passed: false });
  });
  it('follows the thresholds it is given, not a built-in number', () => {
    expect(judgeQuantity(facts({ litresPerPersonDay: 40 }), { ...thresholds, minLitresPerPersonDay: 50 })).toMatchObject({ passed: false, params: { min: 50 } });
  });
  it('fails when the amount is unknown', () => {
    expect(judgeQuantity(facts({ litresPerPersonDay: null }), thresholds)).toMatchObject({ passed: false, code: 'water.quantity.missing' });
  });
});

describe('水质', () => {
  it('takes the latest test of the supply when there is one, over the on-site check', () => {
    expect(judgeQuality(facts({ onsiteCheck: 'pass' }), failedTest)).toMatchObject({ passed: false, code: 'water.quality.testFailed', source: 'test', params: { date: '2021-06-01' } });
    expect(judgeQuality(facts({ onsiteCheck: 'fail' }), passedTest)).toMatchObject({ passed: true, source: 'test' });
  });
  it('uses the on-site check (望闻问尝) when the supply has no test', () => {
    expect(judgeQuality(facts({ onsiteCheck: 'pass' }), null)).toMatchObject({ passed: true, source: 'onsite' });
    expect(judgeQuality(facts({ onsiteCheck: 'fail' }), null)).toMatchObject({ passed: false, source: 'onsite' });
  });
  it('fails without any evidence', () => {
    expect(judgeQuality(facts(), null)).toMatchObject({ passed: false, code: 'water.quality.noEvidence', source: 'none' });
  });
});

describe('用水方便程度', () => {
  it('passes with tap water in the home whatever the distances', () => {
    expect(judgeConvenience(facts({ tapInHome: true, tripMinutes: 90 }), thresholds)).toMatchObject({ passed: true, code: 'water.convenience.tap' });
  });
  it('passes on any one of trip time, horizontal or vertical distance within its limit', () => {
    const far = { tapInHome: false, tripMinutes: 30, horizontalMetres: 1000, verticalMetres: 100 };
    expect(judgeConvenience(facts(far), thresholds)).toMatchObject({ passed: false, code: 'water.convenience.far' });
    expect(judgeConvenience(facts({ ...far, tripMinutes: 20 }), thresholds)).toMatchObject({ passed: true, code: 'water.convenience.tripOk' });
    expect(judgeConvenience(facts({ ...far, horizontalMetres: 800 }), thresholds)).toMatchObject({ passed: true, code: 'water.convenience.horizontalOk' });
    expect(judgeConvenience(facts({ ...far, verticalMetres: 80 }), thresholds)).toMatchObject({ passed: true, code: 'water.convenience.verticalOk' });
    expect(judgeConvenience(facts({ ...far, verticalMetres: 81 }), thresholds)).toMatchObject({ passed: false });
  });
  it('fails without tap water and without any distance', () => {
    expect(judgeConvenience(facts({ tapInHome: false }), thresholds)).toMatchObject({ passed: false, code: 'water.convenience.missing' });
  });
});

describe('供水保障率', () => {
  it('passes up to the allowed days without enough water and fails above', () => {
    expect(judgeReliability(facts({ shortageDays: 36 }), thresholds)).toMatchObject({ passed: true });
    expect(judgeReliability(facts({ shortageDays: 37 }), thresholds)).toEqual({ passed: false, code: 'water.reliability.short', params: { days: 37, max: 36 } });
    expect(judgeReliability(facts({ shortageDays: 10 }), { ...thresholds, maxShortageDays: 5 })).toMatchObject({ passed: false });
  });
});

describe('the household', () => {
  it('passes only when all four indicators pass', () => {
    const all = assessHousehold(facts(), thresholds, passedTest);
    expect(all).toMatchObject({ passed: true, failing: [], qualitySource: 'test', qualityTestId: 't1' });
    expect(assessHousehold(facts({ litresPerPersonDay: 10 }), thresholds, passedTest)).toMatchObject({ passed: false, failing: ['quantity'] });
    expect(assessHousehold(facts(), thresholds, failedTest)).toMatchObject({ passed: false, failing: ['quality'] });
    expect(assessHousehold(facts({ tapInHome: false, tripMinutes: 45 }), thresholds, passedTest)).toMatchObject({ passed: false, failing: ['convenience'] });
    expect(assessHousehold(facts({ shortageDays: 60 }), thresholds, passedTest)).toMatchObject({ passed: false, failing: ['reliability'] });
    expect(assessHousehold(facts({ litresPerPersonDay: 10, shortageDays: 60 }), thresholds, null)).toMatchObject({ failing: ['quantity', 'quality', 'reliability'], qualitySource: 'none', qualityTestId: null });
  });
});

describe('facts required before saving', () => {
  it('names each missing fact', () => {
    expect(validateAssessmentFacts(facts())).toEqual([]);
    expect(validateAssessmentFacts(facts({ supplyId: null, litresPerPersonDay: null, shortageDays: null, tapInHome: false })).map((i) => [i.field, i.code])).toEqual([
      ['supplyId', 'water.supplyRequired'],
      ['litresPerPersonDay', 'required'],
      ['shortageDays', 'required'],
      ['tripMinutes', 'water.convenienceFactsRequired'],
    ]);
  });
  it('asks a dispersed supply without a registered supply for the on-site check', () => {
    expect(validateAssessmentFacts(facts({ supplyType: 'dispersed', supplyId: null }))).toEqual([{ field: 'onsiteCheck', code: 'water.onsiteRequired' }]);
    expect(validateAssessmentFacts(facts({ supplyType: 'dispersed', supplyId: null, onsiteCheck: 'pass' }))).toEqual([]);
  });
});
