/**
 * Upload packages (docs/PACKAGE-FORMAT.md): the change counter that makes packages incremental,
 * the workstation's identity and keys, and the bookkeeping of both sides — the township's
 * exported packages and the county's verdicts on them, the county's registered townships,
 * imported packages, per-record results and conflicts.
 */
export const sql = `
-- One counter for the whole workstation: every write of a ledger row takes the next value into
-- the row's change_seq (record-store.ts). A counter, not updated_at: clocks go backwards.
CREATE TABLE change_counter (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL
);
INSERT INTO change_counter (id, seq) VALUES (1, 0);

ALTER TABLE village ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE household ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
-- Rows written before this migration: numbered in insertion order, parents first.
UPDATE village SET change_seq = rowid;
UPDATE household SET change_seq = rowid + (SELECT coalesce(max(change_seq), 0) FROM village);
UPDATE person SET change_seq = rowid + (SELECT max(m) FROM (
  SELECT coalesce(max(change_seq), 0) AS m FROM village UNION ALL SELECT coalesce(max(change_seq), 0) FROM household));
UPDATE change_counter SET seq = (SELECT max(m) FROM (
  SELECT coalesce(max(change_seq), 0) AS m FROM village UNION ALL SELECT coalesce(max(change_seq), 0) FROM household
  UNION ALL SELECT coalesce(max(change_seq), 0) FROM person));
-- Packages read rows in (change_seq, id) order, a page at a time, and members by household
-- (the existing person_household index leaves deleted members out).
CREATE INDEX village_change ON village(change_seq, id);
CREATE INDEX household_change ON household(change_seq, id);
CREATE INDEX person_change ON person(change_seq, id);
CREATE INDEX person_household_all ON person(household_id);

-- Who this workstation is. Made on first use; mode 'county' once set up as the county office.
CREATE TABLE workstation_identity (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  workstation_id TEXT NOT NULL,
  mode           TEXT NOT NULL DEFAULT 'township' CHECK (mode IN ('township', 'county')),
  county_code    TEXT CHECK (county_code IS NULL OR length(county_code) = 6),
  county_name    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- The workstation's own keys. Private keys live in the database for now (PKCS#8 DER, base64):
-- whoever holds the file holds the key. Moving them to the OS key store is future work.
CREATE TABLE workstation_key (
  purpose     TEXT PRIMARY KEY CHECK (purpose IN ('signing', 'encryption')),
  algorithm   TEXT NOT NULL CHECK (algorithm IN ('ed25519', 'x25519')),
  public_key  TEXT NOT NULL,
  private_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- Township: the county it reports to (signing key for receipts, encryption key for packages).
CREATE TABLE county_key (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  county_code            TEXT NOT NULL,
  county_name            TEXT NOT NULL,
  signing_public_key     TEXT NOT NULL,
  signing_fingerprint    TEXT NOT NULL,
  encryption_public_key  TEXT,
  encryption_fingerprint TEXT,
  registered_at          TEXT NOT NULL,
  registered_by          TEXT NOT NULL
);

-- Township: every package made here. watermark = the change counter it carries up to.
CREATE TABLE exported_package (
  package_id          TEXT PRIMARY KEY,
  sequence            INTEGER NOT NULL UNIQUE,
  kind                TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
  previous_package_id TEXT,
  base_sequence       INTEGER NOT NULL,
  watermark           INTEGER NOT NULL,
  records             INTEGER NOT NULL,
  encrypted           INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  manifest_sha256     TEXT NOT NULL,
  file_name           TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL,
  receipt_id          TEXT,
  acknowledged_at     TEXT
);

-- Township: the county's verdict on each record, from the newest receipt that names it.
CREATE TABLE record_county_state (
  table_name       TEXT NOT NULL,
  record_id        TEXT NOT NULL,
  row_version      INTEGER NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('accepted', 'rejected', 'conflict')),
  action           TEXT NOT NULL,
  issues_json      TEXT,
  package_id       TEXT NOT NULL,
  package_sequence INTEGER NOT NULL,
  receipt_id       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  PRIMARY KEY (table_name, record_id)
);

CREATE TABLE imported_receipt (
  receipt_id  TEXT PRIMARY KEY,
  package_id  TEXT NOT NULL,
  county_code TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  accepted    INTEGER NOT NULL,
  rejected    INTEGER NOT NULL,
  conflicts   INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);

-- County: each township workstation's signing key. One live key per township; a replaced key
-- is retired, not deleted, so older imports stay explainable.
CREATE TABLE registered_township (
  township_code  TEXT NOT NULL CHECK (length(township_code) = 9),
  workstation_id TEXT NOT NULL,
  township_name  TEXT NOT NULL,
  public_key     TEXT NOT NULL,
  fingerprint    TEXT NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('file', 'confirmed')),
  registered_at  TEXT NOT NULL,
  registered_by  TEXT NOT NULL,
  retired_at     TEXT,
  PRIMARY KEY (township_code, workstation_id)
);
CREATE UNIQUE INDEX registered_township_live ON registered_township(township_code) WHERE retired_at IS NULL;

-- County: every package merged (refused packages leave nothing behind).
CREATE TABLE imported_package (
  package_id      TEXT PRIMARY KEY,
  township_code   TEXT NOT NULL,
  workstation_id  TEXT NOT NULL,
  sequence        INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  base_sequence   INTEGER NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  imported_at     TEXT NOT NULL,
  imported_by     TEXT NOT NULL,
  records         INTEGER NOT NULL,
  accepted        INTEGER NOT NULL,
  rejected        INTEGER NOT NULL,
  conflicts       INTEGER NOT NULL,
  missing_json    TEXT NOT NULL DEFAULT '[]',
  -- The latest receipt made for it (make-receipt without a package id makes the missing ones).
  receipt_id      TEXT,
  receipt_made_at TEXT,
  UNIQUE (township_code, workstation_id, sequence)
);

-- County: the verdict on each record of each package; the receipt is written from it.
CREATE TABLE package_record_result (
  package_id  TEXT NOT NULL,
  ordinal     INTEGER NOT NULL,
  table_name  TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  row_version INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('accepted', 'rejected', 'conflict')),
  action      TEXT NOT NULL CHECK (action IN ('inserted', 'updated', 'deleted', 'unchanged', 'none')),
  issues_json TEXT,
  PRIMARY KEY (package_id, ordinal)
);

-- County: which township a record came from and the township version last merged. A county
-- row whose row_version differs from it was changed at the county: the next change from the
-- township is a conflict, not an overwrite.
CREATE TABLE record_origin (
  table_name    TEXT NOT NULL,
  record_id     TEXT NOT NULL,
  township_code TEXT NOT NULL,
  row_version   INTEGER NOT NULL,
  package_id    TEXT NOT NULL,
  PRIMARY KEY (table_name, record_id)
);

CREATE TABLE package_conflict (
  package_id       TEXT NOT NULL,
  table_name       TEXT NOT NULL,
  record_id        TEXT NOT NULL,
  township_code    TEXT NOT NULL,
  county_version   INTEGER NOT NULL,
  incoming_version INTEGER NOT NULL,
  detected_at      TEXT NOT NULL,
  resolved_at      TEXT,
  PRIMARY KEY (package_id, table_name, record_id)
);
CREATE INDEX package_conflict_open ON package_conflict(township_code) WHERE resolved_at IS NULL;
`;
