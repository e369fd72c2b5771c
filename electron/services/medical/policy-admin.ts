/**
 * An administrator's view and edit of a policy year's rules. Saving diffs the submitted rules
 * against the live rows (layers by code, rates by visit type and hospital level), so the audit
 * trail shows exactly which figure changed and who changed it.
 */
import type { Tx } from '../../db/driver.js';
import type { MethodArgs, MethodOutput } from '../../../shared/contract/index.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import type { ServiceContext } from '../context.js';
import { listPolicyYears, loadPolicyYear, type Queryable } from '../medical-policy.js';
import { insertRecord, tombstoneRecord, updateRecord } from '../record-store.js';

type Rules = MethodArgs<'medical/policy/save'>['rules'];
type Layer = Rules['layers'][number];
type Output = MethodOutput<'medical/policy/get'>;

export async function getPolicy(conn: Queryable, year: number | null): Promise<Output> {
  const years = await listPolicyYears(conn);
  const wanted = year ?? years.at(-1) ?? null;
  if (wanted === null) return { years, rules: null };
  const rules = await loadPolicyYear(conn, wanted);
  const stamp = await conn.get<{ row_version: number; updated_at: string; updated_by: string }>(
    'SELECT row_version, updated_at, updated_by FROM medical_policy_year WHERE year = ? AND deleted_at IS NULL', [wanted],
  );
  if (!rules || !stamp) return { years, rules: null };
  return {
    years,
    rules: {
      year: rules.year, personalShareCeilingBp: rules.personalShareCeilingBp, note: rules.note ?? null,
      layers: rules.layers.map((l) => ({ ...l, visitTypes: [...l.visitTypes], rates: [...l.rates] })),
      rowVersion: stamp.row_version, updatedAt: stamp.updated_at, updatedBy: stamp.updated_by,
    },
  };
}

/** Positions 1..n without gaps, each layer once, each rate key once per layer. */
export function policyIssues(rules: Rules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const positions = rules.layers.map((l) => l.position).sort((a, b) => a - b);
  if (positions.some((p, i) => p !== i + 1)) issues.push(issue('layers', 'medical.policyPositions', { count: rules.layers.length }));
  const seen = new Set<string>();
  for (const [i, l] of rules.layers.entries()) {
    if (seen.has(l.code)) issues.push(issue(`layers.${i}.code`, 'medical.policyDuplicateLayer'));
    seen.add(l.code);
    const keys = new Set<string>();
    for (const [j, r] of l.rates.entries()) {
      const key = `${r.visitType}|${r.hospitalLevel}`;
      if (keys.has(key)) issues.push(issue(`layers.${i}.rates.${j}`, 'medical.policyDuplicateRate'));
      keys.add(key);
    }
  }
  return issues;
}

interface LayerRow { id: string; layer_code: string; position: number }
interface RateRow { id: string; visit_type: string | null; hospital_level: string | null }

function layerValues(l: Layer) {
  return {
    position: l.position, layer_code: l.code, base: l.base, deductible_fen: l.deductibleFen, deductible_scope: l.deductibleScope,
    ratio_bp: l.ratioBp, annual_cap_fen: l.annualCapFen, visit_types: JSON.stringify(l.visitTypes),
  };
}

async function writeRates(tx: Tx, ctx: ServiceContext, layerId: string, rates: Layer['rates']): Promise<void> {
  const live = await tx.all<RateRow>('SELECT id, visit_type, hospital_level FROM medical_policy_rate WHERE layer_id = ? AND deleted_at IS NULL', [layerId]);
  const byKey = new Map(live.map((r) => [`${r.visit_type}|${r.hospital_level}`, r]));
  for (const rate of rates) {
    const key = `${rate.visitType}|${rate.hospitalLevel}`;
    const values = { visit_type: rate.visitType, hospital_level: rate.hospitalLevel, deductible_fen: rate.deductibleFen, ratio_bp: rate.ratioBp };
    const existing = byKey.get(key);
    if (existing) {
      await updateRecord(tx, ctx, 'medical_policy_rate', existing.id, null, values);
      byKey.delete(key);
    } else {
      await insertRecord(tx, ctx, 'medical_policy_rate', { layer_id: layerId, ...values });
    }
  }
  for (const gone of byKey.values()) await tombstoneRecord(tx, ctx, 'medical_policy_rate', gone.id, null, null);
}

async function dropLayer(tx: Tx, ctx: ServiceContext, layerId: string): Promise<void> {
  await writeRates(tx, ctx, layerId, []);
  await tombstoneRecord(tx, ctx, 'medical_policy_layer', layerId, null, null);
}

export async function savePolicy(ctx: ServiceContext, input: MethodArgs<'medical/policy/save'>): Promise<Output> {
  const { rules } = input;
  const problems = policyIssues(rules);
  if (problems.length > 0) throw AppError.validation(problems);
  await ctx.db.transaction(async (tx) => {
    const yearRow = await tx.get<{ id: string }>('SELECT id FROM medical_policy_year WHERE year = ? AND deleted_at IS NULL', [rules.year]);
    const yearValues = { personal_share_ceiling_bp: rules.personalShareCeilingBp, note: rules.note };
    // The year's version covers its layers, so two administrators editing one year conflict.
    if (yearRow) await updateRecord(tx, ctx, 'medical_policy_year', yearRow.id, input.rowVersion, yearValues, true);
    else await insertRecord(tx, ctx, 'medical_policy_year', { year: rules.year, ...yearValues });

    const live = await tx.all<LayerRow>('SELECT id, layer_code, position FROM medical_policy_layer WHERE year = ? AND deleted_at IS NULL', [rules.year]);
    const wanted = new Map(rules.layers.map((l) => [l.code, l]));
    // A layer that moves is replaced: positions are unique among live layers, so an update
    // could collide with a layer that has not moved out of the way yet.
    const kept = new Map<string, LayerRow>();
    for (const row of live) {
      const target = wanted.get(row.layer_code as Layer['code']);
      if (target && target.position === row.position) kept.set(row.layer_code, row);
      else await dropLayer(tx, ctx, row.id);
    }
    for (const layer of [...rules.layers].sort((a, b) => a.position - b.position)) {
      const existing = kept.get(layer.code);
      const id = existing
        ? (await updateRecord(tx, ctx, 'medical_policy_layer', existing.id, null, layerValues(layer))).id
        : (await insertRecord(tx, ctx, 'medical_policy_layer', { year: rules.year, ...layerValues(layer) })).id;
      await writeRates(tx, ctx, id, layer.rates);
    }
  });
  return getPolicy(ctx.db.reader, rules.year);
}
