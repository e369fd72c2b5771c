import { describe, expect, it } from 'vitest';
import type { Fixture } from '../test/workstation-fixture.js';
import { approve, approvedHousehold, count, eachTownshipAndCounty, exchangeKeys, ledgerRow, manifestTable, outDir } from '../test/package-fixture.js';
import { countyStay } from '../test/medical-fixture.js';
import { exportPackage } from './export-package.js';
import { importPackages } from './import-package.js';
import { validateMedicalClaimRow } from './medical-validators.js';

const stations = eachTownshipAndCounty();

async function headOf(township: Fixture, householdId: string): Promise<string> {
  return (await township.call('households/get', { id: householdId })).members[0]!.id;
}

describe('medical claims in upload packages', () => {
  it('carry approved claims with their amounts summed in the manifest; drafts stay home', async () => {
    const { township, county } = stations;
    await exchangeKeys(township, county, { encrypt: false });
    const h = await approvedHousehold(township, 'H1', 11);
    const person = await headOf(township, h.id);
    const { claim } = await township.call('medical/save', { claim: countyStay(person, { accidentInsurance: 5_000 }) });
    await approve(township, claim.id, 'medical_claim');
    await township.call('medical/save', { claim: countyStay(person, { invoiceNo: 'DRAFT', admissionDate: '2020-05-01', dischargeDate: '2020-05-02' }) });

    const pkg = await exportPackage(township.workstation.ctx, { outDir: await outDir(township, 'usb') });
    const table = await manifestTable(pkg.path, 'medical_claim');
    expect(table).toMatchObject({ rows: 1 });
    expect(JSON.stringify(table)).toContain('"total_fen":"2500000"');
    expect(JSON.stringify(table)).toContain('"accident_insurance_fen":"5000"');

    const [imported] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(imported).toMatchObject({ status: 'imported', result: { counts: { rejected: 0, conflicts: 0 } } });
    expect(await ledgerRow(county, 'medical_claim', claim.id)).toEqual(await ledgerRow(township, 'medical_claim', claim.id));
    expect(await count(county, "SELECT 1 FROM medical_claim WHERE invoice_no = 'DRAFT'")).toBe(0);
  });

  it('check the shared rules on a claim as uploaded', async () => {
    const { township } = stations;
    const h = await approvedHousehold(township, 'H1', 11);
    const { claim } = await township.call('medical/save', { claim: countyStay(await headOf(township, h.id)) });
    const row = await township.workstation.db.get<Record<string, string | number | null>>('SELECT * FROM medical_claim WHERE id = ?', [claim.id]);
    expect(validateMedicalClaimRow(row!)).toEqual([]);
    const codes = (r: Record<string, string | number | null>) => validateMedicalClaimRow(r).map((i) => `${i.field}:${i.code}`);
    expect(codes({ ...row!, self_pay_fen: 1 })).toEqual(['selfPay:sync.derivedMismatch']);
    expect(codes({ ...row!, in_scope_self_pay_fen: 7 })).toEqual(['inScopeSelfPay:sync.derivedMismatch']);
    expect(codes({ ...row!, in_scope_fen: 9_999_999 })).toEqual(['inScopeCost:medical.inScopeExceedsTotal']);
    expect(codes({ ...row!, discharge_date: '2021-01-02', visit_type: 'spa' })).toEqual(['visitType:notInList', 'dischargeDate:medical.dateOutsideYear']);
  });
});
