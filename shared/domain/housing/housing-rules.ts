/**
 * Rules a housing repair must satisfy before it is saved (refusals), and the flags a reviewer
 * should look at (saved, but shown). Pure: the form and the service run the same functions.
 */
import { issue, type FieldIssue } from '../issue.js';
import { rebuildModes } from './housing-enums.js';
import { datedSteps, type DatedStep, type HousingRepairFacts } from './housing-repair.js';
import { housingStage } from './housing-stage.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Earlier than <step>": one message per step, so the reason names the step in Chinese. */
type EarlierStep = Exclude<DatedStep, 'disbursementDate'>;
const BEFORE: Record<EarlierStep, string> = {
  appraisalDate: 'housing.before.appraisalDate',
  publicityVillageDate: 'housing.before.publicityVillageDate',
  publicityTownshipDate: 'housing.before.publicityTownshipDate',
  publicityCountyDate: 'housing.before.publicityCountyDate',
  startDate: 'housing.before.startDate',
  completionDate: 'housing.before.completionDate',
  acceptanceDate: 'housing.before.acceptanceDate',
};

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Money by source, summed in fen. */
export function subsidyTotalFen(r: Pick<HousingRepairFacts, 'subsidyCentralFen' | 'subsidyProvincialFen' | 'subsidyCityFen' | 'subsidyCountyFen'>): number {
  return r.subsidyCentralFen + r.subsidyProvincialFen + r.subsidyCityFen + r.subsidyCountyFen;
}

/** Everything spent on the house: subsidies, self-raised money, furniture and other repairs. */
export function repairTotalFen(r: HousingRepairFacts): number {
  return subsidyTotalFen(r) + r.selfRaisedFen + r.furnitureCostFen + r.otherRepairsCostFen;
}

/**
 * Each date must not be earlier than the latest date of an earlier step, nor after today. The
 * issue sits on the later field and names the earlier one (`housing.before.<step>`).
 */
export function dateOrderIssues(r: HousingRepairFacts, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let latest: { step: EarlierStep; date: string } | null = null;
  for (const step of datedSteps) {
    const date = r[step];
    if (date === null) continue;
    if (!isRealDate(date)) {
      issues.push(issue(step, 'housing.dateInvalid', { value: date }));
      continue;
    }
    if (date > today) issues.push(issue(step, 'housing.dateFuture', { date }));
    if (latest && date < latest.date) issues.push(issue(step, BEFORE[latest.step], { date, otherDate: latest.date }));
    // Disbursement is the last step: nothing is compared with it.
    else if (step !== 'disbursementDate') latest = { step, date };
  }
  return issues;
}

export function validateHousingRepair(r: HousingRepairFacts, today: string): FieldIssue[] {
  const issues = dateOrderIssues(r, today);
  if (r.appraisalDate !== null && r.safetyGrade === null) issues.push(issue('safetyGrade', 'housing.gradeRequired'));
  if (r.safetyGrade !== null && r.appraisalDate === null) issues.push(issue('appraisalDate', 'housing.appraisalDateRequired'));
  if (r.acceptanceDate !== null && r.acceptanceResult === null) issues.push(issue('acceptanceResult', 'housing.acceptanceResultRequired'));
  if (r.acceptanceResult !== null && r.acceptanceDate === null) issues.push(issue('acceptanceDate', 'housing.acceptanceDateRequired'));
  if (r.startDate !== null && r.repairMode === null) issues.push(issue('repairMode', 'housing.modeRequired'));
  // Money is paid out for an accepted house only.
  if (r.disbursementDate !== null && r.acceptanceResult === 'failed') issues.push(issue('disbursementDate', 'housing.disbursedNotAccepted'));
  return issues;
}

/** Kept but shown: a reviewer decides. Codes under `issue.housing.flag.*`. */
export type HousingFlag = 'safeGradeRebuild' | 'finishedWithoutSubsidy';

export function housingFlags(r: HousingRepairFacts): HousingFlag[] {
  const flags: HousingFlag[] = [];
  const subsidy = subsidyTotalFen(r);
  // A and B houses are safe: a subsidy to rebuild one is what an audit asks about.
  if ((r.safetyGrade === 'A' || r.safetyGrade === 'B') && r.repairMode !== null && rebuildModes.includes(r.repairMode) && subsidy > 0) {
    flags.push('safeGradeRebuild');
  }
  const stage = housingStage(r);
  if ((stage === 'completed' || stage === 'accepted' || stage === 'disbursed') && subsidy === 0) flags.push('finishedWithoutSubsidy');
  return flags;
}
