/**
 * The housing-repair ledger (危房改造): one live repair per household, with its appraisal, money
 * by source, the dated steps (鉴定 ≤ 公示 ≤ 开工 ≤ 竣工 ≤ 验收 ≤ 拨付) and the review state. The
 * stage is derived from the dates (shared/domain/housing), so it has no column. Photos are files
 * in the data folder named by their SHA-256; `housing_photo` says which repair and phase.
 */
export const sql = `
CREATE TABLE housing_repair (
  id                      TEXT PRIMARY KEY,
  household_id            TEXT NOT NULL REFERENCES household(id),
  appraisal_date          TEXT,
  appraisal_org           TEXT,
  safety_grade            TEXT CHECK (safety_grade IN ('A', 'B', 'C', 'D')),
  repair_mode             TEXT CHECK (repair_mode IN ('reinforce', 'rebuild', 'new_build', 'replacement', 'rental')),
  plan_year               INTEGER,
  subsidy_central_fen     INTEGER NOT NULL DEFAULT 0 CHECK (subsidy_central_fen >= 0),
  subsidy_provincial_fen  INTEGER NOT NULL DEFAULT 0 CHECK (subsidy_provincial_fen >= 0),
  subsidy_city_fen        INTEGER NOT NULL DEFAULT 0 CHECK (subsidy_city_fen >= 0),
  subsidy_county_fen      INTEGER NOT NULL DEFAULT 0 CHECK (subsidy_county_fen >= 0),
  self_raised_fen         INTEGER NOT NULL DEFAULT 0 CHECK (self_raised_fen >= 0),
  publicity_village_date  TEXT,
  publicity_township_date TEXT,
  publicity_county_date   TEXT,
  start_date              TEXT,
  completion_date         TEXT,
  acceptance_date         TEXT,
  acceptance_result       TEXT CHECK (acceptance_result IN ('passed', 'failed')),
  disbursement_date       TEXT,
  plate_posted            INTEGER NOT NULL DEFAULT 0 CHECK (plate_posted IN (0, 1)),
  archive_no              TEXT,
  furniture_items         TEXT,
  furniture_cost_fen      INTEGER NOT NULL DEFAULT 0 CHECK (furniture_cost_fen >= 0),
  other_repairs           TEXT,
  other_repairs_cost_fen  INTEGER NOT NULL DEFAULT 0 CHECK (other_repairs_cost_fen >= 0),
  note                    TEXT,
  review_state            TEXT NOT NULL DEFAULT 'draft' CHECK (review_state IN ('draft', 'submitted', 'approved', 'returned')),
  review_reason           TEXT,
  reviewed_by             TEXT,
  reviewed_at             TEXT,
  row_version             INTEGER NOT NULL DEFAULT 1,
  created_at              TEXT NOT NULL,
  created_by              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  updated_by              TEXT NOT NULL,
  deleted_at              TEXT,
  change_seq              INTEGER NOT NULL DEFAULT 0
);
-- One repair per household: a second is a mistake, re-imports update the first.
CREATE UNIQUE INDEX housing_repair_household_live ON housing_repair(household_id) WHERE deleted_at IS NULL;
CREATE INDEX housing_repair_change ON housing_repair(change_seq, id);

CREATE TABLE housing_photo (
  id            TEXT PRIMARY KEY,
  repair_id     TEXT NOT NULL REFERENCES housing_repair(id),
  phase         TEXT NOT NULL CHECK (phase IN ('before', 'during', 'after')),
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  mime_type     TEXT NOT NULL,
  original_name TEXT NOT NULL,
  bytes         INTEGER NOT NULL CHECK (bytes > 0),
  -- A small copy made by the renderer for the thumbnails, stored the same way; null: show the photo.
  thumb_sha256  TEXT CHECK (thumb_sha256 IS NULL OR length(thumb_sha256) = 64),
  row_version   INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  deleted_at    TEXT,
  change_seq    INTEGER NOT NULL DEFAULT 0
);
-- The same picture once per repair and phase; the file itself is stored once whoever uses it.
CREATE UNIQUE INDEX housing_photo_live ON housing_photo(repair_id, phase, sha256) WHERE deleted_at IS NULL;
CREATE INDEX housing_photo_repair ON housing_photo(repair_id) WHERE deleted_at IS NULL;
CREATE INDEX housing_photo_change ON housing_photo(change_seq, id);
`;
