/**
 * Reads a policy year's medical rules (medical_policy_year / _layer / _rate, live rows only) into
 * the shape the pure calculator takes. Works on the database, its reader, or a transaction.
 */
import type { Connection } from '../db/driver.js';
import { isEnumValue, type VisitType } from '../../shared/domain/enums.js';
import type { LayerRate, PolicyLayerRule, PolicyYearRules } from '../../shared/domain/medical/policy.js';

export type Queryable = Pick<Connection, 'all' | 'get'>;

interface YearRow {
  year: number;
  personal_share_ceiling_bp: number;
  note: string | null;
}

interface LayerRow {
  id: string;
  position: number;
  layer_code: string;
  base: string;
  deductible_fen: number;
  deductible_scope: string;
  ratio_bp: number;
  annual_cap_fen: number | null;
  visit_types: string;
}

interface RateRow {
  layer_id: string;
  visit_type: string | null;
  hospital_level: string | null;
  deductible_fen: number;
  ratio_bp: number;
}

function corrupt(what: string, value: unknown): Error {
  return new Error(`medical policy: invalid ${what}: ${JSON.stringify(value)}`);
}

function parseVisitTypes(raw: string): VisitType[] {
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string' && isEnumValue('visitType', v))) {
    throw corrupt('visit_types', raw);
  }
  return parsed as VisitType[];
}

function toRate(row: RateRow): LayerRate {
  if (row.visit_type !== null && !isEnumValue('visitType', row.visit_type)) throw corrupt('visit_type', row.visit_type);
  if (row.hospital_level !== null && !isEnumValue('hospitalLevel', row.hospital_level)) throw corrupt('hospital_level', row.hospital_level);
  return { visitType: row.visit_type, hospitalLevel: row.hospital_level, deductibleFen: row.deductible_fen, ratioBp: row.ratio_bp };
}

function toLayer(row: LayerRow, rates: LayerRate[]): PolicyLayerRule {
  if (!isEnumValue('medicalLayer', row.layer_code)) throw corrupt('layer_code', row.layer_code);
  if (!isEnumValue('medicalLayerBase', row.base)) throw corrupt('base', row.base);
  if (!isEnumValue('deductibleScope', row.deductible_scope)) throw corrupt('deductible_scope', row.deductible_scope);
  return {
    position: row.position,
    code: row.layer_code,
    base: row.base,
    deductibleFen: row.deductible_fen,
    deductibleScope: row.deductible_scope,
    ratioBp: row.ratio_bp,
    annualCapFen: row.annual_cap_fen,
    visitTypes: parseVisitTypes(row.visit_types),
    rates,
  };
}

/** The live policy years, oldest first. */
export async function listPolicyYears(conn: Queryable): Promise<number[]> {
  const rows = await conn.all<{ year: number }>('SELECT year FROM medical_policy_year WHERE deleted_at IS NULL ORDER BY year');
  return rows.map((r) => r.year);
}

/** The rules of `year`, layers in position order; null when the year has no live row. */
export async function loadPolicyYear(conn: Queryable, year: number): Promise<PolicyYearRules | null> {
  const yearRow = await conn.get<YearRow>(
    'SELECT year, personal_share_ceiling_bp, note FROM medical_policy_year WHERE year = ? AND deleted_at IS NULL', [year],
  );
  if (!yearRow) return null;
  const layerRows = await conn.all<LayerRow>(
    `SELECT id, position, layer_code, base, deductible_fen, deductible_scope, ratio_bp, annual_cap_fen, visit_types
     FROM medical_policy_layer WHERE year = ? AND deleted_at IS NULL ORDER BY position`, [year],
  );
  const rateRows = await conn.all<RateRow>(
    `SELECT r.layer_id, r.visit_type, r.hospital_level, r.deductible_fen, r.ratio_bp
     FROM medical_policy_rate r JOIN medical_policy_layer l ON l.id = r.layer_id
     WHERE l.year = ? AND l.deleted_at IS NULL AND r.deleted_at IS NULL
     ORDER BY r.layer_id, r.visit_type, r.hospital_level`, [year],
  );
  const ratesByLayer = new Map<string, LayerRate[]>();
  for (const row of rateRows) {
    const list = ratesByLayer.get(row.layer_id) ?? [];
    list.push(toRate(row));
    ratesByLayer.set(row.layer_id, list);
  }
  return {
    year: yearRow.year,
    personalShareCeilingBp: yearRow.personal_share_ceiling_bp,
    note: yearRow.note,
    layers: layerRows.map((row) => toLayer(row, ratesByLayer.get(row.id) ?? [])),
  };
}
