/**
 * The county demo's other ledgers for one township workstation, written the way a clerk's work
 * is: school aid, housing repairs, water assessments and tests through each ledger's checked
 * sheet import (one transaction each, all or nothing), supplies and photos through their services.
 */
import { dispatch } from '../api/dispatch.js';
import type { Workstation } from '../app/workstation.js';
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import { writeCsv, type Cell } from '../sheets/write-sheet.js';
import { countyHousingRows, demoPhotoPng, housingSheetHeaders } from './demo-county-housing.js';
import { countySchoolRows, schoolSheetHeaders, type Student } from './demo-county-school.js';
import {
  countySupplies, countyWaterAssessments, countyWaterTests, waterAssessmentHeaders, waterTestHeaders, type AssessedHousehold, type DemoVillage,
} from './demo-county-water.js';
import { addPhoto } from './housing/housing-photos.js';
import { commitHousingImport } from './housing/housing-sheet-import.js';
import { commitSchoolImport } from './school/school-sheet-import.js';
import { loadAgeRanges, loadStandards } from './school/school-rules-store.js';
import { commitWaterImport } from './water/water-import.js';

export interface LedgerNames {
  townshipName: string;
  countyName: string;
}

type Commit = MethodArgs<'import/commit'>;

/** The sheet as CSV through `commit`; a refusal stops the demo with the first reasons. */
async function commitRows(
  what: string, headers: string[], rows: Cell[][], commit: (input: Commit) => Promise<MethodOutput<'import/commit'>>, kind: Commit['kind'],
): Promise<number> {
  if (rows.length === 0) return 0;
  const csv = writeCsv(headers, rows);
  const result = await commit({ kind, fileName: `${what}.csv`, contentBase64: csv.toString('base64'), skipInvalid: false });
  if (!result.committed) throw new Error(`demo ${what} refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
  // The housing sheet counts households (one repair each); the others count records.
  return result.records?.added ?? result.households.added;
}

export async function importSchoolAid(w: Workstation, count: number, seed: number, names: LedgerNames): Promise<number> {
  const students = await w.db.all<Student>(
    'SELECT id_number AS idNumber, name, birth_date AS birthDate FROM person WHERE deleted_at IS NULL ORDER BY id_number',
  );
  const years = (await w.db.all<{ year: number }>('SELECT DISTINCT year FROM school_aid_standard WHERE deleted_at IS NULL')).map((r) => r.year);
  const rows = [...countySchoolRows(students, {
    count, seed, ...names, standards: await loadStandards(w.db.reader, years), ageRanges: await loadAgeRanges(w.db.reader),
  })];
  return commitRows('school-aid', schoolSheetHeaders(), rows, (input) => commitSchoolImport(w.ctx, input), 'school');
}

/** Repairs, then before and after photos on one repair in twenty (at least one), while still drafts. */
export async function importHousingRepairs(w: Workstation, count: number, seed: number, names: LedgerNames): Promise<{ repairs: number; photos: number }> {
  const households = await w.db.all<{ no: string }>('SELECT household_no AS no FROM household WHERE deleted_at IS NULL ORDER BY household_no');
  const rows = [...countyHousingRows(households.map((h) => h.no), { count, seed, countyName: names.countyName })];
  const repairs = await commitRows('housing', housingSheetHeaders(), rows, (input) => commitHousingImport(w.ctx, input), 'housing');
  const pictured = await w.db.all<{ id: string }>(
    `SELECT r.id FROM housing_repair r JOIN household h ON h.id = r.household_id
     WHERE r.deleted_at IS NULL AND r.start_date IS NOT NULL ORDER BY h.household_no`,
  );
  let photos = 0;
  for (const [i, repair] of pictured.entries()) {
    if (i % 20 !== 0) continue;
    for (const phase of ['before', 'after'] as const) {
      const png = demoPhotoPng(seed * 100_000 + i * 2 + (phase === 'after' ? 1 : 0));
      await addPhoto(w.ctx, { repairId: repair.id, phase, fileName: `${phase === 'before' ? '改造前' : '改造后'}.png`, contentBase64: png.toString('base64'), thumbnailBase64: null });
      photos++;
    }
  }
  return { repairs, photos };
}

/**
 * A supply per village (the supplies service), the tests sampled before the assessments, the
 * assessments, then the later tests: a failed later test marks its supply's households.
 */
export async function importWater(w: Workstation, counts: { assessments: number; tests: number }, seed: number, names: LedgerNames): Promise<{ supplies: number; assessments: number; tests: number }> {
  const villages = await w.db.all<DemoVillage>('SELECT code, name FROM village WHERE deleted_at IS NULL ORDER BY code');
  const supplies = countySupplies(villages);
  for (const s of supplies) {
    const response = await dispatch(w.ctx, 'water/supplies/save', { ...s, note: null });
    if (!response.ok) throw new Error(`water/supplies/save: ${JSON.stringify(response.error)}`);
  }
  const households = await w.db.all<AssessedHousehold>(
    'SELECT household_no AS householdNo, village_code AS villageCode FROM household WHERE deleted_at IS NULL ORDER BY household_no',
  );
  const tests = countyWaterTests(supplies, { count: counts.tests, seed, countyName: names.countyName });
  const commitWater = (kind: 'water-assessment' | 'water-test') => (input: Commit) => commitWaterImport(w.ctx, kind, input);
  let testCount = await commitRows('water-tests-early', waterTestHeaders(), tests.early, commitWater('water-test'), 'water-test');
  const assessments = await commitRows(
    'water-assessments', waterAssessmentHeaders(), countyWaterAssessments(households, supplies, { count: counts.assessments, seed }),
    commitWater('water-assessment'), 'water-assessment',
  );
  testCount += await commitRows('water-tests-late', waterTestHeaders(), tests.late, commitWater('water-test'), 'water-test');
  return { supplies: supplies.length, assessments, tests: testCount };
}
