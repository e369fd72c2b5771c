import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../db/driver.js';
import { generateCounty, NOT_GENERATED, townshipCode } from './demo-county.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function county(seed: number) {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-county-'));
  dirs.push(dir);
  return generateCounty({ dir, seed, scale: 0.01, townships: 2 });
}

describe('generateCounty', () => {
  it('builds township workstations whose packages the county imports whole', async () => {
    const summary = await county(5);
    expect(summary.townships.map((t) => t.code)).toEqual([townshipCode(0), townshipCode(1)]);
    for (const t of summary.townships) {
      expect(t.households).toBe(30);
      expect(t.medicalClaims).toBe(200);
      // Every household (with its members) and every claim goes up.
      expect(t.approved).toBe(t.households + t.medicalClaims);
      expect(t.packageRecords).toBeGreaterThan(t.households + t.persons + t.medicalClaims);
    }
    const accepted = summary.townships.reduce((n, t) => n + t.packageRecords, 0);
    expect(summary.imported).toMatchObject({ packages: 2, accepted });
    const db = await Database.open(summary.countyFile, { readOnly: true });
    try {
      const claims = await db.get<{ n: number; fen: number }>('SELECT count(*) AS n, sum(total_fen) AS fen FROM medical_claim');
      expect(claims?.n).toBe(400);
      const perTownship = await db.all<{ t: string; n: number }>(
        `SELECT substr(h.village_code, 1, 9) AS t, count(*) AS n FROM medical_claim c JOIN person p ON p.id = c.person_id
         JOIN household h ON h.id = p.household_id GROUP BY t ORDER BY t`,
      );
      expect(perTownship).toEqual([{ t: townshipCode(0), n: 200 }, { t: townshipCode(1), n: 200 }]);
    } finally {
      await db.close();
    }
    expect(summary.notGenerated).toEqual(NOT_GENERATED);
  }, 300_000);

  it('is deterministic from the seed', async () => {
    const sums = async (seed: number) => {
      const s = await county(seed);
      const db = await Database.open(s.countyFile, { readOnly: true });
      try {
        return await db.get('SELECT count(*) AS n, sum(total_fen) AS total, sum(basic_insurance_fen) AS basic, min(invoice_no) AS first FROM medical_claim');
      } finally {
        await db.close();
      }
    };
    const a = await sums(9);
    expect(await sums(9)).toEqual(a);
    expect(await sums(10)).not.toEqual(a);
  }, 300_000);
});
