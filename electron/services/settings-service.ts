import type { Tx } from '../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import type { Settings, Village } from '../../shared/contract/settings.js';
import { AppError } from '../../shared/domain/app-error.js';
import { villageBelongsTo } from '../../shared/domain/area-code.js';
import { issue } from '../../shared/domain/issue.js';
import { writeAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { insertRecord, updateRecord } from './record-store.js';

const KEYS = { orgCode: 'org_code', orgName: 'org_name' } as const;

export async function getSettings(ctx: ServiceContext): Promise<Settings> {
  const rows = await ctx.db.all<{ key: string; value: string }>('SELECT key, value FROM setting');
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const identity = await ctx.db.get<{ mode: string; code: string | null; name: string | null }>(
    'SELECT mode, county_code AS code, county_name AS name FROM workstation_identity WHERE id = 1',
  );
  return {
    orgCode: map.get(KEYS.orgCode) ?? null,
    orgName: map.get(KEYS.orgName) ?? null,
    county: identity?.mode === 'county' && identity.code && identity.name ? { code: identity.code, name: identity.name } : null,
  };
}

/** The township this workstation belongs to; most writes need it. */
export async function requireTownship(ctx: ServiceContext): Promise<string> {
  const { orgCode } = await getSettings(ctx);
  if (!orgCode) throw new AppError('bad_request', 'orgNotSet');
  return orgCode;
}

export async function putSetting(tx: Tx, ctx: ServiceContext, key: string, value: string): Promise<void> {
  const before = await tx.get<{ value: string }>('SELECT value FROM setting WHERE key = ?', [key]);
  if (before?.value === value) return;
  await tx.run('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
  await writeAudit(tx, ctx, { action: 'setting', table: 'setting', recordId: key, before: before ?? null, after: { value } });
}

export async function updateSettings(ctx: ServiceContext, input: MethodArgs<'settings/update'>): Promise<Settings> {
  await ctx.db.transaction(async (tx) => {
    const villages = await tx.all<{ code: string }>('SELECT code FROM village WHERE deleted_at IS NULL');
    const foreign = villages.find((v) => !villageBelongsTo(v.code, input.orgCode));
    if (foreign) throw AppError.validation([issue('orgCode', 'village.notInTownship', { code: foreign.code, township: input.orgCode })]);
    await putSetting(tx, ctx, KEYS.orgCode, input.orgCode);
    await putSetting(tx, ctx, KEYS.orgName, input.orgName);
  });
  return getSettings(ctx);
}

export async function listVillages(ctx: ServiceContext): Promise<Village[]> {
  return ctx.db.all<Village>(
    `SELECT v.code, v.name,
            (SELECT count(*) FROM household h WHERE h.village_code = v.code AND h.deleted_at IS NULL) AS householdCount
     FROM village v WHERE v.deleted_at IS NULL ORDER BY v.code`,
  );
}

/** Adds or renames one village inside an open transaction; says which it did. */
export async function upsertVillage(tx: Tx, ctx: ServiceContext, township: string, code: string, name: string, field = 'code'): Promise<'added' | 'renamed' | 'unchanged'> {
  if (!villageBelongsTo(code, township)) throw AppError.validation([issue(field, 'village.notInTownship', { code, township })]);
  const existing = await tx.get<{ id: string; name: string; deleted_at: string | null }>('SELECT id, name, deleted_at FROM village WHERE code = ?', [code]);
  if (!existing) {
    await insertRecord(tx, ctx, 'village', { code, name });
    return 'added';
  }
  if (existing.deleted_at !== null) throw new AppError('conflict', 'conflict', { current: 0 });
  const written = await updateRecord(tx, ctx, 'village', existing.id, null, { name });
  return written.changed ? 'renamed' : 'unchanged';
}

export async function saveVillage(ctx: ServiceContext, input: MethodArgs<'villages/save'>): Promise<Village> {
  const township = await requireTownship(ctx);
  await ctx.db.transaction((tx) => upsertVillage(tx, ctx, township, input.code, input.name));
  const village = (await listVillages(ctx)).find((v) => v.code === input.code);
  if (!village) throw new AppError('not_found', 'not_found');
  return village;
}

export type VillageImportResult = MethodOutput<'villages/import'>;
