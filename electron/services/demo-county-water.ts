/**
 * Drinking water at county scale (issue 7): a supply per village, water tests as rows of the
 * standard test sheet and one assessment per household as rows of the assessment sheet,
 * deterministic from a seed. The assessments are made in spring 2021; tests run from 2020 up to
 * them and go on in the summer after. About one test in forty fails (bacteria, coliforms, or no
 * chlorine left at a tap); at least one summer test fails, so its supply's households are marked
 * for re-assessment when the later tests are imported after the assessments.
 */
import type { OnsiteResult, SupplyType, TestKind, TestPlace, WaterParameter } from '../../shared/domain/water/vocabulary.js';
import { zhCN } from '../../shared/i18n/zh-CN.js';
import type { Cell } from '../sheets/write-sheet.js';
import { seededRandom } from './demo-county-claims.js';
import { assessmentColumns, testColumns } from './water/water-sheets.js';

export interface DemoVillage {
  code: string;
  name: string;
}

export interface DemoSupply {
  villageCode: string;
  name: string;
  supplyType: SupplyType;
  smallScale: boolean;
  operator: string;
}

const DAY = 86_400_000;
const w = zhCN.ui.water;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Assessments are dated in this window; no test is sampled inside it. */
export const ASSESSMENT_WINDOW = { from: Date.UTC(2021, 2, 1), to: Date.UTC(2021, 5, 30) } as const;
const EARLY_TESTS = { from: Date.UTC(2020, 0, 6), to: Date.UTC(2021, 1, 26) };
const LATE_TESTS = { from: Date.UTC(2021, 6, 1), to: Date.UTC(2021, 8, 30) };

/** The township seat is on the county town's mains; every other village has its own small works. */
export function countySupplies(villages: readonly DemoVillage[]): DemoSupply[] {
  return villages.map((v, i) => (i === 0
    ? { villageCode: v.code, name: `${v.name}城区管网延伸`, supplyType: 'urban_extension', smallScale: false, operator: '县水务集团' }
    : { villageCode: v.code, name: `${v.name}供水站`, supplyType: 'centralized', smallScale: true, operator: i % 2 === 0 ? '县水务集团' : `${v.name}村委会` }));
}

const ROUTINE: readonly WaterParameter[] = ['total_coliforms', 'e_coli', 'total_bacteria', 'turbidity', 'ph', 'free_chlorine'];
const FULL: readonly WaterParameter[] = [...ROUTINE, 'fluoride', 'nitrate_n', 'arsenic', 'tds', 'hardness'];

function measuredValues(rnd: () => number, kind: TestKind, place: TestPlace, failing: boolean): Partial<Record<WaterParameter, string>> {
  const between = (min: number, max: number, digits: number) => (min + rnd() * (max - min)).toFixed(digits);
  const values: Partial<Record<WaterParameter, string>> = {
    total_coliforms: 'ND', e_coli: 'ND', total_bacteria: String(5 + Math.floor(rnd() * 55)), turbidity: between(0.2, 0.9, 1),
    ph: between(6.9, 8.1, 1), free_chlorine: place === 'works' ? between(0.3, 1.2, 2) : between(0.1, 0.6, 2),
  };
  if (kind === 'annual') {
    Object.assign(values, {
      fluoride: between(0.2, 0.8, 2), nitrate_n: between(1, 8, 1), arsenic: rnd() < 0.5 ? 'ND' : between(0.001, 0.005, 3),
      tds: String(300 + Math.floor(rnd() * 500)), hardness: String(150 + Math.floor(rnd() * 250)),
    });
  }
  if (failing) {
    const what = Math.floor(rnd() * (place === 'tap' ? 3 : 2));
    if (what === 0) values.total_bacteria = String(120 + Math.floor(rnd() * 280));
    else if (what === 1) values.total_coliforms = String(2 + Math.floor(rnd() * 8));
    else values.free_chlorine = '0.02';
  }
  return values;
}

export interface TestRowOptions {
  count: number;
  seed: number;
  countyName: string;
}

/** Test sheet rows before the assessments (`early`) and after them (`late`), `count` in all. */
export function countyWaterTests(supplies: readonly DemoSupply[], options: TestRowOptions): { early: Cell[][]; late: Cell[][] } {
  const rnd = seededRandom(options.seed * 3571 + 29);
  const keys = testColumns.filter((c) => !c.exportOnly).map((c) => c.key);
  const lateCount = options.count < 2 ? 0 : Math.max(1, Math.round(options.count * 0.12));
  const earlyCount = options.count - lateCount;
  const row = (supply: DemoSupply, sampledOn: number, failing: boolean): Cell[] => {
    const roll = rnd();
    const kind: TestKind = roll < 0.55 ? 'monthly' : roll < 0.75 ? 'quarterly' : roll < 0.8 ? 'annual' : 'third_party';
    const place: TestPlace = kind === 'third_party' || (kind === 'quarterly' && rnd() < 0.5) ? 'tap' : 'works';
    const lab = kind === 'annual' ? '聊城市供水水质监测中心' : kind === 'third_party' ? '山东华测检测技术有限公司' : `${options.countyName}疾病预防控制中心`;
    const values = measuredValues(rnd, kind, place, failing);
    const cells: Record<string, Cell> = {
      supplyId: supply.name, sampledOn: iso(sampledOn), testKind: w.testKind[kind], lab, labCma: '是', testPlace: w.testPlace[place],
      placeNote: place === 'tap' ? `末梢水采样点${1 + Math.floor(rnd() * 5)}` : null, note: null,
      ...Object.fromEntries(Object.entries(values).map(([p, v]) => [`value:${p}`, v])),
    };
    return keys.map((key) => cells[key] ?? null);
  };
  // Round the supplies in date order: each supply's samples are days apart, so no two share a key.
  const spread = (n: number, period: { from: number; to: number }, at: number) =>
    period.from + Math.floor(((at + rnd() * 0.9) * (period.to - period.from)) / n / DAY) * DAY;
  const early: Cell[][] = [];
  for (let i = 0; i < earlyCount; i++) early.push(row(supplies[i % supplies.length]!, spread(earlyCount, EARLY_TESTS, i), rnd() < 0.025));
  const late: Cell[][] = [];
  const start = Math.floor(rnd() * supplies.length);
  const lateFailures = Array.from({ length: lateCount }, () => rnd() < 0.02);
  if (lateCount > 0 && !lateFailures.includes(true)) lateFailures[lateCount - 1] = true;
  for (let j = 0; j < lateCount; j++) {
    late.push(row(supplies[(start + j) % supplies.length]!, spread(lateCount, LATE_TESTS, j), lateFailures[j]!));
  }
  return { early, late };
}

export interface AssessedHousehold {
  householdNo: string;
  villageCode: string;
}

export interface AssessmentRowOptions {
  count: number;
  seed: number;
}

const ASSESSORS = ['王建国', '李秀英', '张卫东', '刘春梅', '陈志刚'];

/**
 * One assessment row for each of `count` households in a seeded order: most drink from their
 * village's supply with a tap at home; about one in twelve has its own well (分散供水, judged on
 * site). A few fall short on quantity or days without water, as surveys find.
 */
export function countyWaterAssessments(households: readonly AssessedHousehold[], supplies: readonly DemoSupply[], options: AssessmentRowOptions): Cell[][] {
  const rnd = seededRandom(options.seed * 2749 + 31);
  const keys = assessmentColumns.filter((c) => !c.exportOnly).map((c) => c.key);
  const order = households.map((h) => ({ h, key: rnd() })).sort((a, b) => a.key - b.key).map((x) => x.h);
  const windowDays = Math.round((ASSESSMENT_WINDOW.to - ASSESSMENT_WINDOW.from) / DAY);
  return order.slice(0, options.count).map((h) => {
    const village = supplies.find((s) => s.villageCode === h.villageCode);
    const supply = village && rnd() >= 0.08 ? village : null;
    const tapInHome = supply !== null && rnd() < 0.96;
    const onsite: OnsiteResult = rnd() < 0.97 ? 'pass' : 'fail';
    const cells: Record<string, Cell> = {
      householdNo: h.householdNo, assessedOn: iso(ASSESSMENT_WINDOW.from + Math.floor(rnd() * (windowDays + 1)) * DAY),
      supplyType: w.supplyType[supply ? supply.supplyType : 'dispersed'], supplyId: supply ? supply.name : null,
      tapInHome: tapInHome ? '是' : '否', waterScarceArea: '否',
      litresPerPersonDay: String(rnd() < 0.02 ? 22 + Math.floor(rnd() * 13) : 40 + Math.floor(rnd() * 70)),
      tripMinutes: tapInHome ? null : String(3 + Math.floor(rnd() * 13)),
      horizontalMetres: tapInHome ? null : String(30 + Math.floor(rnd() * 400)),
      shortageDays: String(rnd() < 0.02 ? 40 + Math.floor(rnd() * 30) : Math.floor(rnd() * 20)),
      onsiteCheck: supply ? null : w.onsite[onsite], assessor: ASSESSORS[Math.floor(rnd() * ASSESSORS.length)]!, note: null,
    };
    return keys.map((key) => cells[key] ?? null);
  });
}

export const waterTestHeaders = (): string[] => testColumns.filter((c) => !c.exportOnly).map((c) => c.header);
export const waterAssessmentHeaders = (): string[] => assessmentColumns.filter((c) => !c.exportOnly).map((c) => c.header);
