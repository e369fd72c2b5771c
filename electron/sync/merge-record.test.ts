import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fixture } from '../test/workstation-fixture.js';
import { validId } from '../test/workstation-fixture.js';
import { makeCounty } from '../test/package-fixture.js';
import { ledgerTable } from './ledger-tables.js';
import { mergeRow, parentKeys, type MergeContext, type Outcome } from './merge-record.js';
import { MergeIo } from './merge-writer.js';
import type { PackageRow } from './streams.js';

let county: Fixture;
beforeEach(async () => {
  county = await makeCounty();
});
afterEach(async () => {
  await county.cleanup();
});

const stamps = (version = 1, deleted: string | null = null) => ({
  row_version: version, created_at: '2021-06-01T00:00:00.000Z', created_by: 'clerk', updated_at: '2021-06-01T00:00:00.000Z', updated_by: 'clerk', deleted_at: deleted,
});
const village = (extra: PackageRow = {}): PackageRow => ({ id: 'v-1', code: '371502100201', name: '张庄村', ...stamps(), ...extra });
const household = (extra: PackageRow = {}): PackageRow => ({
  id: 'h-1', household_no: 'H1', village_code: '371502100201', status: 'edge', exit_year: null, cause: null, dibao: 0, tekun: 0,
  helper_name: null, helper_unit: null, helper_phone: null, bank_account: null, address: null, note: null,
  review_state: 'approved', review_reason: null, reviewed_by: 'reviewer', reviewed_at: '2021-06-01T00:00:00.000Z', ...stamps(), ...extra,
});
const person = (extra: PackageRow = {}): PackageRow => ({
  id: 'p-1', household_id: 'h-1', name: '张三', id_number: validId('19650312', 11), sex: 'male', birth_date: '1965-03-12', relation: 'head',
  health: 'healthy', disability_type: null, disability_grade: null, labor_ability: null, school_status: null, insured: 1, phone: null,
  removal_reason: null, position: 0, ...stamps(), ...extra,
});

/** Runs rows through mergeRow in one transaction, as one package from `township`. */
async function merge(township: string, rows: [string, PackageRow][]): Promise<Outcome[]> {
  return county.workstation.db.transaction(async (tx) => {
    const io = await MergeIo.open(tx, county.workstation.ctx);
    const m: MergeContext = { io, township, packageId: `pkg-${township}`, reason: 'test', row: { township, today: '2021-06-15' }, rejected: new Set() };
    const out: Outcome[] = [];
    for (const [table, row] of rows) {
      const outcome = await mergeRow(m, ledgerTable(table)!, row);
      // As merge-package records a rejection: its children then say why their parent is missing.
      if (outcome.state === 'rejected') for (const key of parentKeys(ledgerTable(table)!, row)) m.rejected.add(key);
      out.push(outcome);
      await io.flush();
    }
    await io.close();
    return out;
  });
}

const verdicts = (outcomes: Outcome[]) => outcomes.map((o) => [o.state, o.action, ...o.issues.map((i) => i.code)]);

describe('the verdict on one row', () => {
  it('inserts, then takes a replay as unchanged and a newer version as an update', async () => {
    expect(verdicts(await merge('371502100', [['village', village()], ['household', household()], ['person', person()]]))).toEqual([
      ['accepted', 'inserted'], ['accepted', 'inserted'], ['accepted', 'inserted'],
    ]);
    expect(verdicts(await merge('371502100', [['household', household()], ['household', household({ row_version: 2, address: '新址' })]]))).toEqual([
      ['accepted', 'unchanged'], ['accepted', 'updated'],
    ]);
  });

  it('refuses what is not approved, belongs to another township, or hangs off a missing or rejected parent', async () => {
    expect(verdicts(await merge('371502100', [
      ['village', village()],
      ['household', household({ review_state: 'submitted' })],
      ['person', person()],
      ['person', person({ id: 'p-2', household_id: 'h-9', id_number: validId('19700101', 22), sex: 'female', birth_date: '1970-01-01', relation: 'spouse' })],
    ]))).toEqual([
      ['accepted', 'inserted'],
      ['rejected', 'none', 'sync.notApproved'],
      ['rejected', 'none', 'sync.parentRejected'],
      ['rejected', 'none', 'sync.parentMissing'],
    ]);
    expect(verdicts(await merge('371502101', [['village', village({ row_version: 2, name: '改名' })]]))).toEqual([['rejected', 'none', 'sync.ownedByOther']]);
  });

  it('takes a tombstone of a record the county never had as nothing to do', async () => {
    expect(verdicts(await merge('371502100', [['household', household({ deleted_at: '2021-06-02T00:00:00.000Z', review_state: 'returned' })]]))).toEqual([['accepted', 'none']]);
  });
});
