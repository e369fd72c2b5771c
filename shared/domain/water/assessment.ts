/**
 * A household's drinking-water assessment (农村饮水安全评价准则): four indicators, each passed or
 * failed from the facts the clerk entered and the thresholds table (defaults seeded by migration
 * 0010, editable). The household passes only when all four pass. Pure: thresholds and the
 * supply's latest test are passed in.
 */
import { issue, type FieldIssue } from '../issue.js';
import { indicators, type Indicator, type OnsiteResult, type SupplyType } from './vocabulary.js';

export interface WaterThresholds {
  /** 水量: litres per person per day, at least. */
  minLitresPerPersonDay: number;
  /** 水量 in a water-scarce area (缺水地区). */
  minLitresPerPersonDayScarce: number;
  /** 用水方便程度: one round trip to fetch water, at most (minutes). */
  maxTripMinutes: number;
  maxHorizontalMetres: number;
  maxVerticalMetres: number;
  /** 供水保障率: days a year without enough water, at most. */
  maxShortageDays: number;
}

export interface AssessmentFacts {
  supplyType: SupplyType;
  supplyId: string | null;
  tapInHome: boolean;
  waterScarceArea: boolean;
  litresPerPersonDay: number | null;
  tripMinutes: number | null;
  horizontalMetres: number | null;
  verticalMetres: number | null;
  shortageDays: number | null;
  /** 望闻问尝, for a supply without a lab test (usually dispersed). */
  onsiteCheck: OnsiteResult | null;
}

/** The latest test of the household's supply, sampled on or before the assessment. */
export interface SupplyTestEvidence {
  id: string;
  sampledOn: string;
  passed: boolean;
}

export interface IndicatorVerdict {
  passed: boolean;
  /** i18n key under `issue.` saying why. */
  code: string;
  params: Record<string, string | number>;
}

export type QualitySource = 'test' | 'onsite' | 'none';

export interface AssessmentVerdict {
  passed: boolean;
  indicators: Record<Indicator, IndicatorVerdict>;
  failing: Indicator[];
  qualitySource: QualitySource;
  qualityTestId: string | null;
}

const verdict = (passed: boolean, code: string, params: Record<string, string | number> = {}): IndicatorVerdict => ({ passed, code, params });

export function judgeQuantity(facts: AssessmentFacts, t: WaterThresholds): IndicatorVerdict {
  const min = facts.waterScarceArea ? t.minLitresPerPersonDayScarce : t.minLitresPerPersonDay;
  if (facts.litresPerPersonDay === null) return verdict(false, 'water.quantity.missing', { min });
  const litres = facts.litresPerPersonDay;
  return litres >= min ? verdict(true, 'water.quantity.enough', { litres, min }) : verdict(false, 'water.quantity.low', { litres, min });
}

export function judgeQuality(facts: AssessmentFacts, latestTest: SupplyTestEvidence | null): IndicatorVerdict & { source: QualitySource } {
  if (latestTest) {
    const code = latestTest.passed ? 'water.quality.testPassed' : 'water.quality.testFailed';
    return { ...verdict(latestTest.passed, code, { date: latestTest.sampledOn }), source: 'test' };
  }
  if (facts.onsiteCheck === 'pass') return { ...verdict(true, 'water.quality.onsitePassed'), source: 'onsite' };
  if (facts.onsiteCheck === 'fail') return { ...verdict(false, 'water.quality.onsiteFailed'), source: 'onsite' };
  return { ...verdict(false, 'water.quality.noEvidence'), source: 'none' };
}

export function judgeConvenience(facts: AssessmentFacts, t: WaterThresholds): IndicatorVerdict {
  if (facts.tapInHome) return verdict(true, 'water.convenience.tap');
  if (facts.tripMinutes !== null && facts.tripMinutes <= t.maxTripMinutes) {
    return verdict(true, 'water.convenience.tripOk', { minutes: facts.tripMinutes, max: t.maxTripMinutes });
  }
  if (facts.horizontalMetres !== null && facts.horizontalMetres <= t.maxHorizontalMetres) {
    return verdict(true, 'water.convenience.horizontalOk', { metres: facts.horizontalMetres, max: t.maxHorizontalMetres });
  }
  if (facts.verticalMetres !== null && facts.verticalMetres <= t.maxVerticalMetres) {
    return verdict(true, 'water.convenience.verticalOk', { metres: facts.verticalMetres, max: t.maxVerticalMetres });
  }
  if (facts.tripMinutes === null && facts.horizontalMetres === null && facts.verticalMetres === null) return verdict(false, 'water.convenience.missing');
  return verdict(false, 'water.convenience.far', { minutes: t.maxTripMinutes, horizontal: t.maxHorizontalMetres, vertical: t.maxVerticalMetres });
}

export function judgeReliability(facts: AssessmentFacts, t: WaterThresholds): IndicatorVerdict {
  if (facts.shortageDays === null) return verdict(false, 'water.reliability.missing', { max: t.maxShortageDays });
  const days = facts.shortageDays;
  return days <= t.maxShortageDays
    ? verdict(true, 'water.reliability.enough', { days, max: t.maxShortageDays })
    : verdict(false, 'water.reliability.short', { days, max: t.maxShortageDays });
}

export function assessHousehold(facts: AssessmentFacts, thresholds: WaterThresholds, latestTest: SupplyTestEvidence | null): AssessmentVerdict {
  const quality = judgeQuality(facts, latestTest);
  const { source, ...qualityVerdict } = quality;
  const byIndicator: Record<Indicator, IndicatorVerdict> = {
    quantity: judgeQuantity(facts, thresholds),
    quality: qualityVerdict,
    convenience: judgeConvenience(facts, thresholds),
    reliability: judgeReliability(facts, thresholds),
  };
  const failing = indicators.filter((i) => !byIndicator[i].passed);
  return {
    passed: failing.length === 0,
    indicators: byIndicator,
    failing,
    qualitySource: source,
    qualityTestId: source === 'test' && latestTest ? latestTest.id : null,
  };
}

/**
 * Facts that must be present before an assessment is saved: a piped supply names its supply
 * (its tests decide 水质); without tap water in the home, some distance or time is needed.
 */
export function validateAssessmentFacts(facts: AssessmentFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (facts.supplyType !== 'dispersed' && facts.supplyId === null) issues.push(issue('supplyId', 'water.supplyRequired'));
  if (facts.litresPerPersonDay === null) issues.push(issue('litresPerPersonDay', 'required'));
  if (facts.shortageDays === null) issues.push(issue('shortageDays', 'required'));
  if (!facts.tapInHome && facts.tripMinutes === null && facts.horizontalMetres === null && facts.verticalMetres === null) {
    issues.push(issue('tripMinutes', 'water.convenienceFactsRequired'));
  }
  if (facts.supplyType === 'dispersed' && facts.supplyId === null && facts.onsiteCheck === null) {
    issues.push(issue('onsiteCheck', 'water.onsiteRequired'));
  }
  return issues;
}
