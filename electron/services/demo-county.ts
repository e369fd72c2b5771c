/**
 * A whole county for demos and the county-scale benchmarks (`taizhang demo --county`): 20
 * townships, each its own workstation and SQLite file, and a county workstation that imports
 * their upload packages. Deterministic from a seed; `scale` shrinks every count for quick runs.
 *
 * Everything is written the way the product writes it: households through the register's
 * service, medical claims, school aid, housing repairs and water records through the ledgers'
 * checked sheet imports (demo-county-ledgers.ts), review through the review service, packages
 * exported and imported by the package code.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatch } from '../api/dispatch.js';
import { openWorkstation, type Workstation } from '../app/workstation.js';
import type { ReviewableTable } from '../../shared/contract/review.js';
import type { PolicyYearRules } from '../../shared/domain/medical/policy.js';
import { writeCsv } from '../sheets/write-sheet.js';
import { exportPackage } from '../sync/export-package.js';
import { setupCounty } from '../sync/identity.js';
import { importPackages } from '../sync/import-package.js';
import { exportKeyFile, importKeyFile } from '../sync/key-files.js';
import { COUNTY_CLAIM_YEARS, countyClaimRows, medicalSheetHeaders, type Claimant } from './demo-county-claims.js';
import { importHousingRepairs, importSchoolAid, importWater } from './demo-county-ledgers.js';
import { generateDemoData, MAX_MEMBERS_PER_HOUSEHOLD } from './demo-data.js';
import { loadPolicyYear } from './medical-policy.js';
import { commitMedicalImport } from './medical/medical-sheet-import.js';
import { reviewRecords } from './review/review-service.js';

/** Per township, from issue 7. People follow from the households (about 2.8 a household). */
export const TOWNSHIP_VOLUME = {
  households: 3_000, persons: 9_000, medicalClaims: 20_000, schoolAid: 2_500, housingRepairs: 300, waterAssessments: 3_000, waterTests: 500,
} as const;

export const DEMO_COUNTY = { code: '371502', name: '示例县' } as const;
const TOWNSHIP_NAMES = ['城关镇', '东关镇', '西关镇', '南关镇', '北关镇', '柳林镇', '杏花镇', '河沿镇', '张庄镇', '李楼镇',
  '王屯镇', '后寨镇', '前街镇', '东营镇', '西营镇', '南园镇', '北洼镇', '白塔镇', '青山镇', '石桥镇'];

export interface CountyOptions {
  dir: string;
  seed?: number;
  /** Fraction of the volume (0 < scale ≤ 1). */
  scale?: number;
  townships?: number;
  /** Stop after the townships' packages are written (the benchmarks time the county import). */
  skipCountyImport?: boolean;
  onProgress?: (line: string) => void;
}

export interface TownshipSummary {
  code: string;
  name: string;
  file: string;
  households: number;
  persons: number;
  medicalClaims: number;
  schoolAid: number;
  housingRepairs: number;
  housingPhotos: number;
  waterSupplies: number;
  waterAssessments: number;
  /** Assessments a failed later test of their supply marked for re-assessment. */
  waterReassessments: number;
  waterTests: number;
  waterTestsFailed: number;
  /** Records of the reviewed ledgers now approved: every one of them. */
  approved: number;
  packageFile: string;
  packageRecords: number;
  exportSeconds: number;
}

export interface CountySummary {
  countyFile: string;
  packageDir: string;
  townships: TownshipSummary[];
  imported: { packages: number; accepted: number; rejected: number; conflicts: number; seconds: number } | null;
}

export function townshipCode(index: number): string {
  return `${DEMO_COUNTY.code}${String(100 + index).padStart(3, '0')}`;
}

const scaled = (n: number, scale: number) => Math.max(1, Math.round(n * scale));

async function call(w: Workstation, method: 'settings/update', input: { orgCode: string; orgName: string }): Promise<void> {
  const response = await dispatch(w.ctx, method, input);
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
}

/** The township's claims as the standard sheet, through the checked import (one transaction). */
async function importClaims(w: Workstation, count: number, seed: number, invoicePrefix: string): Promise<number> {
  const people = await w.db.all<{ idNumber: string; name: string }>(
    'SELECT id_number AS idNumber, name FROM person WHERE deleted_at IS NULL ORDER BY id_number',
  );
  const rules = new Map<number, PolicyYearRules>();
  for (const year of COUNTY_CLAIM_YEARS) {
    const r = await loadPolicyYear(w.db.reader, year);
    if (r) rules.set(year, r);
  }
  const rows = [...countyClaimRows(people as Claimant[], { count, seed, invoicePrefix, rules })];
  const csv = writeCsv(medicalSheetHeaders(), rows);
  const result = await commitMedicalImport(w.ctx, { kind: 'medical', fileName: 'claims.csv', contentBase64: csv.toString('base64'), skipInvalid: false });
  if (!result.committed) throw new Error(`demo claims refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.records?.added ?? 0;
}

/** Submits and approves every draft of `table`, a few thousand records to a transaction. */
export async function approveAll(w: Workstation, table: ReviewableTable, sqlTable: string = table): Promise<number> {
  const drafts = await w.db.all<{ id: string }>(`SELECT id FROM ${sqlTable} WHERE review_state = 'draft' AND deleted_at IS NULL ORDER BY id`);
  let approved = 0;
  for (let i = 0; i < drafts.length; i += 5_000) {
    const ids = drafts.slice(i, i + 5_000).map((d) => d.id);
    await reviewRecords(w.ctx, 'submit', { table, ids });
    approved += (await reviewRecords(w.ctx, 'approve', { table, ids })).done;
  }
  return approved;
}

export interface TownshipOptions {
  index: number;
  seed: number;
  scale: number;
}

/** The ledgers whose records are reviewed, each approved in full so everything goes up. */
const REVIEWED: readonly ReviewableTable[] = ['household', 'medical_claim', 'school_aid', 'housing_repair', 'water_assessment', 'water_test'];

/** One township workstation with its register and every ledger, all approved so they go up. */
export async function generateTownship(file: string, o: TownshipOptions): Promise<Workstation> {
  const w = await openWorkstation(file, { actor: 'demo' });
  const seed = o.seed * 1000 + o.index;
  const names = { townshipName: TOWNSHIP_NAMES[o.index % TOWNSHIP_NAMES.length]!, countyName: DEMO_COUNTY.name };
  await call(w, 'settings/update', { orgCode: townshipCode(o.index), orgName: names.townshipName });
  // Each township numbers its people in its own range, so ID numbers are unique county-wide.
  const personSerialBase = o.index * TOWNSHIP_VOLUME.households * MAX_MEMBERS_PER_HOUSEHOLD;
  await generateDemoData(w.ctx, { households: scaled(TOWNSHIP_VOLUME.households, o.scale), seed, personSerialBase });
  await importClaims(w, scaled(TOWNSHIP_VOLUME.medicalClaims, o.scale), seed, `T${String(o.index).padStart(2, '0')}-`);
  await importSchoolAid(w, scaled(TOWNSHIP_VOLUME.schoolAid, o.scale), seed, names);
  await importHousingRepairs(w, scaled(TOWNSHIP_VOLUME.housingRepairs, o.scale), seed, names);
  await importWater(w, { assessments: scaled(TOWNSHIP_VOLUME.waterAssessments, o.scale), tests: scaled(TOWNSHIP_VOLUME.waterTests, o.scale) }, seed, names);
  for (const table of REVIEWED) await approveAll(w, table);
  return w;
}

type LedgerCounts = Omit<TownshipSummary, 'code' | 'name' | 'file' | 'packageFile' | 'packageRecords' | 'exportSeconds'>;

async function countLedgers(w: Workstation): Promise<LedgerCounts> {
  const live = (table: string, where = '1') => `(SELECT count(*) FROM ${table} WHERE deleted_at IS NULL AND ${where})`;
  const counts = await w.db.get<LedgerCounts>(
    `SELECT ${live('household')} AS households, ${live('person')} AS persons, ${live('medical_claim')} AS medicalClaims,
            ${live('school_aid')} AS schoolAid, ${live('housing_repair')} AS housingRepairs, ${live('housing_photo')} AS housingPhotos,
            ${live('water_supply')} AS waterSupplies, ${live('water_assessment')} AS waterAssessments,
            ${live('water_assessment', 'needs_reassessment = 1')} AS waterReassessments, ${live('water_test')} AS waterTests,
            ${live('water_test', 'passed = 0')} AS waterTestsFailed,
            ${REVIEWED.map((t) => live(t, "review_state = 'approved'")).join(' + ')} AS approved`,
  );
  return counts!;
}

const describe = (c: LedgerCounts) =>
  `${c.households} 户 ${c.persons} 人，医疗报销 ${c.medicalClaims} 条，教育资助 ${c.schoolAid} 条，危房改造 ${c.housingRepairs} 户（照片 ${c.housingPhotos} 张），`
  + `饮水评价 ${c.waterAssessments} 户（待复评 ${c.waterReassessments}），水质检测 ${c.waterTests} 次（不合格 ${c.waterTestsFailed}）`;

export async function generateCounty(options: CountyOptions): Promise<CountySummary> {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const count = options.townships ?? 20;
  if (!(scale > 0 && scale <= 1)) throw new RangeError('scale must be in (0, 1]');
  const say = options.onProgress ?? (() => undefined);
  await mkdir(options.dir, { recursive: true });
  const packageDir = join(options.dir, 'packages');
  await rm(packageDir, { recursive: true, force: true });
  const countyFile = join(options.dir, 'county.sqlite');
  await rm(countyFile, { force: true });
  const county = await openWorkstation(countyFile, { actor: 'demo' });
  const townships: TownshipSummary[] = [];
  try {
    await setupCounty(county.ctx, DEMO_COUNTY.code, DEMO_COUNTY.name);
    const countyKey = await exportKeyFile(county.ctx);
    for (let i = 0; i < count; i++) {
      const file = join(options.dir, `township-${String(i + 1).padStart(2, '0')}.sqlite`);
      await rm(file, { force: true });
      const started = Date.now();
      const w = await generateTownship(file, { index: i, seed, scale });
      try {
        const key = await exportKeyFile(w.ctx);
        await importKeyFile(county.ctx, key.content, key.fileName);
        await importKeyFile(w.ctx, countyKey.content, countyKey.fileName);
        const counts = await countLedgers(w);
        const exportStarted = Date.now();
        const pkg = await exportPackage(w.ctx, { outDir: packageDir });
        townships.push({
          code: townshipCode(i), name: TOWNSHIP_NAMES[i % TOWNSHIP_NAMES.length]!, file, ...counts, packageFile: pkg.path, packageRecords: pkg.records,
          exportSeconds: (Date.now() - exportStarted) / 1000,
        });
        say(`${townshipCode(i)}: ${describe(counts)}；数据包 ${pkg.records} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      } finally {
        await w.close();
      }
    }
    let imported: CountySummary['imported'] = null;
    if (!options.skipCountyImport) {
      const started = Date.now();
      const outcomes = await importPackages(county.ctx, townships.map((t) => t.packageFile));
      const refused = outcomes.filter((o) => o.status !== 'imported');
      if (refused.length > 0) throw new Error(`county refused packages: ${JSON.stringify(refused.map((r) => r.refusal))}`);
      const sum = (key: 'accepted' | 'rejected' | 'conflicts') => outcomes.reduce((n, o) => n + (o.result?.counts[key] ?? 0), 0);
      imported = { packages: outcomes.length, accepted: sum('accepted'), rejected: sum('rejected'), conflicts: sum('conflicts'), seconds: (Date.now() - started) / 1000 };
      say(`县：导入 ${outcomes.length} 个数据包，接收 ${imported.accepted} 条、拒收 ${imported.rejected} 条、冲突 ${imported.conflicts} 条，用时 ${imported.seconds.toFixed(1)} 秒`);
    }
    return { countyFile, packageDir, townships, imported };
  } finally {
    await county.close();
  }
}
