import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../api/dispatch.js';
import { openWorkstation } from '../app/workstation.js';
import { Database } from '../db/driver.js';
import { generateCounty, townshipCode } from './demo-county.js';
import { birthArea, generateDemoData, MAX_MEMBERS_PER_HOUSEHOLD } from './demo-data.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function county(seed: number) {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-county-'));
  dirs.push(dir);
  return generateCounty({ dir, seed, scale: 0.01, townships: 2 });
}

async function readCounty<T>(file: string, read: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(file, { readOnly: true });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

describe('generateCounty', () => {
  it('builds township workstations with every ledger, whose packages the county imports whole', async () => {
    const summary = await county(5);
    expect(summary.townships.map((t) => t.code)).toEqual([townshipCode(0), townshipCode(1)]);
    for (const t of summary.townships) {
      // The volume per township at scale 0.01.
      expect(t).toMatchObject({ households: 30, medicalClaims: 200, schoolAid: 25, housingRepairs: 3, waterAssessments: 30, waterTests: 5, waterSupplies: 8 });
      expect(t.housingPhotos).toBe(2);
      // Every household (with its members) and every record of the reviewed ledgers goes up.
      expect(t.approved).toBe(t.households + t.medicalClaims + t.schoolAid + t.housingRepairs + t.waterAssessments + t.waterTests);
      expect(t.packageRecords).toBeGreaterThan(t.approved + t.persons + t.waterSupplies + t.housingPhotos);
      // Some tests fail, one of them after the assessments, so households wait for re-assessment.
      expect(t.waterTestsFailed).toBeGreaterThanOrEqual(1);
      expect(t.waterTestsFailed).toBeLessThan(t.waterTests);
    }
    expect(summary.townships.some((t) => t.waterReassessments > 0)).toBe(true);
    const accepted = summary.townships.reduce((n, t) => n + t.packageRecords, 0);
    expect(summary.imported).toMatchObject({ packages: 2, accepted, rejected: 0, conflicts: 0 });
    const perTownship = await readCounty(summary.countyFile, (db) => db.all<{ t: string; ledger: string; n: number }>(
      `SELECT substr(h.village_code, 1, 9) AS t, 'medical' AS ledger, count(*) AS n FROM medical_claim c JOIN person p ON p.id = c.person_id JOIN household h ON h.id = p.household_id GROUP BY t
       UNION ALL SELECT substr(h.village_code, 1, 9), 'school', count(*) FROM school_aid a JOIN person p ON p.id = a.person_id JOIN household h ON h.id = p.household_id GROUP BY 1
       UNION ALL SELECT substr(h.village_code, 1, 9), 'housing', count(*) FROM housing_repair r JOIN household h ON h.id = r.household_id GROUP BY 1
       UNION ALL SELECT substr(h.village_code, 1, 9), 'assessment', count(*) FROM water_assessment a JOIN household h ON h.id = a.household_id GROUP BY 1
       UNION ALL SELECT substr(s.village_code, 1, 9), 'test', count(*) FROM water_test x JOIN water_supply s ON s.id = x.supply_id GROUP BY 1
       ORDER BY 1, 2`,
    ));
    const expected = (t: string) => [
      { t, ledger: 'assessment', n: 30 }, { t, ledger: 'housing', n: 3 }, { t, ledger: 'medical', n: 200 }, { t, ledger: 'school', n: 25 }, { t, ledger: 'test', n: 5 },
    ];
    expect(perTownship).toEqual([...expected(townshipCode(0)), ...expected(townshipCode(1))]);
    const reassess = await readCounty(summary.countyFile, (db) => db.get<{ n: number }>('SELECT count(*) AS n FROM water_assessment WHERE needs_reassessment = 1'));
    expect(reassess?.n).toBe(summary.townships.reduce((n, t) => n + t.waterReassessments, 0));
  }, 300_000);

  it('is deterministic from the seed', async () => {
    const fingerprint = async (seed: number) => {
      const s = await county(seed);
      return readCounty(s.countyFile, async (db) => ({
        claims: await db.get('SELECT count(*) AS n, sum(total_fen) AS total, sum(basic_insurance_fen) AS basic, min(invoice_no) AS first FROM medical_claim'),
        school: await db.get(`SELECT count(*) AS n, sum(amount_fen) AS fen, group_concat(p.id_number || a.school_year || a.term || a.item || a.paid_date, ',') AS keys
                              FROM (SELECT * FROM school_aid ORDER BY person_id, school_year, term, item) a JOIN person p ON p.id = a.person_id`),
        housing: await db.get(`SELECT count(*) AS n, sum(subsidy_central_fen + subsidy_county_fen + self_raised_fen) AS fen,
                               group_concat(coalesce(appraisal_date, '') || coalesce(disbursement_date, ''), ',') AS dates FROM (SELECT * FROM housing_repair ORDER BY appraisal_date)`),
        photos: await db.all('SELECT sha256 FROM housing_photo ORDER BY sha256'),
        tests: await db.get("SELECT count(*) AS n, sum(passed) AS passed, group_concat(sampled_on || values_json, ',') AS v FROM (SELECT * FROM water_test ORDER BY sampled_on, values_json)"),
        assessments: await db.get('SELECT count(*) AS n, sum(passed) AS passed, sum(litres_per_person_day) AS litres, sum(needs_reassessment) AS redo FROM water_assessment'),
        people: await db.get('SELECT count(*) AS n, min(id_number) AS first, max(id_number) AS last FROM person'),
      }));
    };
    const a = await fingerprint(9);
    expect(await fingerprint(9)).toEqual(a);
    const b = await fingerprint(10);
    for (const ledger of ['claims', 'school', 'housing', 'tests', 'assessments', 'people'] as const) expect(b[ledger]).not.toEqual(a[ledger]);
  }, 300_000);
});

describe('demo ID numbers', () => {
  it('are unique across townships numbered in their own ranges, even from the same seed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'taizhang-ids-'));
    dirs.push(dir);
    const idsOf = async (index: number) => {
      const w = await openWorkstation(join(dir, `t${index}.sqlite`), { actor: 'demo' });
      try {
        await dispatch(w.ctx, 'settings/update', { orgCode: townshipCode(index), orgName: `镇${index}` });
        await generateDemoData(w.ctx, { households: 60, seed: 3, personSerialBase: index * 60 * MAX_MEMBERS_PER_HOUSEHOLD });
        return (await w.db.all<{ id: string }>('SELECT id_number AS id FROM person')).map((r) => r.id);
      } finally {
        await w.close();
      }
    };
    const [first, second] = [await idsOf(0), await idsOf(1)];
    expect(first.length).toBeGreaterThan(60);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
  });

  it('give each hundred people their own area code', () => {
    const codes = Array.from({ length: 40_000 }, (_, block) => birthArea('371502100', block));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes[0]).toBe('371502');
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
  });
});
