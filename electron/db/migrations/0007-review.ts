/**
 * The review workflow's state on each reviewable record (草稿/待审核/已审核/退回). Households
 * carry it for their members. Later ledgers add the same four columns in their own migration.
 */
export const sql = `
ALTER TABLE household ADD COLUMN review_state TEXT NOT NULL DEFAULT 'draft'
  CHECK (review_state IN ('draft', 'submitted', 'approved', 'returned'));
ALTER TABLE household ADD COLUMN review_reason TEXT;
ALTER TABLE household ADD COLUMN reviewed_by TEXT;
ALTER TABLE household ADD COLUMN reviewed_at TEXT;
CREATE INDEX household_review_state ON household(review_state) WHERE deleted_at IS NULL;

DROP VIEW household_row;
CREATE VIEW household_row AS
SELECT h.id, h.household_no, h.village_code, COALESCE(v.name, h.village_code) AS village_name,
       h.status, h.cause, h.dibao, h.tekun, h.helper_name, h.updated_at, h.created_by,
       h.review_state, h.review_reason,
       head.name AS head_name, head.id_number AS head_id_number,
       (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted_at IS NULL AND p.removal_reason IS NULL) AS member_count
FROM household h
LEFT JOIN village v ON v.code = h.village_code
LEFT JOIN person head ON head.household_id = h.id AND head.relation = 'head'
     AND head.deleted_at IS NULL AND head.removal_reason IS NULL
WHERE h.deleted_at IS NULL;
`;
