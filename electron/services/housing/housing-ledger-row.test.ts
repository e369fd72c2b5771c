import { describe, expect, it } from 'vitest';
import { ledgerTable, shapeIssues } from '../../sync/ledger-tables.js';
import type { PackageRow } from '../../sync/streams.js';

const ctx = { township: '371502100', today: '2021-06-15' };

function repairRow(extra: Partial<PackageRow> = {}): PackageRow {
  const table = ledgerTable('housing_repair')!;
  const row: PackageRow = Object.fromEntries(table.columns.map((c) => [c, table.types[c]!.endsWith('?') ? null : table.types[c] === 'text' ? '' : 0]));
  return {
    ...row, id: '0190a000-0000-7000-8000-000000000001', household_id: '0190a000-0000-7000-8000-000000000002', row_version: 1,
    created_at: '2021-01-01T00:00:00Z', created_by: 't', updated_at: '2021-01-01T00:00:00Z', updated_by: 't', review_state: 'approved',
    appraisal_date: '2020-03-01', safety_grade: 'D', repair_mode: 'rebuild', start_date: '2020-04-01', subsidy_central_fen: 1_400_000,
    ...extra,
  };
}

describe('housing_repair rows in a package', () => {
  const table = ledgerTable('housing_repair')!;

  it('pass the shape and the county checks when whole and in order', () => {
    expect(shapeIssues(table, repairRow())).toEqual([]);
    expect(table.validate(repairRow(), ctx)).toEqual([]);
  });

  it('are refused by the same date-order rule as the editor, and for an unknown grade', () => {
    expect(table.validate(repairRow({ start_date: '2020-02-01' }), ctx).map((i) => [i.field, i.code])).toEqual([['startDate', 'housing.before.appraisalDate']]);
    expect(table.validate(repairRow({ safety_grade: 'E' }), ctx).map((i) => [i.field, i.code])).toEqual([['safetyGrade', 'notInList']]);
    expect(shapeIssues(table, repairRow({ plate_posted: 2 })).map((i) => i.code)).toEqual(['sync.badValue']);
  });
});
