/** A blank repair for tests: every date empty, no money. */
import type { HousingRepairFacts } from './housing-repair.js';

export function repairFacts(extra: Partial<HousingRepairFacts> = {}): HousingRepairFacts {
  return {
    appraisalDate: null, safetyGrade: null, repairMode: null, planYear: null,
    subsidyCentralFen: 0, subsidyProvincialFen: 0, subsidyCityFen: 0, subsidyCountyFen: 0, selfRaisedFen: 0,
    publicityVillageDate: null, publicityTownshipDate: null, publicityCountyDate: null,
    startDate: null, completionDate: null, acceptanceDate: null, acceptanceResult: null, disbursementDate: null,
    furnitureCostFen: 0, otherRepairsCostFen: 0,
    ...extra,
  };
}
