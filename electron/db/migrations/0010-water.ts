/**
 * Drinking-water safety (饮水安全): the supplies households draw from, each household's yearly
 * assessment on the four indicators (results computed by the service and stored, so reports are
 * plain SQL), water tests with their measured parameters, and the two rules tables: the
 * thresholds of the indicators and the limits of the parameters.
 *
 * The seeded thresholds and limits are DEFAULTS (默认值): the 农村饮水安全评价准则 figures and
 * GB 5749-2022 as the domain guide gives them, to verify before relying on them. An
 * administrator edits them. They are written through the record store, so the audit trail
 * starts with them like with any other insert; their ids are fixed so every workstation of a
 * county starts from the same rows.
 */
import type { Tx } from '../driver.js';
import type { ServiceContext } from '../../services/context.js';
import { insertRecord } from '../../services/record-store.js';

const REVIEW_COLUMNS = `
  review_state  TEXT NOT NULL DEFAULT 'draft' CHECK (review_state IN ('draft', 'submitted', 'approved', 'returned')),
  review_reason TEXT,
  reviewed_by   TEXT,
  reviewed_at   TEXT,`;

const STAMPS = `
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  deleted_at  TEXT`;

const flag = (column: string, fallback = 0) => `${column} INTEGER NOT NULL DEFAULT ${fallback} CHECK (${column} IN (0, 1))`;
const count = (column: string, max: number) => `${column} INTEGER CHECK (${column} IS NULL OR (typeof(${column}) = 'integer' AND ${column} BETWEEN 0 AND ${max}))`;

export const sql = `
-- A supply or project households draw from (水厂, 集中供水工程, 城市管网延伸, a village well).
CREATE TABLE water_supply (
  id           TEXT PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES village(code),
  name         TEXT NOT NULL,
  supply_type  TEXT NOT NULL CHECK (supply_type IN ('centralized', 'dispersed', 'urban_extension')),
  -- 供水单位
  operator     TEXT,
  -- Small centralized or dispersed: the looser limits apply (turbidity, nitrate).
  ${flag('small_scale')},
  note         TEXT,${STAMPS},
  change_seq   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX water_supply_name_live ON water_supply(village_code, name) WHERE deleted_at IS NULL;
CREATE INDEX water_supply_change ON water_supply(change_seq, id);

-- One assessment per household and year; a re-assessment updates it (the audit trail keeps
-- the earlier facts). The *_ok columns and passed are computed from the facts and the
-- thresholds when saved.
CREATE TABLE water_assessment (
  id                    TEXT PRIMARY KEY,
  household_id          TEXT NOT NULL REFERENCES household(id),
  year                  INTEGER NOT NULL CHECK (typeof(year) = 'integer' AND year BETWEEN 2000 AND 2100),
  assessed_on           TEXT NOT NULL,
  supply_type           TEXT NOT NULL CHECK (supply_type IN ('centralized', 'dispersed', 'urban_extension')),
  supply_id             TEXT REFERENCES water_supply(id),
  ${flag('tap_in_home')},
  ${flag('water_scarce_area')},
  ${count('litres_per_person_day', 10000)},
  ${count('trip_minutes', 1440)},
  ${count('horizontal_metres', 100000)},
  ${count('vertical_metres', 10000)},
  ${count('shortage_days', 366)},
  onsite_check          TEXT CHECK (onsite_check IS NULL OR onsite_check IN ('pass', 'fail')),
  assessor              TEXT,
  note                  TEXT,
  ${flag('quantity_ok')},
  ${flag('quality_ok')},
  ${flag('convenience_ok')},
  ${flag('reliability_ok')},
  ${flag('passed')},
  quality_source        TEXT NOT NULL DEFAULT 'none' CHECK (quality_source IN ('test', 'onsite', 'none')),
  quality_test_id       TEXT,
  -- Set when a failed test of the supply comes in after the assessment; cleared by re-assessing.
  ${flag('needs_reassessment')},
  -- The failed test that asked for it.
  reassessment_test_id  TEXT,${REVIEW_COLUMNS}${STAMPS},
  change_seq            INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX water_assessment_household_year_live ON water_assessment(household_id, year) WHERE deleted_at IS NULL;
CREATE INDEX water_assessment_year ON water_assessment(year, passed) WHERE deleted_at IS NULL;
CREATE INDEX water_assessment_supply ON water_assessment(supply_id) WHERE deleted_at IS NULL;
CREATE INDEX water_assessment_review_state ON water_assessment(review_state) WHERE deleted_at IS NULL;
CREATE INDEX water_assessment_change ON water_assessment(change_seq, id);

-- A water test (水质检测). values_json: [{"parameter": "turbidity", "value": "1.2"}, ...], values
-- as decimal text or "ND" (未检出); failures_json: what the limits said, computed when saved.
CREATE TABLE water_test (
  id            TEXT PRIMARY KEY,
  supply_id     TEXT NOT NULL REFERENCES water_supply(id),
  sampled_on    TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('daily', 'monthly', 'quarterly', 'annual', 'third_party')),
  lab           TEXT NOT NULL,
  ${flag('lab_cma')},
  place         TEXT NOT NULL CHECK (place IN ('works', 'tap')),
  -- Which tap or works: a household's address, a sampling point.
  place_note    TEXT,
  values_json   TEXT NOT NULL CHECK (json_valid(values_json) AND json_type(values_json) = 'array'),
  ${flag('passed')},
  failures_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(failures_json)),
  note          TEXT,${REVIEW_COLUMNS}${STAMPS},
  change_seq    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX water_test_supply ON water_test(supply_id, sampled_on) WHERE deleted_at IS NULL;
CREATE INDEX water_test_sampled ON water_test(sampled_on, kind) WHERE deleted_at IS NULL;
CREATE INDEX water_test_review_state ON water_test(review_state) WHERE deleted_at IS NULL;
CREATE INDEX water_test_change ON water_test(change_seq, id);

-- The indicators' thresholds per policy year (rules, not ledger rows: they do not travel in
-- packages). A year's rules apply to that year and later ones until a newer policy year is set;
-- years before the earliest policy year use the earliest.
CREATE TABLE water_threshold (
  id          TEXT PRIMARY KEY,
  year        INTEGER NOT NULL CHECK (typeof(year) = 'integer' AND year BETWEEN 2000 AND 2100),
  key         TEXT NOT NULL CHECK (key IN ('min_litres_per_person_day', 'min_litres_per_person_day_scarce',
                'max_trip_minutes', 'max_horizontal_metres', 'max_vertical_metres', 'max_shortage_days')),
  value       INTEGER NOT NULL CHECK (typeof(value) = 'integer' AND value >= 0),
  note        TEXT,${STAMPS}
);
CREATE UNIQUE INDEX water_threshold_live ON water_threshold(year, key) WHERE deleted_at IS NULL;

-- The parameters' limits, per policy year like the thresholds. min/max as decimal text; a
-- small-scale row replaces the standard row of its parameter and place for small and dispersed
-- supplies.
CREATE TABLE water_limit (
  id           TEXT PRIMARY KEY,
  year         INTEGER NOT NULL CHECK (typeof(year) = 'integer' AND year BETWEEN 2000 AND 2100),
  parameter    TEXT NOT NULL CHECK (parameter IN ('total_coliforms', 'e_coli', 'total_bacteria', 'turbidity', 'ph',
                 'free_chlorine', 'fluoride', 'nitrate_n', 'arsenic', 'tds', 'hardness')),
  scale        TEXT NOT NULL CHECK (scale IN ('standard', 'small')),
  place        TEXT NOT NULL CHECK (place IN ('any', 'works', 'tap')),
  min_value    TEXT,
  max_value    TEXT,
  ${flag('not_detected')},
  note         TEXT,${STAMPS},
  CHECK (min_value IS NOT NULL OR max_value IS NOT NULL OR not_detected = 1)
);
CREATE UNIQUE INDEX water_limit_live ON water_limit(year, parameter, scale, place) WHERE deleted_at IS NULL;
`;

const DEFAULT_NOTE = '默认值（农村饮水安全评价准则 / GB 5749-2022），请核对后使用';
/** The defaults' policy year: they apply to it, to later years, and (as the earliest) to earlier ones. */
const DEFAULT_YEAR = 2020;

/** The domain guide's defaults. */
const DEFAULT_THRESHOLDS: [string, number][] = [
  ['min_litres_per_person_day', 35],
  ['min_litres_per_person_day_scarce', 20],
  ['max_trip_minutes', 20],
  ['max_horizontal_metres', 800],
  ['max_vertical_metres', 80],
  ['max_shortage_days', 36],
];

/** [parameter, scale, place, min, max, notDetected] */
const DEFAULT_LIMITS: [string, string, string, string | null, string | null, 0 | 1][] = [
  ['total_coliforms', 'standard', 'any', null, null, 1],
  ['e_coli', 'standard', 'any', null, null, 1],
  ['total_bacteria', 'standard', 'any', null, '100', 0],
  ['turbidity', 'standard', 'any', null, '1', 0],
  ['turbidity', 'small', 'any', null, '3', 0],
  ['ph', 'standard', 'any', '6.5', '8.5', 0],
  ['free_chlorine', 'standard', 'tap', '0.05', null, 0],
  ['free_chlorine', 'standard', 'works', null, '2', 0],
  ['fluoride', 'standard', 'any', null, '1.0', 0],
  ['nitrate_n', 'standard', 'any', null, '10', 0],
  ['nitrate_n', 'small', 'any', null, '20', 0],
  ['arsenic', 'standard', 'any', null, '0.01', 0],
  ['tds', 'standard', 'any', null, '1000', 0],
  ['hardness', 'standard', 'any', null, '450', 0],
];

const fixedId = (group: number, n: number) => `00000000-0010-7000-800${group}-${String(n).padStart(12, '0')}`;

export async function after(tx: Tx): Promise<void> {
  // Only the record store's stamps and audit are used: no database handle or session is needed.
  const system = { actor: 'system', account: null, session: null, now: () => new Date() } as unknown as ServiceContext;
  for (const [i, [key, value]] of DEFAULT_THRESHOLDS.entries()) {
    await insertRecord(tx, system, 'water_threshold', { id: fixedId(1, i + 1), year: DEFAULT_YEAR, key, value, note: DEFAULT_NOTE });
  }
  for (const [i, [parameter, scale, place, min, max, notDetected]] of DEFAULT_LIMITS.entries()) {
    await insertRecord(tx, system, 'water_limit', {
      id: fixedId(2, i + 1), year: DEFAULT_YEAR, parameter, scale, place, min_value: min, max_value: max, not_detected: notDetected, note: DEFAULT_NOTE,
    });
  }
}
