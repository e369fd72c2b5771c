/**
 * Medical policy rules as data (健康扶贫 五重/六重保障): one row per policy year, its layers in
 * paying order, and optional rates that replace a layer's deductible and ratio for a visit type
 * and/or hospital level. Money in integer fen, ratios in basis points (10000 = 100 %).
 *
 * The seeded 2019-2021 rows are EXAMPLES (示例值), plausible for Shandong but not any county's
 * actual policy: an administrator must replace them with the local figures. Their ids are fixed
 * so every workstation of a county starts from the same rows.
 */
export const sql = `
CREATE TABLE medical_policy_year (
  year                      INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  id                        TEXT NOT NULL UNIQUE,
  -- 个人自付 ceiling as a share of 政策范围内费用; a claim above it is flagged for review (兜底).
  personal_share_ceiling_bp INTEGER NOT NULL DEFAULT 1000
                            CHECK (typeof(personal_share_ceiling_bp) = 'integer' AND personal_share_ceiling_bp BETWEEN 0 AND 10000),
  note                      TEXT,
  row_version               INTEGER NOT NULL DEFAULT 1,
  created_at                TEXT NOT NULL,
  created_by                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  updated_by                TEXT NOT NULL,
  deleted_at                TEXT
);

CREATE TABLE medical_policy_layer (
  id               TEXT PRIMARY KEY,
  year             INTEGER NOT NULL REFERENCES medical_policy_year(year),
  -- Paying order, 1 first.
  position         INTEGER NOT NULL CHECK (typeof(position) = 'integer' AND position BETWEEN 1 AND 6),
  layer_code       TEXT NOT NULL CHECK (layer_code IN ('basic_insurance', 'critical_illness', 'hospital_waiver',
                     'medical_assistance', 'supplementary_commercial', 'catastrophic_reassistance')),
  -- in_scope: the ratio applies to 政策范围内费用; remaining: to what earlier layers left of it.
  base             TEXT NOT NULL CHECK (base IN ('in_scope', 'remaining')),
  -- 起付线, counted per person per year (year) or at every visit (visit).
  deductible_fen   INTEGER NOT NULL DEFAULT 0 CHECK (typeof(deductible_fen) = 'integer' AND deductible_fen >= 0),
  deductible_scope TEXT NOT NULL DEFAULT 'year' CHECK (deductible_scope IN ('year', 'visit')),
  ratio_bp         INTEGER NOT NULL CHECK (typeof(ratio_bp) = 'integer' AND ratio_bp BETWEEN 0 AND 10000),
  -- 封顶线 per person per year; NULL = no cap.
  annual_cap_fen   INTEGER CHECK (annual_cap_fen IS NULL OR (typeof(annual_cap_fen) = 'integer' AND annual_cap_fen >= 0)),
  -- JSON array of visit types the layer pays for: inpatient, chronic_outpatient, general_outpatient.
  visit_types      TEXT NOT NULL DEFAULT '["inpatient"]' CHECK (json_valid(visit_types) AND json_type(visit_types) = 'array'),
  note             TEXT,
  row_version      INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL,
  deleted_at       TEXT
);
CREATE UNIQUE INDEX medical_policy_layer_position_live ON medical_policy_layer(year, position) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX medical_policy_layer_code_live ON medical_policy_layer(year, layer_code) WHERE deleted_at IS NULL;
-- CHECK cannot look inside the array: triggers refuse an empty list or an unknown visit type.
CREATE TRIGGER medical_policy_layer_visit_types_insert BEFORE INSERT ON medical_policy_layer
WHEN json_array_length(NEW.visit_types) = 0
  OR EXISTS (SELECT 1 FROM json_each(NEW.visit_types) WHERE value NOT IN ('inpatient', 'chronic_outpatient', 'general_outpatient'))
BEGIN SELECT RAISE(ABORT, 'medical_policy_layer.visit_types: unknown or empty visit type list'); END;
CREATE TRIGGER medical_policy_layer_visit_types_update BEFORE UPDATE OF visit_types ON medical_policy_layer
WHEN json_array_length(NEW.visit_types) = 0
  OR EXISTS (SELECT 1 FROM json_each(NEW.visit_types) WHERE value NOT IN ('inpatient', 'chronic_outpatient', 'general_outpatient'))
BEGIN SELECT RAISE(ABORT, 'medical_policy_layer.visit_types: unknown or empty visit type list'); END;

-- Overrides of a layer's deductible and ratio. The most specific live row wins: visit type and
-- hospital level, then visit type alone, then hospital level alone, then the layer's own values.
-- The cap and the deductible scope stay the layer's.
CREATE TABLE medical_policy_rate (
  id             TEXT PRIMARY KEY,
  layer_id       TEXT NOT NULL REFERENCES medical_policy_layer(id),
  visit_type     TEXT CHECK (visit_type IS NULL OR visit_type IN ('inpatient', 'chronic_outpatient', 'general_outpatient')),
  hospital_level TEXT CHECK (hospital_level IS NULL OR hospital_level IN ('township', 'county', 'city', 'provincial', 'out_of_province')),
  deductible_fen INTEGER NOT NULL DEFAULT 0 CHECK (typeof(deductible_fen) = 'integer' AND deductible_fen >= 0),
  ratio_bp       INTEGER NOT NULL CHECK (typeof(ratio_bp) = 'integer' AND ratio_bp BETWEEN 0 AND 10000),
  note           TEXT,
  row_version    INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL,
  deleted_at     TEXT,
  CHECK (visit_type IS NOT NULL OR hospital_level IS NOT NULL)
);
CREATE UNIQUE INDEX medical_policy_rate_live
  ON medical_policy_rate(layer_id, coalesce(visit_type, ''), coalesce(hospital_level, '')) WHERE deleted_at IS NULL;

-- ======================================================================================
-- EXAMPLE VALUES (示例值，请按当地政策修改). Plausible for Shandong 2019-2021, not any
-- county's actual policy. 2019: 五重保障 (five layers); 2020, 2021: 六重保障 (adds
-- 重特大疾病再救助). Each layer has one ratio: banded ratios (e.g. 大病保险 by cost band)
-- are approximated by a single ratio.
--   1 基本医疗保险   on 政策范围内费用; 起付线 per stay (county 500元, township 200元, city 800元,
--                    province 1200元, out of province 1500元); 80 % (township 90 %, city 70 %,
--                    province 60 %, out of province 55 %); 门诊慢病 no 起付线, 70 %;
--                    普通门诊 50 %; 封顶线 20万元 a year.
--   2 大病保险       on what basic insurance left; 起付线 5000元 a year (halved for poor
--                    households); 65 %; no 封顶线 for poor households.
--   3 医疗机构减免   on what is left; 10 %; no cap; inpatient only.
--   4 医疗救助       on what is left; 70 %; 2万元 a year.
--   5 商业补充保险   on what is left (扶贫特惠保); 60 %; 10万元 a year.
--   6 重特大疾病再救助 (2020 on) on what is left; 起付线 2000元 a year; 50 %; 5万元 a year.
-- Personal-share ceiling: 10 % of 政策范围内费用.
-- ======================================================================================
INSERT INTO medical_policy_year (year, id, personal_share_ceiling_bp, note, created_at, created_by, updated_at, updated_by)
SELECT y.year, printf('00000000-%04d-7000-8000-000000000000', y.year), 1000, '示例值，请按当地政策修改',
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'
FROM (SELECT 2019 AS year UNION ALL SELECT 2020 UNION ALL SELECT 2021) y;

WITH example(position, layer_code, base, deductible_fen, deductible_scope, ratio_bp, annual_cap_fen, visit_types) AS (
  VALUES
    (1, 'basic_insurance',           'in_scope',  50000,  'visit', 8000, 20000000, '["inpatient","chronic_outpatient","general_outpatient"]'),
    (2, 'critical_illness',          'remaining', 500000, 'year',  6500, NULL,     '["inpatient","chronic_outpatient"]'),
    (3, 'hospital_waiver',           'remaining', 0,      'year',  1000, NULL,     '["inpatient"]'),
    (4, 'medical_assistance',        'remaining', 0,      'year',  7000, 2000000,  '["inpatient","chronic_outpatient"]'),
    (5, 'supplementary_commercial',  'remaining', 0,      'year',  6000, 10000000, '["inpatient","chronic_outpatient"]'),
    (6, 'catastrophic_reassistance', 'remaining', 200000, 'year',  5000, 5000000,  '["inpatient","chronic_outpatient"]')
)
INSERT INTO medical_policy_layer (id, year, position, layer_code, base, deductible_fen, deductible_scope, ratio_bp,
                                  annual_cap_fen, visit_types, note, created_at, created_by, updated_at, updated_by)
SELECT printf('00000000-%04d-7000-8001-%012d', y.year, e.position), y.year, e.position, e.layer_code, e.base,
       e.deductible_fen, e.deductible_scope, e.ratio_bp, e.annual_cap_fen, e.visit_types, '示例值，请按当地政策修改',
       y.created_at, 'system', y.created_at, 'system'
FROM medical_policy_year y CROSS JOIN example e
WHERE NOT (y.year = 2019 AND e.layer_code = 'catastrophic_reassistance');

WITH example(n, visit_type, hospital_level, deductible_fen, ratio_bp) AS (
  VALUES
    (1, 'inpatient',          'township',        20000,  9000),
    (2, 'inpatient',          'city',            80000,  7000),
    (3, 'inpatient',          'provincial',      120000, 6000),
    (4, 'inpatient',          'out_of_province', 150000, 5500),
    (5, 'chronic_outpatient', NULL,              0,      7000),
    (6, 'general_outpatient', NULL,              0,      5000)
)
INSERT INTO medical_policy_rate (id, layer_id, visit_type, hospital_level, deductible_fen, ratio_bp, note,
                                 created_at, created_by, updated_at, updated_by)
SELECT printf('00000000-%04d-7000-8002-%012d', l.year, e.n), l.id, e.visit_type, e.hospital_level, e.deductible_fen,
       e.ratio_bp, '示例值，请按当地政策修改', l.created_at, 'system', l.created_at, 'system'
FROM medical_policy_layer l CROSS JOIN example e
WHERE l.layer_code = 'basic_insurance';

-- The seeds start the audit trail like any other insert.
INSERT INTO audit_log (at, actor, action, table_name, record_id, before_json, after_json, reason)
SELECT created_at, 'system', 'insert', 'medical_policy_year', id, NULL,
       json_object('year', year, 'id', id, 'personal_share_ceiling_bp', personal_share_ceiling_bp, 'note', note,
                   'row_version', row_version, 'created_at', created_at, 'created_by', created_by,
                   'updated_at', updated_at, 'updated_by', updated_by),
       'migration 0002: example values'
FROM medical_policy_year ORDER BY year;
INSERT INTO audit_log (at, actor, action, table_name, record_id, before_json, after_json, reason)
SELECT created_at, 'system', 'insert', 'medical_policy_layer', id, NULL,
       json_object('id', id, 'year', year, 'position', position, 'layer_code', layer_code, 'base', base,
                   'deductible_fen', deductible_fen, 'deductible_scope', deductible_scope, 'ratio_bp', ratio_bp,
                   'annual_cap_fen', annual_cap_fen, 'visit_types', visit_types, 'note', note,
                   'row_version', row_version, 'created_at', created_at, 'created_by', created_by,
                   'updated_at', updated_at, 'updated_by', updated_by),
       'migration 0002: example values'
FROM medical_policy_layer ORDER BY year, position;
INSERT INTO audit_log (at, actor, action, table_name, record_id, before_json, after_json, reason)
SELECT created_at, 'system', 'insert', 'medical_policy_rate', id, NULL,
       json_object('id', id, 'layer_id', layer_id, 'visit_type', visit_type, 'hospital_level', hospital_level,
                   'deductible_fen', deductible_fen, 'ratio_bp', ratio_bp, 'note', note,
                   'row_version', row_version, 'created_at', created_at, 'created_by', created_by,
                   'updated_at', updated_at, 'updated_by', updated_by),
       'migration 0002: example values'
FROM medical_policy_rate ORDER BY id;
`;
