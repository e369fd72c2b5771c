/**
 * Housing repairs at county scale (issue 7), as rows of the standard housing sheet: one repair for
 * each of `count` households taken in a seeded order, planned 2017-2020. Every repair's dates keep
 * the order 鉴定 ≤ 公示 ≤ 开工 ≤ 竣工 ≤ 验收 ≤ 拨付; most have gone the whole way to 已拨付, a few
 * stop at an earlier stage (one in a hundred failed its acceptance), and houses found safe (A/B)
 * stop at 已鉴定 with no subsidy, so the ledger shows every stage and no flag. Also a tiny PNG
 * per photo, so packages carry attachments.
 */
import { crc32, deflateSync } from 'node:zlib';
import { formatYuan } from '../../shared/domain/money.js';
import type { RepairMode, SafetyGrade } from '../../shared/domain/housing/housing-enums.js';
import { zhCN } from '../../shared/i18n/zh-CN.js';
import type { Cell } from '../sheets/write-sheet.js';
import { seededRandom } from './demo-county-claims.js';
import { housingSheetColumns } from './housing/housing-sheet.js';

export interface HousingRowOptions {
  count: number;
  seed: number;
  countyName: string;
}

const DAY = 86_400_000;
const APPRAISERS = ['聊城市建筑设计院', '山东正元建设工程检测有限公司', '聊城市房屋安全鉴定所'];

/** Subsidies in yuan by source for each mode: central, provincial, city, county (example figures). */
const SUBSIDY: Record<RepairMode, [number, number, number, number]> = {
  reinforce: [6_000, 1_000, 500, 500],
  rebuild: [14_000, 3_000, 1_000, 500],
  new_build: [14_000, 3_000, 1_000, 500],
  replacement: [10_000, 2_000, 0, 2_000],
  rental: [0, 0, 0, 3_000],
};

/** How far a repair has got: the last dated step (0 = appraised only … 6 = disbursed). */
function progressOf(roll: number): number {
  if (roll < 0.02) return 0;
  if (roll < 0.05) return 1;
  if (roll < 0.09) return 2;
  if (roll < 0.13) return 3;
  if (roll < 0.19) return 4;
  return 6;
}

const importable = housingSheetColumns.filter((c) => !c.exportOnly);

/** Rows in the column order of `housingSheetHeaders()`, one per household number given (up to `count`). */
export function* countyHousingRows(householdNos: readonly string[], options: HousingRowOptions): Generator<Cell[]> {
  const rnd = seededRandom(options.seed * 6151 + 23);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const days = (min: number, max: number) => (min + Math.floor(rnd() * (max - min + 1))) * DAY;
  const order = householdNos.map((no) => ({ no, key: rnd() })).sort((a, b) => a.key - b.key).map((x) => x.no);
  for (const [n, householdNo] of order.slice(0, options.count).entries()) {
    const planYear = 2017 + Math.floor(rnd() * 4);
    const appraisal = Date.UTC(planYear, Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 28));
    const modeRoll = rnd();
    const mode: RepairMode = modeRoll < 0.55 ? 'reinforce' : modeRoll < 0.9 ? 'rebuild' : modeRoll < 0.94 ? 'new_build' : modeRoll < 0.98 ? 'replacement' : 'rental';
    let progress = progressOf(rnd());
    // A house found safe is appraised and nothing more: no mode, no subsidy.
    const safe = progress === 0;
    const grade: SafetyGrade = safe ? pick(['A', 'B'] as const) : mode === 'reinforce' || (mode === 'rental' && rnd() < 0.5) ? 'C' : 'D';
    const failedAcceptance = progress === 6 && rnd() < 0.01;
    if (failedAcceptance) progress = 5;
    const steps: number[] = [appraisal];
    const after = (min: number, max: number) => steps.push(steps[steps.length - 1]! + days(min, max));
    after(3, 7); // 村级公示
    after(3, 7); // 乡镇公示
    after(3, 7); // 县级公示
    after(10, 40); // 开工
    after(mode === 'reinforce' ? 20 : 45, mode === 'reinforce' ? 60 : 120); // 竣工
    after(5, 20); // 验收
    after(10, 40); // 拨付
    const date = (i: number) => new Date(steps[i]!).toISOString().slice(0, 10);
    // 1 = publicized (all three notices), 2 = started, 3 = completed, 4 = accepted, 5 = acceptance failed, 6 = disbursed.
    const reached = (step: 'publicity' | 'start' | 'completion' | 'acceptance' | 'disbursement') =>
      progress >= { publicity: 1, start: 2, completion: 3, acceptance: 4, disbursement: 6 }[step];
    const [central, provincial, city, county] = safe ? [0, 0, 0, 0] : SUBSIDY[mode];
    const furnished = reached('completion') && mode !== 'reinforce' && rnd() < 0.4;
    const otherRepairs = reached('completion') && rnd() < 0.2;
    const yuan = (n: number) => formatYuan(n * 100);
    const cells: Record<string, Cell> = {
      householdNo, appraisalDate: date(0), appraisalOrg: pick(APPRAISERS), safetyGrade: grade,
      repairMode: safe ? null : zhCN.housing.mode[mode], planYear: safe ? null : planYear,
      subsidyCentralFen: yuan(central), subsidyProvincialFen: yuan(provincial), subsidyCityFen: yuan(city), subsidyCountyFen: yuan(county),
      selfRaisedFen: safe ? yuan(0) : yuan(Math.floor(rnd() * 50) * 100),
      publicityVillageDate: reached('publicity') ? date(1) : null, publicityTownshipDate: reached('publicity') ? date(2) : null,
      publicityCountyDate: reached('publicity') ? date(3) : null, startDate: reached('start') ? date(4) : null,
      completionDate: reached('completion') ? date(5) : null, acceptanceDate: reached('acceptance') ? date(6) : null,
      acceptanceResult: reached('acceptance') ? zhCN.housing.acceptance[failedAcceptance ? 'failed' : 'passed'] : null,
      disbursementDate: reached('disbursement') ? date(7) : null, platePosted: reached('disbursement') ? '是' : '否',
      archiveNo: safe ? null : `WG-${planYear}-${String(n + 1).padStart(4, '0')}`,
      furnitureItems: furnished ? pick(['橱子、桌子、床', '桌子、床', '橱子、床、椅子']) : null,
      furnitureCostFen: furnished ? yuan(600 + Math.floor(rnd() * 15) * 100) : yuan(0),
      otherRepairs: otherRepairs ? pick(['门窗', '院墙', '大门', '门窗、院墙']) : null,
      otherRepairsCostFen: otherRepairs ? yuan(300 + Math.floor(rnd() * 20) * 100) : yuan(0),
      note: failedAcceptance ? '验收不合格，整改中' : null,
    };
    yield importable.map((c) => cells[c.key] ?? null);
  }
}

export const housingSheetHeaders = (): string[] => importable.map((c) => c.header);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 16×16 PNG of two colours from `n`: a real picture, a few hundred bytes, the same for the same `n`. */
export function demoPhotoPng(n: number): Buffer {
  const rnd = seededRandom(n * 31 + 7);
  const colour = () => [0, 0, 0].map(() => Math.floor(rnd() * 256));
  const [a, b] = [colour(), colour()];
  const size = 16;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour RGB
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x++) rows.push(...(y < size / 2 ? a! : b!));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}
