import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fixture } from '../test/workstation-fixture.js';
import { validId } from '../test/workstation-fixture.js';
import { makeCounty } from '../test/package-fixture.js';
import { verifyAuditChain } from '../services/audit-chain.js';
import { ledgerTable, ledgerTables, type LedgerTable } from './ledger-tables.js';
import { collisionKeys } from './merge-keys.js';
import { mergePage, mergeRow, pagesOf, parentKeys, type MergeContext, type Outcome } from './merge-record.js';
import { MergeIo } from './merge-writer.js';
import type { PackageRow } from './streams.js';

const T = '371502100';
let county: Fixture;
let other: Fixture;
beforeEach(async () => {
  county = await makeCounty();
  other = await makeCounty();
});
afterEach(async () => {
  await county.cleanup();
  await other.cleanup();
});

const stamps = (version = 1) => ({
  row_version: version, created_at: '2021-06-01T00:00:00.000Z', created_by: 'clerk', updated_at: '2021-06-01T00:00:00.000Z', updated_by: 'clerk', deleted_at: null,
});
const village = (): PackageRow => ({ id: 'v-1', code: '371502100201', name: '张庄村', ...stamps() });
const household = (id: string, no: string, extra: PackageRow = {}): PackageRow => ({
  id, household_no: no, village_code: '371502100201', status: 'edge', exit_year: null, cause: null, dibao: 0, tekun: 0,
  helper_name: null, helper_unit: null, helper_phone: null, bank_account: null, address: null, note: null,
  review_state: 'approved', review_reason: null, reviewed_by: 'reviewer', reviewed_at: '2021-06-01T00:00:00.000Z', ...stamps(), ...extra,
});
const person = (id: string, householdId: string, serial: number, extra: PackageRow = {}): PackageRow => ({
  id, household_id: householdId, name: '张三', id_number: validId('19650312', serial), sex: serial % 2 === 1 ? 'male' : 'female', birth_date: '1965-03-12',
  relation: 'head', health: 'healthy', disability_type: null, disability_grade: null, labor_ability: null, school_status: null, insured: 1, phone: null,
  removal_reason: null, position: 0, ...stamps(), ...extra,
});

type Step = [string, PackageRow[]];

type RecordVerdict = (row: PackageRow, outcome: Outcome) => void;
type MergeRows = (m: MergeContext, table: LedgerTable, rows: PackageRow[], record: RecordVerdict) => Promise<void>;

/** Runs each step's rows through `merge` in one transaction, verdicts in order, rejected rows' keys kept. */
async function run(f: Fixture, steps: Step[], merge: MergeRows): Promise<Outcome[]> {
  return f.workstation.db.transaction(async (tx) => {
    const io = await MergeIo.open(tx, f.workstation.ctx);
    const m: MergeContext = { io, township: T, packageId: 'pkg', reason: 'test', row: { township: T, today: '2021-06-15' }, rejected: new Set() };
    const out: Outcome[] = [];
    for (const [name, rows] of steps) {
      const table = ledgerTable(name)!;
      await merge(m, table, rows, (row, outcome) => {
        if (outcome.state === 'rejected') for (const key of parentKeys(table, row)) m.rejected.add(key);
        out.push(outcome);
      });
      await io.flush();
    }
    await io.close();
    return out;
  });
}

/** Each step's rows as pages (what merge-package does per table). */
const paged = (f: Fixture, steps: Step[]) => run(f, steps, async (m, table, rows, record) => {
  for await (const page of pagesOf(rows)) await mergePage(m, table, page, async (row, outcome) => record(row, outcome));
});

/** The same rows one at a time, as the merge did before pages. */
const oneByOne = (f: Fixture, steps: Step[]) => run(f, steps, async (m, table, rows, record) => {
  for (const row of rows) record(row, await mergeRow(m, table, row));
});

const verdicts = (outcomes: Outcome[]) => outcomes.map((o) => [o.state, o.action, ...o.issues.map((i) => i.code)]);

async function state(f: Fixture): Promise<unknown> {
  const db = f.workstation.db;
  return {
    households: await db.all('SELECT id, household_no, row_version, deleted_at FROM household ORDER BY id'),
    persons: await db.all('SELECT id, household_id, id_number, relation, row_version FROM person ORDER BY id'),
    audit: await db.all('SELECT action, table_name, record_id FROM audit_log WHERE table_name IN (\'household\', \'person\') ORDER BY seq'),
  };
}

/** Both ways must agree, verdict by verdict and row by row; the audit chain stays whole. */
async function sameBothWays(steps: Step[]): Promise<unknown[]> {
  const a = await paged(county, steps);
  const b = await oneByOne(other, steps);
  expect(verdicts(a)).toEqual(verdicts(b));
  expect(await state(county)).toEqual(await state(other));
  expect((await verifyAuditChain(county.workstation.db.reader)).ok).toBe(true);
  return verdicts(a);
}

describe('a page of rows judged as one at a time would be', () => {
  it('a household and its persons, a refusal in the middle, a second head', async () => {
    expect(await sameBothWays([
      ['village', [village()]],
      ['household', [household('h-1', 'H1'), household('h-2', 'H2', { review_state: 'submitted' }), household('h-3', 'H3')]],
      ['person', [
        person('p-1', 'h-1', 11),
        person('p-2', 'h-2', 12),
        person('p-3', 'h-1', 13, { relation: 'spouse' }),
        person('p-4', 'h-1', 15),
        person('p-5', 'h-3', 17, { id_number: 'bad' }),
        person('p-6', 'h-3', 19),
      ]],
    ])).toEqual([
      ['accepted', 'inserted'],
      ['accepted', 'inserted'], ['rejected', 'none', 'sync.notApproved'], ['accepted', 'inserted'],
      ['accepted', 'inserted'], ['rejected', 'none', 'sync.parentRejected'], ['accepted', 'inserted'],
      ['rejected', 'none', 'household.manyHeads'], ['rejected', 'none', 'idNumber.format'], ['accepted', 'inserted'],
    ]);
  });

  it('the same key twice in a page: the first takes it; a value freed earlier in the page is free', async () => {
    await sameBothWays([['village', [village()]], ['household', [household('h-1', 'H1'), household('h-2', 'H2')]]]);
    const verdictsOf = await sameBothWays([['household', [
      household('h-3', 'H3'),
      household('h-4', 'H3'),
      // h-1 gives up H1, then h-5 takes it: one at a time this was fine, so it is in a page.
      household('h-1', 'H9', { row_version: 2 }),
      household('h-5', 'H1'),
      // h-6 wants H2 before h-2 frees it: refused (the package's retry pass would take it later).
      household('h-6', 'H2'),
      household('h-2', 'H8', { row_version: 2 }),
    ]]]);
    expect(verdictsOf).toEqual([
      ['accepted', 'inserted'], ['rejected', 'none', 'household.noTaken'],
      ['accepted', 'updated'], ['accepted', 'inserted'],
      ['rejected', 'none', 'household.noTaken'], ['accepted', 'updated'],
    ]);
  });

  it('a conflict in a page is listed and left alone; the rows around it go in', async () => {
    await sameBothWays([['village', [village()]], ['household', [household('h-1', 'H1'), household('h-2', 'H2')]]]);
    // The county changed h-1 since it merged the township's version.
    for (const f of [county, other]) await f.workstation.db.transaction((tx) => tx.run("UPDATE household SET row_version = 2, address = '县里改' WHERE id = 'h-1'"));
    expect(await sameBothWays([['household', [household('h-2', 'H2', { row_version: 2, address: '新址' }), household('h-1', 'H1', { row_version: 2 }), household('h-3', 'H3')]]])).toEqual([
      ['accepted', 'updated'], ['conflict', 'none', 'sync.conflict'], ['accepted', 'inserted'],
    ]);
    expect(await county.workstation.db.get("SELECT address FROM household WHERE id = 'h-1'")).toEqual({ address: '县里改' });
  });

  it('the same id twice is split across pages: the second sees the first written', async () => {
    expect(await sameBothWays([
      ['village', [village()]],
      ['household', [household('h-1', 'H1'), household('h-1', 'H1', { row_version: 2, address: '新址' }), household('h-1', 'H1')]],
    ])).toEqual([['accepted', 'inserted'], ['accepted', 'inserted'], ['accepted', 'updated'], ['accepted', 'unchanged']]);
    const pages: PackageRow[][] = [];
    for await (const page of pagesOf([household('a', '1'), household('b', '2'), household('a', '1')])) pages.push(page);
    expect(pages.map((p) => p.map((r) => r.id))).toEqual([['a', 'b'], ['a']]);
  });
});

describe('the page pre-check', () => {
  it('knows the unique rules of every ledger, whose parents are merged before it', () => {
    for (const [i, table] of ledgerTables.entries()) {
      expect(collisionKeys[table.name], table.name).toBeDefined();
      for (const link of table.parents) expect(ledgerTables.findIndex((t) => t.name === link.table), `${table.name} → ${link.table}`).toBeLessThan(i);
    }
  });
});
