/**
 * A repair's stage, derived from its dates (never typed). "As of" a date counts only the steps
 * dated on or before it, which is what the daily and weekly progress reports compare.
 */
import type { HousingStage } from './housing-enums.js';
import type { HousingRepairFacts } from './housing-repair.js';

type StageFacts = Pick<HousingRepairFacts,
  'appraisalDate' | 'publicityVillageDate' | 'publicityTownshipDate' | 'publicityCountyDate' | 'startDate'
  | 'completionDate' | 'acceptanceDate' | 'acceptanceResult' | 'disbursementDate'>;

export function housingStageAsOf(r: StageFacts, asOf: string | null): HousingStage {
  const done = (date: string | null) => date !== null && (asOf === null || date <= asOf);
  if (done(r.disbursementDate)) return 'disbursed';
  // A failed acceptance is not 已验收: the house stays 已竣工 until it passes.
  if (done(r.acceptanceDate) && r.acceptanceResult === 'passed') return 'accepted';
  if (done(r.completionDate)) return 'completed';
  if (done(r.startDate)) return 'under_construction';
  if (done(r.publicityVillageDate) || done(r.publicityTownshipDate) || done(r.publicityCountyDate)) return 'publicized';
  if (done(r.appraisalDate)) return 'appraised';
  return 'awaiting_appraisal';
}

export function housingStage(r: StageFacts): HousingStage {
  return housingStageAsOf(r, null);
}
