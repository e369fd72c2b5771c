/**
 * Builds (or finds) the data every county-scale bench runs on, once per BENCH_SCALE, so the
 * other files time only their paths: `npm run bench -- fixtures` ahead of a measuring run.
 * Reports how long each took to build and its size.
 */
import { bench, describe } from 'vitest';
import { busyTownship, countyFixture, loadedCounty, loadedTownship } from './support/fixtures.js';
import { SCALE } from './support/measure.js';

describe(`fixtures at scale ${SCALE}`, () => {
  bench('build or find every fixture', async () => {
    const busy = await busyTownship();
    const loaded = await loadedTownship();
    const county = await countyFixture();
    const countyLoaded = await loadedCounty();
    console.log(JSON.stringify({
      busyTownship: { persons: busy.persons, claims: busy.claims }, loadedTownship: loaded.records,
      county: county.townships.map((t) => ({ code: t.code, households: t.households, persons: t.persons, claims: t.medicalClaims, packageRecords: t.packageRecords })),
      countyClaims: countyLoaded.claims,
    }));
  }, { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 });
});
