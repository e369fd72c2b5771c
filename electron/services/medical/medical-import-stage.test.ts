import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixture, type Fixture } from '../../test/workstation-fixture.js';
import { MedicalImportStage } from './medical-import-stage.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
});
afterEach(async () => {
  await f.cleanup();
});

/** A staged row as the stage stores it; only the keys the pages are ordered by matter here. */
const staged = (rowNumber: number, idNumber: string, admission: string) =>
  [rowNumber, idNumber, '', '医院', null, admission, admission, JSON.stringify({ admissionDate: admission })];

describe('medical import stage', () => {
  it('gives the rows back per person by date, and never splits a person over two pages', async () => {
    const pages = await f.workstation.db.transaction(async (tx) => {
      const stage = await MedicalImportStage.open(tx);
      const rows = [staged(2, 'B', '2020-05-01'), staged(3, 'A', '2020-09-01'), staged(4, 'B', '2020-01-01'),
        staged(5, 'A', '2020-03-01'), staged(6, 'A', '2020-03-01'), staged(7, 'C', '2020-02-01'), staged(8, 'D', '2020-02-01')];
      for (const row of rows) await stage.add(row);
      await stage.loaded();
      const out: number[][] = [];
      for await (const page of stage.pages(2)) out.push(page.map((r) => r.rowNumber));
      await stage.drop();
      return out;
    });
    // A's three rows exceed the page size of 2 and stay together; same-day rows keep sheet order.
    expect(pages).toEqual([[5, 6, 3], [4, 2], [7, 8]]);
  });
});
