/** Between the contract's camelCase repair and the `housing_repair` columns. */
import type { SqlValue } from '../../db/driver.js';
import type { HousingRepair, HousingRow, RepairDraft } from '../../../shared/contract/housing.js';
import type { HousingRepairFacts } from '../../../shared/domain/housing/housing-repair.js';
import { housingFlags, subsidyTotalFen } from '../../../shared/domain/housing/housing-rules.js';
import { housingStage } from '../../../shared/domain/housing/housing-stage.js';

/** The draft's own fields, each stored in the column of the same name in snake_case. */
export const repairFields = [
  'appraisalDate', 'appraisalOrg', 'safetyGrade', 'repairMode', 'planYear',
  'subsidyCentralFen', 'subsidyProvincialFen', 'subsidyCityFen', 'subsidyCountyFen', 'selfRaisedFen',
  'publicityVillageDate', 'publicityTownshipDate', 'publicityCountyDate', 'startDate', 'completionDate',
  'acceptanceDate', 'acceptanceResult', 'disbursementDate', 'platePosted', 'archiveNo',
  'furnitureItems', 'furnitureCostFen', 'otherRepairs', 'otherRepairsCostFen', 'note',
] as const satisfies readonly (keyof RepairDraft)[];
type RepairField = (typeof repairFields)[number];

export const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A `housing_repair` row joined with its household, head and village. */
export type RepairRecord = Record<string, SqlValue> & {
  id: string; household_id: string; household_no: string; head_name: string | null; village_code: string; village_name: string;
  row_version: number; review_state: HousingRepair['reviewState']; review_reason: string | null;
  updated_at: string; updated_by: string; created_by: string;
};

export const REPAIR_SELECT = `
  SELECT r.*, h.household_no, h.village_code, COALESCE(v.name, h.village_code) AS village_name,
         (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relation = 'head'
            AND p.deleted_at IS NULL AND p.removal_reason IS NULL) AS head_name
  FROM housing_repair r JOIN household h ON h.id = r.household_id LEFT JOIN village v ON v.code = h.village_code`;

export function repairValues(d: RepairDraft, householdId: string): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = { household_id: householdId };
  for (const f of repairFields) {
    const v = d[f];
    values[columnOf(f)] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }
  return values;
}

export function draftOf(r: RepairRecord): RepairDraft & { id: string; rowVersion: number } {
  const draft = { id: r.id, rowVersion: r.row_version, householdNo: r.household_no } as Record<string, unknown>;
  for (const f of repairFields) {
    const v = r[columnOf(f)];
    draft[f] = f === 'platePosted' ? v === 1 : v;
  }
  return draft as RepairDraft & { id: string; rowVersion: number };
}

export function factsOf(d: Pick<RepairDraft, RepairField>): HousingRepairFacts {
  return d;
}

export function toRow(r: RepairRecord, photoCount: number): HousingRow {
  const d = draftOf(r);
  return {
    id: r.id, householdNo: r.household_no, headName: r.head_name, villageCode: r.village_code, villageName: r.village_name,
    safetyGrade: d.safetyGrade, repairMode: d.repairMode, planYear: d.planYear, stage: housingStage(d),
    subsidyTotalFen: subsidyTotalFen(d), selfRaisedFen: d.selfRaisedFen, appraisalDate: d.appraisalDate,
    startDate: d.startDate, completionDate: d.completionDate, acceptanceDate: d.acceptanceDate,
    disbursementDate: d.disbursementDate, flags: housingFlags(d), photoCount, reviewState: r.review_state, updatedAt: r.updated_at,
  };
}
