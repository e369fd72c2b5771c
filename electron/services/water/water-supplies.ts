/** The supplies households draw from, per village. */
import type { Connection } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { villageBelongsTo } from '../../../shared/domain/area-code.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import type { ServiceContext } from '../context.js';
import { insertRecord, updateRecord } from '../record-store.js';
import { requireTownship } from '../settings-service.js';
import { supplyValues, toSupply, type SupplyRecord } from './water-mapping.js';

const SUPPLY_SELECT = `
SELECT s.*, COALESCE(v.name, s.village_code) AS village_name,
       lt.id AS latest_test_id, lt.sampled_on AS latest_test_on, lt.passed AS latest_test_passed
FROM water_supply s
LEFT JOIN village v ON v.code = s.village_code
LEFT JOIN water_test lt ON lt.id = (SELECT t.id FROM water_test t WHERE t.supply_id = s.id AND t.deleted_at IS NULL
                                    ORDER BY t.sampled_on DESC, t.created_at DESC LIMIT 1)
WHERE s.deleted_at IS NULL`;

export async function listSupplies(ctx: ServiceContext, input: MethodArgs<'water/supplies/list'>): Promise<MethodOutput<'water/supplies/list'>> {
  const rows = input.villageCode
    ? await ctx.db.all<SupplyRecord>(`${SUPPLY_SELECT} AND s.village_code = ? ORDER BY s.village_code, s.name`, [input.villageCode])
    : await ctx.db.all<SupplyRecord>(`${SUPPLY_SELECT} ORDER BY s.village_code, s.name`);
  return { supplies: rows.map(toSupply) };
}

/** Supplies by name within the township ("张庄水厂", or "张庄村/张庄水厂" when names repeat): for imports. */
export async function supplyResolver(conn: Connection): Promise<(raw: string) => string | undefined> {
  const rows = await conn.all<{ id: string; name: string; village_name: string }>(
    `SELECT s.id, s.name, COALESCE(v.name, s.village_code) AS village_name FROM water_supply s
     LEFT JOIN village v ON v.code = s.village_code WHERE s.deleted_at IS NULL`,
  );
  const byName = new Map<string, string | null>();
  for (const r of rows) {
    byName.set(r.name, byName.has(r.name) ? null : r.id);
    byName.set(`${r.village_name}/${r.name}`, r.id);
  }
  return (raw) => byName.get(raw.trim().replace(/／/g, '/')) ?? undefined;
}

export async function saveSupply(ctx: ServiceContext, input: MethodArgs<'water/supplies/save'>): Promise<{ id: string; rowVersion: number }> {
  const township = await requireTownship(ctx);
  return ctx.db.transaction(async (tx) => {
    const issues: FieldIssue[] = [];
    const village = await tx.get('SELECT code FROM village WHERE code = ? AND deleted_at IS NULL', [input.villageCode]);
    if (!village || !villageBelongsTo(input.villageCode, township)) issues.push(issue('villageCode', 'village.unknown', { value: input.villageCode }));
    const same = await tx.get<{ id: string }>('SELECT id FROM water_supply WHERE village_code = ? AND name = ? AND deleted_at IS NULL', [input.villageCode, input.name]);
    if (same && same.id !== input.id) issues.push(issue('supplyName', 'water.supplyNameTaken', { name: input.name }));
    if (issues.length > 0) throw AppError.validation(issues);
    const written = input.id
      ? await updateRecord(tx, ctx, 'water_supply', input.id, input.rowVersion ?? null, supplyValues(input))
      : await insertRecord(tx, ctx, 'water_supply', supplyValues(input));
    return { id: written.id, rowVersion: written.rowVersion };
  });
}
