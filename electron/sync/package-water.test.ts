import { describe, expect, it } from 'vitest';
import { approve, approvedHousehold, count, eachTownshipAndCounty, exchangeKeys, ledgerRow, outDir } from '../test/package-fixture.js';
import { exportPackage } from './export-package.js';
import { importPackages } from './import-package.js';

const stations = eachTownshipAndCounty();

describe('drinking-water records in upload packages', () => {
  it('carry supplies, approved assessments and tests; the county holds them as sent; drafts stay home', async () => {
    const { township, county } = stations;
    await exchangeKeys(township, county, { encrypt: false });
    const h = await approvedHousehold(township, 'H1', 11);
    const h2 = await approvedHousehold(township, 'H2', 21);
    const supply = await township.call('water/supplies/save', { villageCode: '371502100201', name: '张庄水厂', supplyType: 'centralized' });
    const test = await township.call('water/tests/save', {
      supplyId: supply.id, sampledOn: '2021-05-01', testKind: 'monthly', lab: '县疾控中心', testPlace: 'works', values: [{ parameter: 'turbidity', value: '1.5' }],
    });
    const facts = { assessedOn: '2021-05-10', supplyType: 'centralized', supplyId: supply.id, tapInHome: true, litresPerPersonDay: 60, shortageDays: 0 } as const;
    const approved = await township.call('water/assessments/save', { householdId: h.id, ...facts });
    await township.call('water/assessments/save', { householdId: h2.id, ...facts });
    for (const [table, id] of [['water_test', test.id], ['water_assessment', approved.id]] as const) await approve(township, id, table);

    const pkg = await exportPackage(township.workstation.ctx, { outDir: await outDir(township, 'usb') });
    const [imported] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(imported).toMatchObject({ status: 'imported', result: { counts: { rejected: 0, conflicts: 0 } } });
    for (const [table, id] of [['water_supply', supply.id], ['water_test', test.id], ['water_assessment', approved.id]] as const) {
      expect(await ledgerRow(county, table, id), table).toEqual(await ledgerRow(township, table, id));
    }
    // The second household's assessment is still a draft: it stays at the township.
    expect(await count(county, 'SELECT 1 FROM water_assessment')).toBe(1);
  });
});
