/**
 * The ledgers that travel in upload packages, declared once. Export, verification, merge and
 * receipts read everything from here; a new ledger joins by adding one declaration (and a
 * `change_seq` column in its migration). Order matters: parents before children, the order the
 * county merges in. Not here on purpose: `setting`, `audit_log`, accounts, and the
 * `medical_policy_*` rules (each county sets its own).
 */
import type { Query } from './statement-cache.js';
import { issue, type FieldIssue } from '../../shared/domain/issue.js';
import type { PackageRow } from './streams.js';
import {
  noWaterTestCollisions, validateWaterAssessmentRow, validateWaterSupplyRow, validateWaterTestRow, waterAssessmentCollisions, waterSupplyCollisions,
} from './water-validators.js';
import { medicalClaimCollisions, validateMedicalClaimRow } from './medical-validators.js';
import { housingPhotoCollisions, validateHousingPhotoRow } from './housing-photo-validators.js';
import {
  householdCollisions, housingRepairCollisions, personCollisions, schoolAidCollisions, validateSchoolAidRow, validateHousingRepairRow, validateHousehold, validatePerson, validateVillage, villageCollisions, type RowContext,
} from './ledger-validators.js';

/** `flag` is 0 or 1; a trailing `?` allows null. */
export type ColumnType = 'text' | 'text?' | 'int' | 'int?' | 'flag';

/** A foreign key: `column` of this table holds `key` of `table`. */
export interface ParentLink {
  column: string;
  table: string;
  key: string;
}

export interface LedgerTable {
  name: string;
  /** How a reason names the ledger (所属的户…). */
  label: string;
  /** What travels, in file order: the declared columns then the stamps. */
  columns: readonly string[];
  types: Readonly<Record<string, ColumnType>>;
  /** Columns ending in `_fen`: summed in the manifest and checked by the county. */
  moneyColumns: readonly string[];
  parents: readonly ParentLink[];
  /** Rows go up only in this review state (tombstones always), once the ledger is reviewed. */
  review?: { column: string; approved: string };
  /** Rows go up with this parent, whose version covers them, rather than by their own change. */
  travelsWith?: ParentLink;
  /**
   * Columns naming a file of the data folder's file store (`photos/<sha256>`) by its SHA-256:
   * a live row carries its files into the package as attachments (null: no file).
   */
  attachments?: readonly string[];
  /** Pure checks with the shared/ rules. */
  validate(row: PackageRow, ctx: RowContext): FieldIssue[];
  /** Clashes with other live rows at the county (unique rules). */
  collisions(q: Query, row: PackageRow, ctx: RowContext): Promise<FieldIssue[]>;
}

const STAMPS: Record<string, ColumnType> = {
  row_version: 'int', created_at: 'text', created_by: 'text', updated_at: 'text', updated_by: 'text', deleted_at: 'text?',
};

type Declaration = Omit<LedgerTable, 'columns' | 'types' | 'moneyColumns'> & { own: Record<string, ColumnType> };

function declare(d: Declaration): LedgerTable {
  const { own, ...rest } = d;
  const types = { ...own, ...STAMPS };
  const columns = Object.keys(types);
  return { ...rest, columns, types, moneyColumns: columns.filter((c) => c.endsWith('_fen')) };
}

export const ledgerTables: readonly LedgerTable[] = [
  declare({
    name: 'village',
    label: '村',
    own: { id: 'text', code: 'text', name: 'text' },
    parents: [],
    validate: validateVillage,
    collisions: villageCollisions,
  }),
  declare({
    name: 'household',
    label: '户',
    own: {
      id: 'text', household_no: 'text', village_code: 'text', status: 'text', exit_year: 'int?', cause: 'text?',
      dibao: 'flag', tekun: 'flag', helper_name: 'text?', helper_unit: 'text?', helper_phone: 'text?',
      bank_account: 'text?', address: 'text?', note: 'text?',
      review_state: 'text', review_reason: 'text?', reviewed_by: 'text?', reviewed_at: 'text?',
    },
    parents: [{ column: 'village_code', table: 'village', key: 'code' }],
    review: { column: 'review_state', approved: 'approved' },
    validate: validateHousehold,
    collisions: householdCollisions,
  }),
  declare({
    name: 'person',
    label: '人员',
    own: {
      id: 'text', household_id: 'text', name: 'text', id_number: 'text', sex: 'text', birth_date: 'text', relation: 'text',
      health: 'text', disability_type: 'text?', disability_grade: 'text?', labor_ability: 'text?', school_status: 'text?',
      insured: 'flag', phone: 'text?', removal_reason: 'text?', position: 'int',
    },
    parents: [{ column: 'household_id', table: 'household', key: 'id' }],
    // Any member change bumps the household (household-service), so members go up with it.
    travelsWith: { column: 'household_id', table: 'household', key: 'id' },
    validate: validatePerson,
    collisions: personCollisions,
  }),
  declare({
    name: 'housing_repair',
    label: '危房改造',
    own: {
      id: 'text', household_id: 'text', appraisal_date: 'text?', appraisal_org: 'text?', safety_grade: 'text?', repair_mode: 'text?',
      plan_year: 'int?', subsidy_central_fen: 'int', subsidy_provincial_fen: 'int', subsidy_city_fen: 'int', subsidy_county_fen: 'int',
      self_raised_fen: 'int', publicity_village_date: 'text?', publicity_township_date: 'text?', publicity_county_date: 'text?',
      start_date: 'text?', completion_date: 'text?', acceptance_date: 'text?', acceptance_result: 'text?', disbursement_date: 'text?',
      plate_posted: 'flag', archive_no: 'text?', furniture_items: 'text?', furniture_cost_fen: 'int', other_repairs: 'text?',
      other_repairs_cost_fen: 'int', note: 'text?',
      review_state: 'text', review_reason: 'text?', reviewed_by: 'text?', reviewed_at: 'text?',
    },
    parents: [{ column: 'household_id', table: 'household', key: 'id' }],
    review: { column: 'review_state', approved: 'approved' },
    validate: validateHousingRepairRow,
    collisions: housingRepairCollisions,
  }),
  declare({
    name: 'housing_photo',
    label: '危房改造照片',
    own: {
      id: 'text', repair_id: 'text', phase: 'text', sha256: 'text', mime_type: 'text', original_name: 'text', bytes: 'int', thumb_sha256: 'text?',
    },
    parents: [{ column: 'repair_id', table: 'housing_repair', key: 'id' }],
    // Photos change only while the repair is editable, and its approval bumps it: they go up with it.
    travelsWith: { column: 'repair_id', table: 'housing_repair', key: 'id' },
    attachments: ['sha256', 'thumb_sha256'],
    validate: validateHousingPhotoRow,
    collisions: housingPhotoCollisions,
  }),
  declare({
    name: 'school_aid',
    label: '教育资助',
    own: {
      id: 'text', person_id: 'text', school_year: 'text', term: 'text', aid_year: 'int', stage: 'text', school: 'text?', item: 'text',
      amount_fen: 'int', paid_date: 'text?', out_of_province: 'flag', warnings: 'text', note: 'text?',
      review_state: 'text', review_reason: 'text?', reviewed_by: 'text?', reviewed_at: 'text?',
    },
    parents: [{ column: 'person_id', table: 'person', key: 'id' }],
    review: { column: 'review_state', approved: 'approved' },
    validate: validateSchoolAidRow,
    collisions: schoolAidCollisions,
  }),
  declare({
    name: 'water_supply',
    label: '供水工程',
    own: { id: 'text', village_code: 'text', name: 'text', supply_type: 'text', operator: 'text?', small_scale: 'flag', note: 'text?' },
    parents: [{ column: 'village_code', table: 'village', key: 'code' }],
    validate: validateWaterSupplyRow,
    collisions: waterSupplyCollisions,
  }),
  declare({
    name: 'water_assessment',
    label: '饮水安全评价',
    own: {
      id: 'text', household_id: 'text', year: 'int', assessed_on: 'text', supply_type: 'text', supply_id: 'text?', tap_in_home: 'flag',
      water_scarce_area: 'flag', litres_per_person_day: 'int?', trip_minutes: 'int?', horizontal_metres: 'int?', vertical_metres: 'int?',
      shortage_days: 'int?', onsite_check: 'text?', assessor: 'text?', note: 'text?', quantity_ok: 'flag', quality_ok: 'flag',
      convenience_ok: 'flag', reliability_ok: 'flag', passed: 'flag', quality_source: 'text', quality_test_id: 'text?',
      needs_reassessment: 'flag', reassessment_test_id: 'text?',
      review_state: 'text', review_reason: 'text?', reviewed_by: 'text?', reviewed_at: 'text?',
    },
    // The supply is optional (a dispersed supply may have none): checked in the collisions, not as a parent.
    parents: [{ column: 'household_id', table: 'household', key: 'id' }],
    review: { column: 'review_state', approved: 'approved' },
    validate: validateWaterAssessmentRow,
    collisions: waterAssessmentCollisions,
  }),
  declare({
    name: 'water_test',
    label: '水质检测',
    own: {
      id: 'text', supply_id: 'text', sampled_on: 'text', kind: 'text', lab: 'text', lab_cma: 'flag', place: 'text', place_note: 'text?',
      values_json: 'text', passed: 'flag', failures_json: 'text', note: 'text?',
      review_state: 'text', review_reason: 'text?', reviewed_by: 'text?', reviewed_at: 'text?',
    },
    parents: [{ column: 'supply_id', table: 'water_supply', key: 'id' }],
    review: { column: 'review_state', approved: 'approved' },
    validate: validateWaterTestRow,
    collisions: noWaterTestCollisions,
  }),
  declare({
    name: 'medical_claim',
    label: '医疗报销',
    own: {
      id: 'text', person_id: 'text', visit_type: 'text', hospital_name: 'text', hospital_level: 'text?', admission_date: 'text',
      discharge_date: 'text', diagnosis: 'text?', policy_year: 'int', total_fen: 'int', in_scope_fen: 'int',
      basic_insurance_fen: 'int?', critical_illness_fen: 'int?', hospital_waiver_fen: 'int?', medical_assistance_fen: 'int?',
      supplementary_commercial_fen: 'int?', catastrophic_reassistance_fen: 'int?', accident_insurance_fen: 'int?',
      self_pay_fen: 'int', in_scope_self_pay_fen: 'int', self_share_bp: 'int', over_ceiling: 'flag',
      proposed_basic_insurance_fen: 'int?', proposed_critical_illness_fen: 'int?', proposed_hospital_waiver_fen: 'int?',
      proposed_medical_assistance_fen: 'int?', proposed_supplementary_commercial_fen: 'int?', proposed_catastrophic_reassistance_fen: 'int?',
      warnings: 'text', invoice_no: 'text?', settlement_date: 'text?',
      review_state: 'text', review_reason: 'text?', reviewed_by: 'text?', reviewed_at: 'text?',
    },
    parents: [{ column: 'person_id', table: 'person', key: 'id' }],
    review: { column: 'review_state', approved: 'approved' },
    validate: validateMedicalClaimRow,
    collisions: medicalClaimCollisions,
  }),
];

export function ledgerTable(name: string): LedgerTable | undefined {
  return ledgerTables.find((t) => t.name === name);
}

function typeIssue(column: string, type: ColumnType, value: unknown): FieldIssue | null {
  if (value === null) return type.endsWith('?') ? null : issue(column, 'required');
  const ok = type === 'text' || type === 'text?' ? typeof value === 'string'
    : type === 'flag' ? value === 0 || value === 1
      : typeof value === 'number' && Number.isSafeInteger(value);
  return ok ? null : issue(column, 'sync.badValue', { column });
}

/**
 * The row has exactly the declared columns, each of its type: whatever the database would
 * refuse is refused here first, so one bad row can never abort a package's transaction.
 */
export function shapeIssues(table: LedgerTable, row: PackageRow): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const column in row) if (!(column in table.types)) issues.push(issue(column, 'sync.unknownColumn', { column }));
  for (const column of table.columns) {
    if (!(column in row)) {
      issues.push(issue(column, 'sync.missingColumn', { column }));
      continue;
    }
    const problem = typeIssue(column, table.types[column]!, row[column]);
    if (problem) issues.push(problem);
  }
  if (issues.length === 0 && (row.row_version as number) < 1) issues.push(issue('row_version', 'sync.badValue', { column: 'row_version' }));
  return issues;
}
