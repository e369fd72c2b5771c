/**
 * Large township registers for package size and memory tests, written straight into SQLite in
 * one transaction with prepared statements: fast (about 200,000 rows in a few seconds), not how
 * the product writes (no audit rows). Every household is approved, every ID number valid and
 * unique, and change_seq is set as record-store would, so packages carry them all.
 */
import type { Database } from '../db/driver.js';
import { idCheckChar } from '../../shared/domain/id-number.js';
import { VILLAGE_A } from './workstation-fixture.js';

const STAMP = '2021-06-01T08:00:00.000Z';

/** A valid, unique ID number for person `n` (unique for n < 10,000,000). */
export function bulkIdNumber(n: number): string {
  const area = `37${String(Math.floor(n / 1000) % 10000).padStart(4, '0')}`;
  const birth = `${1950 + (n % 50)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`;
  const first17 = `${area}${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export async function addBulkHouseholds(db: Database, households: number, membersEach: number): Promise<{ households: number; persons: number }> {
  await db.transaction(async (tx) => {
    const counter = await tx.get<{ seq: number }>('SELECT seq FROM change_counter WHERE id = 1');
    let seq = counter!.seq;
    const h = await tx.prepare(
      `INSERT INTO household (id, household_no, village_code, status, cause, dibao, tekun, helper_name, helper_unit, address,
         review_state, reviewed_by, reviewed_at, row_version, created_at, created_by, updated_at, updated_by, change_seq)
       VALUES (?, ?, ?, 'registered_poor', 'illness', 0, 0, '帮扶人', '镇政府', '某村某街', 'approved', 'reviewer', ?, 3, ?, 'bulk', ?, 'bulk', ?)`,
    );
    const p = await tx.prepare(
      `INSERT INTO person (id, household_id, name, id_number, sex, birth_date, relation, health, insured, phone, position,
         row_version, created_at, created_by, updated_at, updated_by, change_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'healthy', 1, '13800000000', ?, 1, ?, 'bulk', ?, 'bulk', ?)`,
    );
    let person = 0;
    for (let i = 0; i < households; i++) {
      const hid = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const members: unknown[][] = [];
      for (let m = 0; m < membersEach; m++, person++) {
        const id = bulkIdNumber(person);
        const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
        const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
        members.push([`00000000-0000-7000-9000-${String(person).padStart(12, '0')}`, hid, `成员${person}`, id, sex, birth, m === 0 ? 'head' : 'other', m, STAMP, STAMP, ++seq]);
      }
      // Members take their change_seq before their household's, as when household-service bumps
      // the household after changing its members; the household row goes in first (foreign key).
      await h.run([hid, `B${String(i).padStart(8, '0')}`, VILLAGE_A, STAMP, STAMP, STAMP, ++seq]);
      for (const values of members) await p.run(values as (string | number)[]);
    }
    await h.finalize();
    await p.finalize();
    await tx.run('UPDATE change_counter SET seq = ? WHERE id = 1', [seq]);
  });
  return { households, persons: households * membersEach };
}
