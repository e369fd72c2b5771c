/**
 * The yearly drinking-water report: pass rates per indicator and per village, tests per kind
 * and 水质达标率, and the households still failing with the indicators they fail. Counts only:
 * rates are worked out where they are shown (shared/domain/water/rates.ts).
 */
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import type { WaterReport } from '../../../shared/contract/water.js';
import { indicators, testKinds, type Indicator, type TestKind } from '../../../shared/domain/water/vocabulary.js';
import type { ServiceContext } from '../context.js';
import { ASSESSMENT_FROM } from './water-mapping.js';

interface VillageCounts {
  village_code: string; village_name: string; total: number; passed: number;
  quantity: number; quality: number; convenience: number; reliability: number; flagged: number;
}

const COUNTS = `count(*) AS total, coalesce(sum(a.passed), 0) AS passed, coalesce(sum(a.quantity_ok), 0) AS quantity,
  coalesce(sum(a.quality_ok), 0) AS quality, coalesce(sum(a.convenience_ok), 0) AS convenience,
  coalesce(sum(a.reliability_ok), 0) AS reliability, coalesce(sum(a.needs_reassessment), 0) AS flagged`;

export async function waterReport(ctx: ServiceContext, input: MethodArgs<'reports/water'>): Promise<MethodOutput<'reports/water'>> {
  const year = input.year;
  const db = ctx.db.reader;
  const [villages, tests, failing] = await Promise.all([
    db.all<VillageCounts>(
      `SELECT h.village_code, COALESCE(v.name, h.village_code) AS village_name, ${COUNTS}
       FROM water_assessment a JOIN household h ON h.id = a.household_id LEFT JOIN village v ON v.code = h.village_code
       WHERE a.deleted_at IS NULL AND a.year = ? GROUP BY h.village_code ORDER BY h.village_code`,
      [year],
    ),
    db.all<{ kind: TestKind; total: number; passed: number }>(
      `SELECT kind, count(*) AS total, coalesce(sum(passed), 0) AS passed FROM water_test
       WHERE deleted_at IS NULL AND sampled_on >= ? AND sampled_on < ? GROUP BY kind`,
      [`${year}-01-01`, `${year + 1}-01-01`],
    ),
    db.all<{ id: string; household_id: string; household_no: string; head_name: string | null; village_name: string;
      quantity_ok: number; quality_ok: number; convenience_ok: number; reliability_ok: number; needs_reassessment: number }>(
      `SELECT a.id, a.household_id, h.household_no, head.name AS head_name, COALESCE(v.name, h.village_code) AS village_name,
              a.quantity_ok, a.quality_ok, a.convenience_ok, a.reliability_ok, a.needs_reassessment
       ${ASSESSMENT_FROM}
       LEFT JOIN village v ON v.code = h.village_code
       WHERE a.deleted_at IS NULL AND a.year = ? AND (a.passed = 0 OR a.needs_reassessment = 1)
       ORDER BY h.village_code, h.household_no`,
      [year],
    ),
  ]);
  const sum = (key: keyof VillageCounts) => villages.reduce((n, v) => n + Number(v[key]), 0);
  const byKind = new Map(tests.map((t) => [t.kind, t]));
  const report: WaterReport = {
    year,
    assessments: {
      total: sum('total'), passed: sum('passed'),
      indicators: { quantity: sum('quantity'), quality: sum('quality'), convenience: sum('convenience'), reliability: sum('reliability') },
      needsReassessment: sum('flagged'),
    },
    villages: villages.map((v) => ({
      villageCode: v.village_code, villageName: v.village_name, total: v.total, passed: v.passed,
      quantity: v.quantity, quality: v.quality, convenience: v.convenience, reliability: v.reliability,
    })),
    tests: {
      total: tests.reduce((n, t) => n + t.total, 0),
      passed: tests.reduce((n, t) => n + t.passed, 0),
      byKind: testKinds.map((kind) => ({ testKind: kind, total: byKind.get(kind)?.total ?? 0, passed: byKind.get(kind)?.passed ?? 0 })),
    },
    failing: failing.map((f) => ({
      assessmentId: f.id, householdId: f.household_id, householdNo: f.household_no, headName: f.head_name, villageName: f.village_name,
      failing: indicators.filter((i: Indicator) => f[`${i}_ok`] === 0),
      needsReassessment: f.needs_reassessment === 1,
    })),
  };
  return report;
}
