/**
 * Indexes for the county-scale reads measured in docs/PERFORMANCE.md (issue 7). Names differ from
 * 0001's `person_household` and `household_village`, which serve other look-ups.
 */
export const sql = `
-- The medical ledger opens on the newest claims: read in index order instead of sorting them all.
CREATE INDEX medical_claim_updated ON medical_claim(updated_at, admission_date, id) WHERE deleted_at IS NULL;
-- The same with a policy year filter.
CREATE INDEX medical_claim_year_updated ON medical_claim(policy_year, updated_at, admission_date, id) WHERE deleted_at IS NULL;
-- The layer report: every column it reads, so a year's claims are read from the index alone
-- (the report names it: without statistics the planner prefers medical_claim_year). deleted_at is
-- always NULL here but listed anyway: SQLite reads the row for the query's deleted_at IS NULL otherwise.
CREATE INDEX medical_claim_report ON medical_claim(policy_year, person_id, visit_type, total_fen, in_scope_fen,
  basic_insurance_fen, critical_illness_fen, hospital_waiver_fen, medical_assistance_fen, supplementary_commercial_fen,
  catastrophic_reassistance_fen, accident_insurance_fen, self_pay_fen, in_scope_self_pay_fen, over_ceiling, deleted_at)
  WHERE deleted_at IS NULL;
-- The report's claim → person → household path, each step from an index alone (the report names
-- the household one: the planner takes the primary key's, which reads the row).
CREATE INDEX person_id_household ON person(id, household_id);
CREATE INDEX household_id_village ON household(id, village_code);
`;
