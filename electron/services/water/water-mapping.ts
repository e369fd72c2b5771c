/** Between the contract's camelCase shapes and the water tables' columns. */
import type { SqlValue } from '../../db/driver.js';
import type { Assessment, AssessmentDraft, Supply, SupplyDraft, TestDraft, WaterTest } from '../../../shared/contract/water.js';
import type { AssessmentVerdict } from '../../../shared/domain/water/assessment.js';
import type { TestVerdict } from '../../../shared/domain/water/limits.js';
import type { ReviewState } from '../../../shared/domain/review.js';

export interface SupplyRecord {
  id: string; row_version: number; village_code: string; village_name: string; name: string; supply_type: Supply['supplyType'];
  operator: string | null; small_scale: number; note: string | null;
  latest_test_id: string | null; latest_test_on: string | null; latest_test_passed: number | null;
}

export function supplyValues(d: SupplyDraft): Record<string, SqlValue> {
  return { village_code: d.villageCode, name: d.name, supply_type: d.supplyType, operator: d.operator, small_scale: d.smallScale ? 1 : 0, note: d.note };
}

export function toSupply(r: SupplyRecord): Supply {
  return {
    id: r.id, rowVersion: r.row_version, villageCode: r.village_code, villageName: r.village_name, name: r.name, supplyType: r.supply_type,
    operator: r.operator, smallScale: r.small_scale === 1, note: r.note,
    latestTest: r.latest_test_id ? { id: r.latest_test_id, sampledOn: r.latest_test_on ?? '', passed: r.latest_test_passed === 1 } : null,
  };
}

interface ReviewColumns {
  review_state: ReviewState; review_reason: string | null; reviewed_by: string | null; reviewed_at: string | null;
  created_by: string; updated_at: string; row_version: number;
}

export interface AssessmentRecord extends ReviewColumns {
  id: string; household_id: string; year: number; assessed_on: string; supply_type: Assessment['supplyType']; supply_id: string | null;
  tap_in_home: number; water_scarce_area: number; litres_per_person_day: number | null; trip_minutes: number | null;
  horizontal_metres: number | null; vertical_metres: number | null; shortage_days: number | null;
  onsite_check: Assessment['onsiteCheck']; assessor: string | null; note: string | null;
  quantity_ok: number; quality_ok: number; convenience_ok: number; reliability_ok: number; passed: number;
  quality_source: Assessment['qualitySource']; quality_test_id: string | null; needs_reassessment: number; reassessment_test_id: string | null; reassessment_test_on: string | null;
  household_no: string; head_name: string | null; village_code: string; village_name: string; supply_name: string | null;
}

/**
 * An assessment with its household and head. The head is joined directly (person_one_head
 * index) rather than through household_row, whose member count would be worked out per row.
 */
export const ASSESSMENT_FROM = `
FROM water_assessment a
JOIN household h ON h.id = a.household_id
LEFT JOIN person head ON head.household_id = h.id AND head.relation = 'head' AND head.deleted_at IS NULL AND head.removal_reason IS NULL`;

/** The select every assessment read uses: the row with its household, head, village and supply. */
export const ASSESSMENT_SELECT = `
SELECT a.*, h.household_no, head.name AS head_name, h.village_code, COALESCE(v.name, h.village_code) AS village_name, s.name AS supply_name,
       rt.sampled_on AS reassessment_test_on
${ASSESSMENT_FROM}
LEFT JOIN village v ON v.code = h.village_code
LEFT JOIN water_supply s ON s.id = a.supply_id
LEFT JOIN water_test rt ON rt.id = a.reassessment_test_id`;

export function assessmentValues(d: AssessmentDraft, verdict: AssessmentVerdict): Record<string, SqlValue> {
  return {
    household_id: d.householdId, year: Number(d.assessedOn.slice(0, 4)), assessed_on: d.assessedOn, supply_type: d.supplyType,
    supply_id: d.supplyId, tap_in_home: d.tapInHome ? 1 : 0, water_scarce_area: d.waterScarceArea ? 1 : 0,
    litres_per_person_day: d.litresPerPersonDay, trip_minutes: d.tripMinutes, horizontal_metres: d.horizontalMetres,
    vertical_metres: d.verticalMetres, shortage_days: d.shortageDays, onsite_check: d.onsiteCheck, assessor: d.assessor, note: d.note,
    quantity_ok: verdict.indicators.quantity.passed ? 1 : 0,
    quality_ok: verdict.indicators.quality.passed ? 1 : 0,
    convenience_ok: verdict.indicators.convenience.passed ? 1 : 0,
    reliability_ok: verdict.indicators.reliability.passed ? 1 : 0,
    passed: verdict.passed ? 1 : 0,
    quality_source: verdict.qualitySource,
    quality_test_id: verdict.qualityTestId,
    // Saving is the re-assessment.
    needs_reassessment: 0,
    reassessment_test_id: null,
  };
}

export function toAssessment(r: AssessmentRecord): Assessment {
  return {
    id: r.id, rowVersion: r.row_version, householdId: r.household_id, year: r.year, assessedOn: r.assessed_on, supplyType: r.supply_type,
    supplyId: r.supply_id, tapInHome: r.tap_in_home === 1, waterScarceArea: r.water_scarce_area === 1,
    litresPerPersonDay: r.litres_per_person_day, tripMinutes: r.trip_minutes, horizontalMetres: r.horizontal_metres,
    verticalMetres: r.vertical_metres, shortageDays: r.shortage_days, onsiteCheck: r.onsite_check, assessor: r.assessor, note: r.note,
    householdNo: r.household_no, headName: r.head_name, villageCode: r.village_code, villageName: r.village_name, supplyName: r.supply_name,
    results: { quantity: r.quantity_ok === 1, quality: r.quality_ok === 1, convenience: r.convenience_ok === 1, reliability: r.reliability_ok === 1 },
    passed: r.passed === 1, qualitySource: r.quality_source, qualityTestId: r.quality_test_id,
    needsReassessment: r.needs_reassessment === 1,
    reassessmentTest: r.reassessment_test_id ? { id: r.reassessment_test_id, sampledOn: r.reassessment_test_on ?? '' } : null,
    reviewState: r.review_state, reviewReason: r.review_reason, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at,
    createdBy: r.created_by, updatedAt: r.updated_at,
  };
}

export interface TestRecord extends ReviewColumns {
  id: string; supply_id: string; sampled_on: string; kind: WaterTest['testKind']; lab: string; lab_cma: number; place: WaterTest['testPlace'];
  place_note: string | null; values_json: string; passed: number; failures_json: string; note: string | null;
  supply_name: string; village_code: string; village_name: string;
}

export const TEST_SELECT = `
SELECT t.*, s.name AS supply_name, s.village_code, COALESCE(v.name, s.village_code) AS village_name
FROM water_test t
JOIN water_supply s ON s.id = t.supply_id
LEFT JOIN village v ON v.code = s.village_code`;

export function testValues(d: TestDraft, verdict: TestVerdict): Record<string, SqlValue> {
  return {
    supply_id: d.supplyId, sampled_on: d.sampledOn, kind: d.testKind, lab: d.lab, lab_cma: d.labCma ? 1 : 0, place: d.testPlace, place_note: d.placeNote,
    values_json: JSON.stringify(d.values), passed: verdict.passed ? 1 : 0, failures_json: JSON.stringify(verdict.failures), note: d.note,
  };
}

export function toTest(r: TestRecord): WaterTest {
  return {
    id: r.id, rowVersion: r.row_version, supplyId: r.supply_id, sampledOn: r.sampled_on, testKind: r.kind, lab: r.lab, labCma: r.lab_cma === 1,
    testPlace: r.place, placeNote: r.place_note, values: JSON.parse(r.values_json) as WaterTest['values'], note: r.note,
    supplyName: r.supply_name, villageCode: r.village_code, villageName: r.village_name, passed: r.passed === 1,
    failures: JSON.parse(r.failures_json) as WaterTest['failures'],
    reviewState: r.review_state, reviewReason: r.review_reason, createdBy: r.created_by, updatedAt: r.updated_at,
  };
}
