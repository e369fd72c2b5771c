import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract/index.js';
import { household, makeFixture, member, validId, type Fixture } from '../../test/workstation-fixture.js';
import { ledgerTable } from '../../sync/ledger-tables.js';
import { verifyAuditChain } from '../audit-chain.js';
import { readSheet } from '../../sheets/read-sheet.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
});
afterEach(async () => {
  await f.cleanup();
});

const FATHER = validId('19780312', 11);
const PUPIL = validId('20120501', 31); // 8 on 2020-09-01: primary
const STUDENT = validId('20010203', 42); // 19 on 2020-09-01: higher education

async function registerFamily() {
  await f.call('households/save', {
    household: household('H0001'),
    members: [member('王父', FATHER, 'head'), member('王小明', PUPIL, 'son'), member('王大姐', STUDENT, 'daughter')],
  });
}

const record = (extra: Partial<MethodInput<'school/save'>> = {}): MethodInput<'school/save'> => ({
  idNumber: PUPIL, schoolYear: '2020-2021', schoolTerm: 'autumn', schoolStage: 'primary', schoolName: '张庄小学',
  aidItem: 'living_allowance', amount: '500', paidDate: '2020-10-20', ...extra,
});

const count = async (sql: string, params: (string | number)[] = []) => (await f.workstation.db.get<{ n: number }>(sql, params))!.n;

describe('school/save', () => {
  beforeEach(registerFamily);

  it('stores a record at the standard amount with no warnings, its year derived, audited and stamped for packages', async () => {
    const saved = await f.call('school/save', record());
    expect(saved.warnings).toEqual([]);
    const loaded = await f.call('school/get', { id: saved.id });
    expect(loaded).toMatchObject({ personName: '王小明', idNumber: PUPIL, householdNo: 'H0001', villageName: '张庄村', aidYear: 2020, amountFen: 50000, reviewState: 'draft' });
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE table_name = 'school_aid' AND action = 'insert' AND record_id = ?", [saved.id])).toBe(1);
    expect(await count('SELECT change_seq AS n FROM school_aid WHERE id = ?', [saved.id])).toBeGreaterThan(0);
  });

  it('counts a spring term in the next calendar year', async () => {
    const saved = await f.call('school/save', record({ schoolTerm: 'spring', paidDate: '2021-04-01' }));
    expect((await f.call('school/get', { id: saved.id })).aidYear).toBe(2021);
  });

  it('saves an amount off the standard and an age outside the 学段, returning and keeping both warnings', async () => {
    const saved = await f.call('school/save', record({ schoolStage: 'junior', amount: '600' }));
    expect(saved.warnings).toEqual([
      { field: 'amount', code: 'school.offStandard', params: { expected: '625.00', actual: '600.00' } },
      { field: 'schoolStage', code: 'school.ageNotStage', params: { age: 8, min: 12, max: 16 } },
    ]);
    expect((await f.call('school/get', { id: saved.id })).warnings.map((w) => w.code)).toEqual(['school.offStandard', 'school.ageNotStage']);
    const page = await f.call('school/page', { startRow: 0, endRow: 50, onlyWarnings: true });
    expect(page.total).toBe(1);
  });

  it('refuses an unknown student and a bad amount, naming the fields, and writes nothing', async () => {
    const error = await f.fail('school/save', record({ idNumber: validId('20100101', 51), amount: '12.345' }));
    expect(error.issues?.map((i) => `${i.field}:${i.code}`)).toEqual(['idNumber:school.unknownPerson', 'amount:money.tooManyDecimals']);
    expect(await count('SELECT count(*) AS n FROM school_aid')).toBe(0);
  });

  it('refuses the same student, 学年, 学期 and 项目 twice, pointing at the first record', async () => {
    const first = await f.call('school/save', record());
    const error = await f.fail('school/save', record({ amount: '500', schoolYear: '2020-21' }));
    expect(error.issues).toEqual([expect.objectContaining({ field: 'aidItem', code: 'school.duplicate', params: expect.objectContaining({ firstId: first.id, amount: '500.00', createdBy: 'tester' }) })]);
    // Another term, or another item, is not a duplicate.
    await f.call('school/save', record({ schoolTerm: 'spring', paidDate: '2021-04-01' }));
    await f.call('school/save', record({ aidItem: 'other', amount: '100' }));
    expect(await count('SELECT count(*) AS n FROM school_aid')).toBe(3);
  });

  it('updates with optimistic locking and locks a submitted record', async () => {
    const saved = await f.call('school/save', record());
    const updated = await f.call('school/save', record({ id: saved.id, rowVersion: saved.rowVersion, amount: '450' }));
    expect(updated.rowVersion).toBe(2);
    expect((await f.fail('school/save', record({ id: saved.id, rowVersion: 1, amount: '400' }))).kind).toBe('conflict');
    const review = await f.call('review/submit', { table: 'school_aid', ids: [saved.id] });
    expect(review.done).toBe(1);
    const locked = await f.fail('school/save', record({ id: saved.id, rowVersion: 3, amount: '300' }));
    expect(locked.issues?.[0]?.code).toBe('school.locked');
  });

  it('deletes as a tombstone with the reason audited; the key is free again', async () => {
    const saved = await f.call('school/save', record());
    await f.call('school/delete', { id: saved.id, rowVersion: saved.rowVersion, reason: '录错' });
    expect(await count('SELECT count(*) AS n FROM school_aid WHERE deleted_at IS NOT NULL')).toBe(1);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE table_name = 'school_aid' AND action = 'delete' AND reason = '录错'")).toBe(1);
    await f.call('school/save', record());
  });
});

describe('school/saveBatch', () => {
  beforeEach(registerFamily);

  it('saves each good row and refuses the others with per-row reasons, a repeat within the batch included', async () => {
    const result = await f.call('school/saveBatch', {
      schoolYear: '2020-2021', schoolTerm: 'autumn', schoolStage: 'primary', aidItem: 'living_allowance', schoolName: '张庄小学', paidDate: '2020-10-20',
      rows: [
        { idNumber: PUPIL, amount: '500' },
        { idNumber: STUDENT, amount: '480' },
        { idNumber: PUPIL, amount: '500' },
        { idNumber: 'abc', amount: '500' },
      ],
    });
    expect(result.saved).toBe(2);
    expect(result.refused).toBe(2);
    expect(result.rows.map((r) => [r.index, r.saved, r.personName, r.errors.map((e) => e.code), r.warnings.map((w) => w.code)])).toEqual([
      [0, true, '王小明', [], []],
      [1, true, '王大姐', [], ['school.offStandard', 'school.ageNotStage']],
      [2, false, '王小明', ['school.duplicate'], []],
      [3, false, null, ['idNumber.format'], []],
    ]);
    expect(await count('SELECT count(*) AS n FROM school_aid')).toBe(2);
  });
});

describe('school/page and reports/schoolAid', () => {
  beforeEach(async () => {
    await registerFamily();
    await f.call('school/save', record());
    await f.call('school/save', record({ schoolTerm: 'spring', schoolYear: '2019-2020', paidDate: '2020-04-01' }));
    await f.call('school/save', record({ schoolTerm: 'spring', paidDate: '2021-04-01' })); // counts in 2021
    await f.call('school/save', record({ idNumber: STUDENT, schoolStage: 'higher', aidItem: 'yulu_plan', amount: '1500', outOfProvince: true, schoolName: '河北大学' }));
    await f.call('school/save', record({ idNumber: STUDENT, schoolStage: 'higher', aidItem: 'yulu_plan', amount: '1500', schoolTerm: 'spring', schoolYear: '2019-2020', outOfProvince: true, paidDate: '2020-04-01' }));
  });

  it('pages with filters, masks ID numbers and sums the filtered amount', async () => {
    const all = await f.call('school/page', { startRow: 0, endRow: 50 });
    expect(all.total).toBe(5);
    expect(all.amountFen).toBe(50000 * 3 + 150000 * 2);
    expect(all.rows.every((r) => r.idNumber.includes('****'))).toBe(true);
    const year = await f.call('school/page', { startRow: 0, endRow: 50, aidYear: 2020, schoolStage: 'primary' });
    expect(year.total).toBe(2);
    const search = await f.call('school/page', { startRow: 0, endRow: 50, quickSearch: '河北', sort: [{ column: 'amountFen', direction: 'desc' }] });
    expect(search.rows.map((r) => r.personName)).toEqual(['王大姐']);
  });

  it('counts 人次, 人 and 金额 per 学段 and 项目 for a calendar year, with out-of-province study and totals', async () => {
    const report = await f.call('reports/schoolAid', { year: 2020 });
    expect(report.lines).toEqual([
      { stage: 'primary', item: 'living_allowance', count: 2, persons: 1, amountFen: 100000, outOfProvinceCount: 0, outOfProvinceAmountFen: 0 },
      { stage: 'higher', item: 'yulu_plan', count: 2, persons: 1, amountFen: 300000, outOfProvinceCount: 2, outOfProvinceAmountFen: 300000 },
    ]);
    expect(report.byStage.map((s) => [s.stage, s.count, s.amountFen])).toEqual([['primary', 2, 100000], ['higher', 2, 300000]]);
    expect(report.outOfProvince).toEqual({ count: 2, persons: 1, amountFen: 300000 });
    expect(report.total).toEqual({ count: 4, persons: 2, amountFen: 400000 });
    expect((await f.call('reports/schoolAid', { year: 2021 })).total).toEqual({ count: 1, persons: 1, amountFen: 50000 });
    const sheet = await f.call('reports/schoolAidExport', { year: 2020 });
    expect(sheet.fileName).toBe('2020年教育资助统计.xlsx');
    const rows = (await readSheet(Buffer.from(sheet.contentBase64, 'base64'), sheet.fileName)).rows.map((r) => r.cells.slice(0, 5));
    expect(rows).toEqual([
      ['小学', '生活补助', '2', '1', '1000.00'], ['小学 小计', '', '2', '1', '1000.00'],
      ['高等教育', '雨露计划补助', '2', '1', '3000.00'], ['高等教育 小计', '', '2', '1', '3000.00'],
      ['外省就读', '', '2', '1', '3000.00'], ['合计', '', '4', '2', '4000.00'],
    ]);
  });
});

describe('school/standards', () => {
  it('starts from marked example values and replaces a year with audited writes; warnings follow the new figures', async () => {
    await registerFamily();
    const seeded = await f.call('school/standards/get', { year: 2020 });
    expect(seeded.example).toBe(true);
    // The seeds are audited like any insert, and the hash chain holds across the migration.
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE table_name = 'school_aid_standard' AND action = 'insert' AND actor = 'system'")).toBe(60);
    expect((await verifyAuditChain(f.workstation.db.reader)).ok).toBe(true);
    expect(seeded.years).toEqual([2021, 2020, 2019]);
    expect(seeded.standards).toContainEqual({ stage: 'junior', item: 'living_allowance', term: 'autumn', amountFen: 62500 });
    const others = seeded.standards.filter((s) => !(s.stage === 'primary' && s.item === 'living_allowance' && s.term === 'autumn'));
    await f.call('school/standards/save', {
      year: 2020, standards: [...others, { stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 60000 }], ageRanges: seeded.ageRanges,
    });
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE table_name = 'school_aid_standard' AND action = 'update' AND actor = 'tester'")).toBe(1);
    expect((await f.call('school/save', record())).warnings.map((w) => w.code)).toEqual(['school.offStandard']);
    expect((await f.call('school/save', record({ schoolTerm: 'spring', schoolYear: '2019-2020', amount: '500' }))).warnings).toEqual([]);
  });

  it('refuses a repeated key and an inverted age range', async () => {
    const error = await f.fail('school/standards/save', {
      year: 2022,
      standards: [{ stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 1 }, { stage: 'primary', item: 'living_allowance', term: 'autumn', amountFen: 2 }],
      ageRanges: [{ stage: 'primary', minAge: 13, maxAge: 6 }],
    });
    expect(error.issues?.map((i) => i.code)).toEqual(['school.standardDuplicate', 'school.rangeInvalid']);
  });
});

describe('school_aid in upload packages', () => {
  it('is declared with its money column and checks the derived year and the duplicate rule', async () => {
    const t = ledgerTable('school_aid')!;
    expect(t.moneyColumns).toEqual(['amount_fen']);
    const row = {
      id: 'a1', person_id: 'p1', school_year: '2020-2021', term: 'spring', aid_year: 2020, stage: 'primary', school: null, item: 'other',
      amount_fen: 100, paid_date: null, out_of_province: 0, warnings: '[]', note: null, review_state: 'approved', review_reason: null,
      reviewed_by: null, reviewed_at: null,
    };
    expect(t.validate(row, { township: '371502100', today: '2021-06-15' }).map((i) => `${i.field}:${i.code}`)).toEqual(['aidYear:sync.derivedMismatch']);
    expect(t.validate({ ...row, aid_year: 2021 }, { township: '371502100', today: '2021-06-15' })).toEqual([]);
  });
});
