import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, validId, type Fixture } from '../test/workstation-fixture.js';
import { ledgerTable, ledgerTables, shapeIssues } from './ledger-tables.js';
import type { PackageRow } from './streams.js';

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture({ setup: false });
});
afterAll(async () => {
  await f.cleanup();
});

const ctx = { township: '371502100', today: '2021-06-15' };
const codes = (issues: { code: string; field: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

const stamps = { row_version: 2, created_at: 'x', created_by: 'a', updated_at: 'y', updated_by: 'b', deleted_at: null };
const person = (extra: PackageRow = {}): PackageRow => ({
  id: 'p1', household_id: 'h1', name: '张三', id_number: validId('19650312', 11), sex: 'male', birth_date: '1965-03-12', relation: 'head',
  health: 'healthy', disability_type: null, disability_grade: null, labor_ability: null, school_status: null, insured: 1, phone: null,
  removal_reason: null, position: 0, ...stamps, ...extra,
});

describe('the ledger declarations', () => {
  it('list parents before children, and children travel with a declared parent', () => {
    const names = ledgerTables.map((t) => t.name);
    for (const [i, t] of ledgerTables.entries()) {
      for (const p of t.parents) expect(names.indexOf(p.table), `${t.name} → ${p.table}`).toBeLessThan(i);
      if (t.travelsWith) expect(t.parents).toContainEqual(t.travelsWith);
    }
  });

  it('match the database: every column travels except the local change counter (a new column must be declared)', async () => {
    for (const t of ledgerTables) {
      const columns = (await f.workstation.db.all<{ name: string }>(`PRAGMA table_info(${t.name})`)).map((c) => c.name);
      expect(columns, t.name).toContain('change_seq');
      expect(t.columns.filter((c) => !columns.includes(c)), `${t.name}: declared but not in the table`).toEqual([]);
      expect(columns.filter((c) => !t.columns.includes(c) && c !== 'change_seq'), `${t.name}: in the table but not declared`).toEqual([]);
    }
  });

  it('take money columns from the _fen suffix', () => {
    expect(ledgerTable('household')!.moneyColumns).toEqual([]);
    expect(ledgerTable('housing_repair')!.moneyColumns).toEqual([
      'subsidy_central_fen', 'subsidy_provincial_fen', 'subsidy_city_fen', 'subsidy_county_fen', 'self_raised_fen', 'furniture_cost_fen', 'other_repairs_cost_fen',
    ]);
    expect(ledgerTable('person')!.columns).toContain('row_version');
  });
});

describe('row checks at the county', () => {
  it('shape: exactly the declared columns, each of its type', () => {
    const t = ledgerTable('person')!;
    expect(shapeIssues(t, person())).toEqual([]);
    const { phone: _phone, ...missing } = person();
    expect(codes(shapeIssues(t, { ...missing, extra: 1, insured: 2, position: 'x' }))).toEqual([
      'extra:sync.unknownColumn', 'insured:sync.badValue', 'phone:sync.missingColumn', 'position:sync.badValue',
    ]);
    expect(codes(shapeIssues(t, person({ name: null })))).toEqual(['name:required']);
  });

  it('the same shared rules as the editor: ID numbers, derived fields, enumerations, the township', () => {
    const p = ledgerTable('person')!;
    expect(p.validate(person(), ctx)).toEqual([]);
    const bad = validId('19650312', 11).slice(0, 17) + (validId('19650312', 11).endsWith('0') ? '1' : '0');
    expect(codes(p.validate(person({ id_number: bad }), ctx))).toEqual(['idNumber:idNumber.checksum']);
    expect(codes(p.validate(person({ sex: 'female', birth_date: '1965-03-13' }), ctx))).toEqual(['sex:sync.derivedMismatch', 'birthDate:sync.derivedMismatch']);
    expect(codes(p.validate(person({ relation: 'cousin' }), ctx))).toEqual(['relation:notInList']);
    expect(codes(p.validate(person({ health: 'disabled' }), ctx))).toEqual(['disabilityType:person.disabilityTypeRequired', 'disabilityGrade:person.disabilityGradeRequired']);

    const v = ledgerTable('village')!;
    expect(codes(v.validate({ code: '371502101201', name: '邻村' }, ctx))).toEqual(['code:village.notInTownship']);
    const h = ledgerTable('household')!;
    const household = { household_no: 'H1', village_code: '371502100201', status: 'registered_poor', exit_year: null, cause: null, dibao: 0, tekun: 0,
      helper_name: null, helper_unit: null, helper_phone: null, bank_account: null, address: null, note: null, review_state: 'approved' };
    expect(h.validate(household, ctx)).toEqual([]);
    expect(codes(h.validate({ ...household, status: 'rich', exit_year: 2030 }, ctx))).toEqual(['status:notInList']);
    expect(codes(h.validate({ ...household, exit_year: 2030 }, ctx))).toEqual(['exitYear:household.exitYearFuture']);
  });
});
