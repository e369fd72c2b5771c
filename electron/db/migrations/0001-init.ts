/**
 * The register. Every ledger table carries: a UUIDv7 id, row_version, created/updated time and
 * user, and deleted_at (a tombstone: upload packages carry deletions, so rows are never removed).
 */
export const sql = `
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE village (
  code        TEXT PRIMARY KEY CHECK (length(code) = 12),
  name        TEXT NOT NULL,
  id          TEXT NOT NULL UNIQUE,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  deleted_at  TEXT
);

CREATE TABLE household (
  id           TEXT PRIMARY KEY,
  household_no TEXT NOT NULL,
  village_code TEXT NOT NULL REFERENCES village(code),
  status       TEXT NOT NULL,
  exit_year    INTEGER,
  cause        TEXT,
  dibao        INTEGER NOT NULL DEFAULT 0 CHECK (dibao IN (0, 1)),
  tekun        INTEGER NOT NULL DEFAULT 0 CHECK (tekun IN (0, 1)),
  helper_name  TEXT,
  helper_unit  TEXT,
  helper_phone TEXT,
  bank_account TEXT,
  address      TEXT,
  note         TEXT,
  row_version  INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  deleted_at   TEXT
);
CREATE UNIQUE INDEX household_no_live ON household(household_no) WHERE deleted_at IS NULL;
CREATE INDEX household_village ON household(village_code) WHERE deleted_at IS NULL;
CREATE INDEX household_updated ON household(updated_at);

CREATE TABLE person (
  id               TEXT PRIMARY KEY,
  household_id     TEXT NOT NULL REFERENCES household(id),
  name             TEXT NOT NULL,
  id_number        TEXT NOT NULL,
  sex              TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date       TEXT NOT NULL,
  relation         TEXT NOT NULL,
  health           TEXT NOT NULL,
  disability_type  TEXT,
  disability_grade TEXT,
  labor_ability    TEXT,
  school_status    TEXT,
  insured          INTEGER NOT NULL DEFAULT 1 CHECK (insured IN (0, 1)),
  phone            TEXT,
  removal_reason   TEXT,
  position         INTEGER NOT NULL DEFAULT 0,
  row_version      INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL,
  deleted_at       TEXT
);
-- One ID number belongs to one person in the county.
CREATE UNIQUE INDEX person_id_number_live ON person(id_number) WHERE deleted_at IS NULL;
CREATE INDEX person_household ON person(household_id, position) WHERE deleted_at IS NULL;
CREATE INDEX person_name ON person(name) WHERE deleted_at IS NULL;
-- Exactly one head per household is a rule the services check; the database refuses a second.
CREATE UNIQUE INDEX person_one_head ON person(household_id) WHERE relation = 'head' AND deleted_at IS NULL AND removal_reason IS NULL;

-- Append-only: who changed what, when, before and after (JSON of the row).
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  -- login/logout/login_failed and reveal (a full ID or card number shown) are audited too.
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'setting', 'login', 'login_failed', 'logout', 'reveal')),
  table_name  TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  reason      TEXT
);
CREATE INDEX audit_record ON audit_log(table_name, record_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The household list: the head is the live member whose relation is head.
CREATE VIEW household_row AS
SELECT h.id, h.household_no, h.village_code, COALESCE(v.name, h.village_code) AS village_name,
       h.status, h.cause, h.dibao, h.tekun, h.helper_name, h.updated_at,
       head.name AS head_name, head.id_number AS head_id_number,
       (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted_at IS NULL AND p.removal_reason IS NULL) AS member_count
FROM household h
LEFT JOIN village v ON v.code = h.village_code
LEFT JOIN person head ON head.household_id = h.id AND head.relation = 'head'
     AND head.deleted_at IS NULL AND head.removal_reason IS NULL
WHERE h.deleted_at IS NULL;
`;
