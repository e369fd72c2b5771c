/**
 * 教育资助: one row per payment to a student (a person of the register) for a 学年, 学期 and
 * 资助项目, with the review columns and change_seq like household. Two rule tables beside it,
 * editable by an administrator and not carried in packages (each county sets its own):
 * school_aid_standard (calendar year × 学段 × 项目 × 学期 → expected amount) and
 * school_stage_age (the usual age range of each 学段). Money in integer fen.
 */
import type { Database, Tx } from '../driver.js';
import { writeAudit } from '../../services/audit.js';
import type { ServiceContext } from '../../services/context.js';

export const sql = `
CREATE TABLE school_aid (
  id              TEXT PRIMARY KEY,
  person_id       TEXT NOT NULL REFERENCES person(id),
  school_year     TEXT NOT NULL CHECK (school_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
  term            TEXT NOT NULL CHECK (term IN ('spring', 'autumn')),
  -- Derived from school_year and term (秋季 = start year, 春季 = the next): what reports and
  -- standards count by. Stored so the report can use an index.
  aid_year        INTEGER NOT NULL CHECK (typeof(aid_year) = 'integer'),
  stage           TEXT NOT NULL CHECK (stage IN ('preschool', 'primary', 'junior', 'senior', 'vocational', 'higher')),
  school          TEXT,
  item            TEXT NOT NULL CHECK (item IN ('childcare_waiver', 'living_allowance', 'tuition_waiver', 'national_grant',
                    'yulu_plan', 'student_loan', 'other')),
  amount_fen      INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen > 0),
  paid_date       TEXT,
  out_of_province INTEGER NOT NULL DEFAULT 0 CHECK (out_of_province IN (0, 1)),
  -- JSON array of the warnings found at the last save (off standard, age not fitting 学段).
  warnings        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
  note            TEXT,
  review_state    TEXT NOT NULL DEFAULT 'draft' CHECK (review_state IN ('draft', 'submitted', 'approved', 'returned')),
  review_reason   TEXT,
  reviewed_by     TEXT,
  reviewed_at     TEXT,
  row_version     INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  deleted_at      TEXT,
  change_seq      INTEGER NOT NULL DEFAULT 0
);
-- The duplicate rule: one student, 学年, 学期 and 项目 is paid once (the service names the first).
CREATE UNIQUE INDEX school_aid_key_live ON school_aid(person_id, school_year, term, item) WHERE deleted_at IS NULL;
CREATE INDEX school_aid_report ON school_aid(aid_year, stage, item) WHERE deleted_at IS NULL;
CREATE INDEX school_aid_person ON school_aid(person_id);
CREATE INDEX school_aid_change ON school_aid(change_seq, id);
CREATE INDEX school_aid_review_state ON school_aid(review_state) WHERE deleted_at IS NULL;

CREATE TABLE school_aid_standard (
  id          TEXT PRIMARY KEY,
  year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  stage       TEXT NOT NULL CHECK (stage IN ('preschool', 'primary', 'junior', 'senior', 'vocational', 'higher')),
  item        TEXT NOT NULL CHECK (item IN ('childcare_waiver', 'living_allowance', 'tuition_waiver', 'national_grant',
                'yulu_plan', 'student_loan', 'other')),
  term        TEXT NOT NULL CHECK (term IN ('spring', 'autumn')),
  amount_fen  INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen >= 0),
  note        TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE UNIQUE INDEX school_aid_standard_key_live ON school_aid_standard(year, stage, item, term) WHERE deleted_at IS NULL;

CREATE TABLE school_stage_age (
  id          TEXT PRIMARY KEY,
  stage       TEXT NOT NULL CHECK (stage IN ('preschool', 'primary', 'junior', 'senior', 'vocational', 'higher')),
  min_age     INTEGER NOT NULL CHECK (typeof(min_age) = 'integer' AND min_age >= 0),
  max_age     INTEGER NOT NULL CHECK (typeof(max_age) = 'integer' AND max_age <= 80),
  note        TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  deleted_at  TEXT,
  CHECK (min_age <= max_age)
);
CREATE UNIQUE INDEX school_stage_age_live ON school_stage_age(stage) WHERE deleted_at IS NULL;

-- ======================================================================================
-- EXAMPLE VALUES (示例值，请按当地政策修改). Per term, the same for 2019, 2020 and 2021; shaped
-- after the national programmes and the 2020 report in the domain guide (初中 625元,
-- 中职 1000元 a term), not any county's actual standard:
--   学前  保教费减免 750元, 生活补助 500元       小学  生活补助 500元
--   初中  生活补助 625元                        普通高中 国家助学金 1000元, 免学费 800元
--   中职  国家助学金 1000元, 免学费 1000元       高等教育 雨露计划补助 1500元, 国家助学金 1650元
-- Usual ages (on 1 September of the 学年): 学前 3-6, 小学 6-13, 初中 12-16, 普通高中 15-19,
-- 中职 15-20, 高等教育 17-25.
-- ======================================================================================
WITH example(n, stage, item, amount_fen) AS (
  VALUES
    (1, 'preschool',  'childcare_waiver', 75000),
    (2, 'preschool',  'living_allowance', 50000),
    (3, 'primary',    'living_allowance', 50000),
    (4, 'junior',     'living_allowance', 62500),
    (5, 'senior',     'national_grant',   100000),
    (6, 'senior',     'tuition_waiver',   80000),
    (7, 'vocational', 'national_grant',   100000),
    (8, 'vocational', 'tuition_waiver',   100000),
    (9, 'higher',     'yulu_plan',        150000),
    (10, 'higher',    'national_grant',   165000)
), years(year) AS (VALUES (2019), (2020), (2021)),
terms(t, term) AS (VALUES (1, 'spring'), (2, 'autumn'))
INSERT INTO school_aid_standard (id, year, stage, item, term, amount_fen, note, created_at, created_by, updated_at, updated_by)
SELECT printf('00000000-%04d-7000-8008-%06d%06d', y.year, t.t, e.n), y.year, e.stage, e.item, t.term, e.amount_fen,
       '示例值，请按当地政策修改', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'
FROM years y CROSS JOIN terms t CROSS JOIN example e;

WITH example(n, stage, min_age, max_age) AS (
  VALUES (1, 'preschool', 3, 6), (2, 'primary', 6, 13), (3, 'junior', 12, 16),
         (4, 'senior', 15, 19), (5, 'vocational', 15, 20), (6, 'higher', 17, 25)
)
INSERT INTO school_stage_age (id, stage, min_age, max_age, note, created_at, created_by, updated_at, updated_by)
SELECT printf('00000000-0000-7000-8009-%012d', e.n), e.stage, e.min_age, e.max_age, '示例值，请按当地政策修改',
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system'
FROM example e;
`;

/** The seeds start the (hash-chained) audit trail like any other insert. */
export async function after(tx: Tx): Promise<void> {
  // A migration has no service context: the audit writer reads only the actor and the clock.
  const ctx: ServiceContext = { db: undefined as unknown as Database, actor: 'system', account: null, session: null, now: () => new Date() };
  for (const table of ['school_aid_standard', 'school_stage_age']) {
    const rows = await tx.all<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY id`);
    for (const row of rows) {
      await writeAudit(tx, ctx, { action: 'insert', table, recordId: String(row.id), before: null, after: row, reason: 'migration 0008: example values' });
    }
  }
}
