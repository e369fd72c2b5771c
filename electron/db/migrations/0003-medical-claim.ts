/**
 * Medical claims (医疗报销台账): one row per visit or stay (one 人次) of one person, as copied from
 * the hospital's one-stop settlement slip. The typed amounts and the calculator's proposal are both
 * kept (the clerk copies the slip; the difference is for the reviewer). Money in integer fen.
 *
 * Registered before 0004-0007, so the change_seq and review columns those added to the register
 * are declared here directly.
 */
const fen = (column: string) => `${column} INTEGER CHECK (${column} IS NULL OR (typeof(${column}) = 'integer' AND ${column} >= 0))`;

const LAYER_COLUMNS = [
  'basic_insurance', 'critical_illness', 'hospital_waiver', 'medical_assistance', 'supplementary_commercial', 'catastrophic_reassistance',
];

export const sql = `
CREATE TABLE medical_claim (
  id               TEXT PRIMARY KEY,
  person_id        TEXT NOT NULL REFERENCES person(id),
  visit_type       TEXT NOT NULL CHECK (visit_type IN ('inpatient', 'chronic_outpatient', 'general_outpatient')),
  hospital_name    TEXT NOT NULL,
  hospital_level   TEXT CHECK (hospital_level IS NULL OR hospital_level IN ('township', 'county', 'city', 'provincial', 'out_of_province')),
  admission_date   TEXT NOT NULL,
  discharge_date   TEXT NOT NULL CHECK (discharge_date >= admission_date),
  diagnosis        TEXT,
  policy_year      INTEGER NOT NULL CHECK (policy_year BETWEEN 2000 AND 2100),
  total_fen        INTEGER NOT NULL CHECK (typeof(total_fen) = 'integer' AND total_fen >= 0),
  in_scope_fen     INTEGER NOT NULL CHECK (typeof(in_scope_fen) = 'integer' AND in_scope_fen >= 0 AND in_scope_fen <= total_fen),
  -- Typed from the slip; NULL = left empty (counts as 0).
  ${LAYER_COLUMNS.map((c) => fen(`${c}_fen`)).join(',\n  ')},
  -- 意外伤害保险: reported apart from the six layers.
  ${fen('accident_insurance_fen')},
  -- Derived when saved: total − six layers; in-scope − six layers; share of in-scope in bp.
  self_pay_fen          INTEGER NOT NULL,
  in_scope_self_pay_fen INTEGER NOT NULL,
  self_share_bp         INTEGER NOT NULL,
  over_ceiling          INTEGER NOT NULL DEFAULT 0 CHECK (over_ceiling IN (0, 1)),
  -- The calculator's proposal when saved; NULL = the policy year has no such layer.
  ${LAYER_COLUMNS.map((c) => fen(`proposed_${c}_fen`)).join(',\n  ')},
  -- Warnings when saved (JSON array of field issues), for the reviewer.
  warnings         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings) AND json_type(warnings) = 'array'),
  invoice_no       TEXT,
  settlement_date  TEXT,
  review_state     TEXT NOT NULL DEFAULT 'draft' CHECK (review_state IN ('draft', 'submitted', 'approved', 'returned')),
  review_reason    TEXT,
  reviewed_by      TEXT,
  reviewed_at      TEXT,
  row_version      INTEGER NOT NULL DEFAULT 1,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  updated_by       TEXT NOT NULL,
  deleted_at       TEXT,
  change_seq       INTEGER NOT NULL DEFAULT 0
);
-- Duplicates: the same hospital and invoice number; the same person, hospital and admission date.
CREATE UNIQUE INDEX medical_claim_invoice_live ON medical_claim(hospital_name, invoice_no)
  WHERE deleted_at IS NULL AND invoice_no IS NOT NULL;
CREATE UNIQUE INDEX medical_claim_visit_live ON medical_claim(person_id, hospital_name, admission_date) WHERE deleted_at IS NULL;
-- A person's earlier claims in a year, in date order (the calculator's annual deductibles and caps).
CREATE INDEX medical_claim_person_year ON medical_claim(person_id, policy_year, admission_date, discharge_date, id) WHERE deleted_at IS NULL;
-- The list and the report: by year (and visit type), by discharge date range.
CREATE INDEX medical_claim_year ON medical_claim(policy_year, visit_type) WHERE deleted_at IS NULL;
CREATE INDEX medical_claim_discharge ON medical_claim(discharge_date) WHERE deleted_at IS NULL;
CREATE INDEX medical_claim_review_state ON medical_claim(review_state) WHERE deleted_at IS NULL;
CREATE INDEX medical_claim_change ON medical_claim(change_seq, id);
`;
