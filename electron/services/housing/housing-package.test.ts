import { describe, expect, it } from 'vitest';
import { approve, approvedHousehold, eachTownshipAndCounty, exchangeKeys, manifestTable, outDir } from '../../test/package-fixture.js';
import { exportPackage } from '../../sync/export-package.js';
import { importPackages } from '../../sync/import-package.js';
import { finishedRepair } from './housing-test-data.js';

const stations = eachTownshipAndCounty();

describe('housing repairs in the upload package', () => {
  it('carry approved repairs with their money sums, keep drafts home, and pass the county checks', async () => {
    const { township, county } = stations;
    await exchangeKeys(township, county, { encrypt: false });
    await approvedHousehold(township, 'H1', 11);
    await approvedHousehold(township, 'H2', 21);
    const approved = await township.call('housing/save', { repair: finishedRepair('H1') });
    await approve(township, approved.id, 'housing_repair');
    await township.call('housing/save', { repair: { householdNo: 'H2', appraisalDate: '2020-05-01', safetyGrade: 'C' } });

    const pkg = await exportPackage(township.workstation.ctx, { outDir: await outDir(township, 'usb') });
    const table = await manifestTable(pkg.path, 'housing_repair');
    expect(table).toMatchObject({ rows: 1 });
    expect(JSON.stringify(table)).toContain('1400000');

    const [imported] = await importPackages(county.workstation.ctx, [pkg.path]);
    expect(imported).toMatchObject({ status: 'imported', result: { counts: { rejected: 0, conflicts: 0 } } });
    const atCounty = await county.workstation.db.get<{ household_id: string; subsidy_central_fen: number; completion_date: string }>(
      'SELECT household_id, subsidy_central_fen, completion_date FROM housing_repair WHERE id = ?', [approved.id],
    );
    expect(atCounty).toMatchObject({ subsidy_central_fen: 1_400_000, completion_date: '2020-06-01' });
  });
});
