/** The tables whose records are reviewed. A ledger joins by adding its table here. */
import type { ReviewableTable } from '../../../shared/contract/review.js';

export const reviewTables: Record<ReviewableTable, { table: string }> = {
  household: { table: 'household' },
};
