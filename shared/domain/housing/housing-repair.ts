/** The facts of one household's housing repair that the rules look at (dates are YYYY-MM-DD). */
import type { AcceptanceResult, RepairMode, SafetyGrade } from './housing-enums.js';

export interface HousingRepairFacts {
  appraisalDate: string | null;
  safetyGrade: SafetyGrade | null;
  repairMode: RepairMode | null;
  planYear: number | null;
  subsidyCentralFen: number;
  subsidyProvincialFen: number;
  subsidyCityFen: number;
  subsidyCountyFen: number;
  selfRaisedFen: number;
  publicityVillageDate: string | null;
  publicityTownshipDate: string | null;
  publicityCountyDate: string | null;
  startDate: string | null;
  completionDate: string | null;
  acceptanceDate: string | null;
  acceptanceResult: AcceptanceResult | null;
  disbursementDate: string | null;
  furnitureCostFen: number;
  otherRepairsCostFen: number;
}

/**
 * The dated steps in the order they must happen (鉴定 ≤ 公示 ≤ 开工 ≤ 竣工 ≤ 验收 ≤ 拨付); the
 * three levels of 公示 go village, township, county.
 */
export const datedSteps = [
  'appraisalDate', 'publicityVillageDate', 'publicityTownshipDate', 'publicityCountyDate',
  'startDate', 'completionDate', 'acceptanceDate', 'disbursementDate',
] as const satisfies readonly (keyof HousingRepairFacts)[];
export type DatedStep = (typeof datedSteps)[number];
