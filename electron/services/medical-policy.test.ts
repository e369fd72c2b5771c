import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { listPolicyYears, loadPolicyYear } from './medical-policy.js';
import { proposeLayers } from '../../shared/domain/medical/layer-calculator.js';
import { insertRecord, tombstoneRecord } from './record-store.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture({ setup: false });
});
afterEach(async () => {
  await f.cleanup();
});

describe('seeded medical policy (migration 0002, example values)', () => {
  it('has 2019 with five layers and 2020, 2021 with six, in paying order', async () => {
    const db = f.workstation.db;
    expect(await listPolicyYears(db)).toEqual([2019, 2020, 2021]);
    const y2019 = await loadPolicyYear(db, 2019);
    expect(y2019?.personalShareCeilingBp).toBe(1000);
    expect(y2019?.note).toBe('示例值，请按当地政策修改');
    expect(y2019?.layers.map((l) => l.code)).toEqual([
      'basic_insurance', 'critical_illness', 'hospital_waiver', 'medical_assistance', 'supplementary_commercial',
    ]);
    for (const year of [2020, 2021]) {
      const rules = await loadPolicyYear(db, year);
      expect(rules?.layers.map((l) => [l.position, l.code])).toEqual([
        [1, 'basic_insurance'], [2, 'critical_illness'], [3, 'hospital_waiver'], [4, 'medical_assistance'],
        [5, 'supplementary_commercial'], [6, 'catastrophic_reassistance'],
      ]);
    }
    expect(await loadPolicyYear(db, 2018)).toBeNull();
  });

  it('loads every column, with amounts in integer fen and the basic-insurance rates', async () => {
    const rules = (await loadPolicyYear(f.workstation.db, 2020))!;
    const [basic, critical, , assistance] = rules.layers;
    expect(basic).toMatchObject({
      base: 'in_scope', deductibleFen: 50000, deductibleScope: 'visit', ratioBp: 8000, annualCapFen: 20_000_000,
      visitTypes: ['inpatient', 'chronic_outpatient', 'general_outpatient'],
    });
    expect(basic!.rates).toHaveLength(6);
    expect(basic!.rates).toContainEqual({ visitType: 'inpatient', hospitalLevel: 'township', deductibleFen: 20000, ratioBp: 9000 });
    expect(critical).toMatchObject({ base: 'remaining', deductibleFen: 500000, deductibleScope: 'year', annualCapFen: null, rates: [] });
    expect(assistance).toMatchObject({ ratioBp: 7000, annualCapFen: 2_000_000 });
    for (const l of rules.layers) {
      expect(Number.isSafeInteger(l.deductibleFen) && Number.isSafeInteger(l.ratioBp)).toBe(true);
    }
  });

  it('marks the seeds as examples and starts their audit trail', async () => {
    const db = f.workstation.db;
    const notes = await db.all<{ note: string }>(
      'SELECT note FROM medical_policy_year UNION ALL SELECT note FROM medical_policy_layer UNION ALL SELECT note FROM medical_policy_rate',
    );
    expect(notes.length).toBe(3 + 17 + 18);
    expect(new Set(notes.map((n) => n.note))).toEqual(new Set(['示例值，请按当地政策修改']));
    const audit = await db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE actor = 'system' AND table_name LIKE 'medical_policy_%'");
    expect(audit?.n).toBe(3 + 17 + 18);
    // Fixed ids: every workstation of the county starts from the same rows.
    const ids = await db.all<{ id: string }>('SELECT id FROM medical_policy_layer WHERE year = 2019 ORDER BY position');
    expect(ids[0]!.id).toBe('00000000-2019-7000-8001-000000000001');
  });

  it('gives the worked example of the calculator tests from the loaded 2020 rules', async () => {
    const rules = (await loadPolicyYear(f.workstation.db, 2020))!;
    const r = proposeLayers({ rules, claim: { visitType: 'inpatient', hospitalLevel: 'county', totalFen: 2_500_000, inScopeFen: 2_200_000 } });
    expect(r.layers.map((l) => l.proposedFen)).toEqual([1_720_000, 0, 48_000, 302_400, 77_760, 0]);
    expect(r.selfPayFen).toBe(351_840);
  });

  it('skips tombstoned layers and refuses values the rules cannot hold', async () => {
    const { db, ctx } = f.workstation;
    await db.transaction((tx) => tombstoneRecord(tx, ctx, 'medical_policy_layer', '00000000-2021-7000-8001-000000000006', 1, 'test'));
    expect((await loadPolicyYear(db, 2021))!.layers).toHaveLength(5);

    const layer = (values: Record<string, string | number | null>) => db.transaction((tx) => insertRecord(tx, ctx, 'medical_policy_layer', {
      year: 2021, position: 6, layer_code: 'catastrophic_reassistance', base: 'remaining', ratio_bp: 5000, ...values,
    }));
    await expect(layer({ visit_types: '["inpatient","dental"]' })).rejects.toThrow(/visit_types/);
    await expect(layer({ visit_types: '[]' })).rejects.toThrow(/visit_types/);
    await expect(layer({ ratio_bp: 10001 })).rejects.toThrow(/CHECK/);
    await expect(layer({ deductible_fen: 12.5 })).rejects.toThrow(/CHECK/);
    await expect(layer({ base: 'total' })).rejects.toThrow(/CHECK/);
    await expect(layer({ position: 5 })).rejects.toThrow(/UNIQUE/);
    // The tombstoned position 6 can be filled again.
    await layer({ visit_types: '["inpatient"]', annual_cap_fen: null });
    const reloaded = (await loadPolicyYear(db, 2021))!;
    expect(reloaded.layers[5]).toMatchObject({ code: 'catastrophic_reassistance', visitTypes: ['inpatient'], annualCapFen: null, deductibleFen: 0 });
  });
});
