/** The tables whose records are reviewed. A ledger joins by adding its table here. */
import type { ReviewableTable } from '../../../shared/contract/review.js';

export const reviewTables: Record<ReviewableTable, { table: string }> = {
  household: { table: 'household' },
  housing_repair: { table: 'housing_repair' },
  school_aid: { table: 'school_aid' },
  medical_claim: { table: 'medical_claim' },
  water_assessment: { table: 'water_assessment' },
  water_test: { table: 'water_test' },
};
