/**
 * Realistic synthetic households for demos and load tests: Chinese names, valid ID numbers in
 * this township's county, villages, mixed statuses. Deterministic from a seed. Written through
 * the same service path as the editor (row versions, audit), in batches of one transaction.
 */
import { enums } from '../../shared/domain/enums.js';
import { idCheckChar, parseIdNumber } from '../../shared/domain/id-number.js';
import { validateHousehold } from '../../shared/domain/household-rules.js';
import { householdDraft, memberDraft, type MemberDraft } from '../../shared/contract/households.js';
import { AppError } from '../../shared/domain/app-error.js';
import type { ServiceContext } from './context.js';
import { writeHousehold } from './household-service.js';
import { requireTownship, upsertVillage } from './settings-service.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '秀英桂芳玉兰建华国强志明春梅海燕红霞金凤丽娟文军永刚德福长林振华淑珍凤英明亮晓东子涵雨轩浩然欣怡俊杰佳怡';
const VILLAGE_NAMES = ['张庄', '李楼', '王屯', '后寨', '前街', '东关', '西营', '南园', '北洼', '河沿', '柳林', '杏花'];

/** Head, spouse and at most two children: a township of N households has at most 4N people. */
export const MAX_MEMBERS_PER_HOUSEHOLD = 4;

/** Provinces people of the register may be born in, after the township's own. */
const OTHER_PROVINCES = ['41', '13', '32', '34', '21', '44', '51', '42', '43', '14', '61', '62', '22', '23', '35', '36', '45', '50', '52', '53'];

/**
 * The area code (first six digits) of the `block`-th hundred people: block 0 is born in the
 * township's own county, later blocks elsewhere in the province, then in other provinces. One
 * block, one area code: with the serial's last two digits that makes every ID number unique.
 */
export function birthArea(township: string, block: number): string {
  const local = township.slice(0, 6);
  if (block === 0) return local;
  const round = Math.floor(block / 10_000);
  const others = OTHER_PROVINCES.filter((p) => p !== local.slice(0, 2));
  const province = round === 0 ? local.slice(0, 2) : others[(round - 1) % others.length]!;
  const code = province + String(block % 10_000).padStart(4, '0');
  // The block that would repeat the county's own code takes the otherwise unused ..0000.
  return code === local ? `${province}0000` : code;
}

/** mulberry32: a tiny seeded generator, so the same seed gives the same county. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  households: number;
  seed?: number;
  /**
   * Where this township's people start in a county-wide numbering of the demo's ID numbers:
   * townships given ranges that do not overlap (MAX_MEMBERS_PER_HOUSEHOLD × households apart)
   * get ID numbers unique across the county, as the county's import requires.
   */
  personSerialBase?: number;
  batchSize?: number;
  onProgress?: (done: number) => void;
}

export async function generateDemoData(ctx: ServiceContext, options: DemoOptions): Promise<{ households: number; persons: number; villages: number }> {
  const township = await requireTownship(ctx);
  const rnd = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const villages = await ctx.db.all<{ code: string }>('SELECT code FROM village WHERE deleted_at IS NULL');
  if (villages.length === 0) {
    await ctx.db.transaction(async (tx) => {
      for (const [i, name] of VILLAGE_NAMES.slice(0, 8).entries()) {
        const code = `${township}${String(201 + i).padStart(3, '0')}`;
        await upsertVillage(tx, ctx, township, code, `${name}村`);
        villages.push({ code });
      }
    });
  }
  const existing = await ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM household');
  let serial = (existing?.n ?? 0) * 8;
  const name = (surname: string) => surname + pick([...GIVEN]) + (rnd() < 0.6 ? pick([...GIVEN]) : '');
  const idFor = (birthYear: number, male: boolean) => {
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    serial++;
    // Two digits of the serial plus the sex digit; past the first hundred people the area code
    // varies too (born elsewhere), so every number is unique whatever the dates.
    const person = (options.personSerialBase ?? 0) + serial;
    const area = birthArea(township, Math.floor(person / 100));
    const sexDigit = 2 * Math.floor(rnd() * 5) + (male ? 1 : 0);
    const first17 = `${area}${birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(person % 100).padStart(2, '0')}${sexDigit}`;
    return first17 + idCheckChar(first17);
  };

  let persons = 0;
  const batch = options.batchSize ?? 500;
  const thisYear = ctx.now().getUTCFullYear();
  for (let start = 0; start < options.households; start += batch) {
    await ctx.db.transaction(async (tx) => {
      for (let i = start; i < Math.min(options.households, start + batch); i++) {
        const surname = pick([...SURNAMES]);
        const headYear = thisYear - 30 - Math.floor(rnd() * 50);
        const members: MemberDraft[] = [memberDraft.parse({ name: name(surname), idNumber: idFor(headYear, true), relation: 'head', health: pick(['healthy', 'chronic', 'serious', 'healthy']), laborAbility: 'normal', phone: `13${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}` })];
        if (rnd() < 0.8) members.push(memberDraft.parse({ name: name(pick([...SURNAMES])), idNumber: idFor(headYear + Math.floor(rnd() * 5), false), relation: 'spouse' }));
        const children = Math.floor(rnd() * 3);
        for (let c = 0; c < children; c++) {
          const male = rnd() < 0.5;
          const year = Math.min(thisYear - 1, headYear + 22 + Math.floor(rnd() * 10));
          members.push(memberDraft.parse({ name: name(surname), idNumber: idFor(year, male), relation: male ? 'son' : 'daughter', schoolStatus: thisYear - year < 18 ? 'primary' : 'not_in_school' }));
        }
        if (rnd() < 0.1) {
          members[0] = { ...members[0]!, health: 'disabled', disabilityType: pick(enums.disabilityType), disabilityGrade: pick(enums.disabilityGrade) };
        }
        const village = pick(villages).code;
        const draft = householdDraft.parse({
          householdNo: `${township}${String(serial).padStart(7, '0')}`, villageCode: village,
          status: pick(enums.householdStatus), cause: pick(enums.povertyCause), exitYear: rnd() < 0.6 ? 2016 + Math.floor(rnd() * 5) : null,
          dibao: rnd() < 0.3, tekun: rnd() < 0.05, helperName: name(pick([...SURNAMES])), helperUnit: '镇政府',
        });
        const today = ctx.now().toISOString().slice(0, 10);
        const issues = validateHousehold(draft, members, today);
        if (issues.length > 0) throw AppError.validation(issues);
        const facts = members.map((m) => {
          const parsed = parseIdNumber(m.idNumber, '', today);
          if (!parsed.ok) throw AppError.validation([parsed.issue]);
          return parsed.value;
        });
        await writeHousehold(tx, ctx, draft, members, facts);
        persons += members.length;
      }
    });
    options.onProgress?.(Math.min(options.households, start + batch));
  }
  return { households: options.households, persons, villages: villages.length };
}
