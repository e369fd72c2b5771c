import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { approvedHousehold, count, exchangeKeys, makeCounty, outDir } from '../test/package-fixture.js';
import { countyStay } from '../test/medical-fixture.js';
import { exportPackage } from './export-package.js';
import { importPackages } from './import-package.js';
import { ledgerTable } from './ledger-tables.js';
import { validateMedicalClaimRow } from './medical-validators.js';

let township: Fixture;
let county: Fixture;

beforeEach(async () => {
  township = await makeFixture();
  county = await makeCounty();
});
afterEach(async () => {
  await township.cleanup();
  await county.cleanup();
});

async function headOf(householdId: string): Promise<string> {
  return (await township.call('households/get', { id: householdId })).members[0]!.id;
}

describe('medical claims in upload packages', () => {
  it('carry approved claims with their amounts summed in the manifest; drafts stay home', async () => {
    await exchangeKeys(township, county, { encrypt: false });
    const h = await approvedHousehold(township, 'H1', 11);
    const person = await headOf(h.id);
    const { claim } = await township.call('medical/save', { claim: countyStay(person, { accidentInsurance: 5_000 }) });
    await township.call('review/submit', { table: 'medical_claim', ids: [claim.id] });
    await township.call('review/approve', { table: 'medical_claim', ids: [claim.id] });
    await township.call('medical/save', { claim: countyStay(person, { invoiceNo: 'DRAFT', admissionDate: '2020-05-01', dischargeDate: '2020-05-02' }) });

    const pkg = await exportPackage(township.workstation.ctx, { outDir: await outDir(township, 'usb') });
    const zip = unzipSync(new Uint8Array(await readFile(pkg.path)));
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    const table = manifest.tables.find((t: { table: string }) => t.table === 'medical_claim');
    expect(table).toMatchObject({ rows: 1 });
    expect(JSON.stringify(table)).toContain('"total_fen":"2500000"');
    expect(JSON.stringify(table)).toContain('"accident_insurance_fen":"5000"');

    const [imported] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(imported).toMatchObject({ status: 'imported', result: { counts: { rejected: 0, conflicts: 0 } } });
    const columns = ledgerTable('medical_claim')!.columns.join(', ');
    const atTownship = await township.workstation.db.get(`SELECT ${columns} FROM medical_claim WHERE id = ?`, [claim.id]);
    expect(await county.workstation.db.get(`SELECT ${columns} FROM medical_claim WHERE id = ?`, [claim.id])).toEqual(atTownship);
    expect(await count(county, "SELECT 1 FROM medical_claim WHERE invoice_no = 'DRAFT'")).toBe(0);
  });

  it('check the shared rules on a claim as uploaded', async () => {
    const h = await approvedHousehold(township, 'H1', 11);
    const { claim } = await township.call('medical/save', { claim: countyStay(await headOf(h.id)) });
    const row = await township.workstation.db.get<Record<string, string | number | null>>('SELECT * FROM medical_claim WHERE id = ?', [claim.id]);
    expect(validateMedicalClaimRow(row!)).toEqual([]);
    const codes = (r: Record<string, string | number | null>) => validateMedicalClaimRow(r).map((i) => `${i.field}:${i.code}`);
    expect(codes({ ...row!, self_pay_fen: 1 })).toEqual(['selfPay:sync.derivedMismatch']);
    expect(codes({ ...row!, in_scope_self_pay_fen: 7 })).toEqual(['inScopeSelfPay:sync.derivedMismatch']);
    expect(codes({ ...row!, in_scope_fen: 9_999_999 })).toEqual(['inScopeCost:medical.inScopeExceedsTotal']);
    expect(codes({ ...row!, discharge_date: '2021-01-02', visit_type: 'spa' })).toEqual(['visitType:notInList', 'dischargeDate:medical.dateOutsideYear']);
  });
});
