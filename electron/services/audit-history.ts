/**
 * The history panel: the audit rows of one household and of its members, newest first, each
 * column turned into the contract's field name with before and after. Stamps are left out;
 * personal numbers are masked unless the caller's role may reveal them.
 */
import type { MethodArgs, MethodOutput } from '../../shared/contract/index.js';
import type { HistoryChange, HistoryEntry } from '../../shared/contract/audit.js';
import { maskIdNumber, maskTail } from '../../shared/domain/id-number.js';
import { can } from '../../shared/domain/roles.js';
import type { ServiceContext } from './context.js';

type Output = MethodOutput<'audit/history'>;

interface ColumnSpec {
  field: string;
  kind: HistoryChange['kind'];
  enumName?: string;
  mask?: (value: string) => string;
}

const text = (field: string, mask?: (v: string) => string): ColumnSpec => ({ field, kind: 'text', ...(mask ? { mask } : {}) });
const bool = (field: string): ColumnSpec => ({ field, kind: 'bool' });
const enumOf = (field: string, enumName: string): ColumnSpec => ({ field, kind: 'enum', enumName });

/** The columns a person can read in the history; anything else (stamps, keys) is left out. */
export const HISTORY_COLUMNS: Record<'household' | 'person', Record<string, ColumnSpec>> = {
  household: {
    household_no: text('householdNo'),
    village_code: text('villageCode'),
    status: enumOf('status', 'householdStatus'),
    exit_year: text('exitYear'),
    cause: enumOf('cause', 'povertyCause'),
    dibao: bool('dibao'),
    tekun: bool('tekun'),
    helper_name: text('helperName'),
    helper_unit: text('helperUnit'),
    helper_phone: text('helperPhone'),
    bank_account: text('bankAccount', (v) => maskTail(v)),
    address: text('address'),
    note: text('note'),
    review_state: enumOf('reviewState', 'reviewState'),
    review_reason: text('reason'),
  },
  person: {
    name: text('name'),
    id_number: text('idNumber', maskIdNumber),
    sex: enumOf('sex', 'sex'),
    birth_date: text('birthDate'),
    relation: enumOf('relation', 'relation'),
    health: enumOf('health', 'health'),
    disability_type: enumOf('disabilityType', 'disabilityType'),
    disability_grade: enumOf('disabilityGrade', 'disabilityGrade'),
    labor_ability: enumOf('laborAbility', 'laborAbility'),
    school_status: enumOf('schoolStatus', 'schoolStatus'),
    insured: bool('insured'),
    phone: text('phone', (v) => maskTail(v)),
    removal_reason: enumOf('removalReason', 'removalReason'),
  },
};

/** Enough for years of a household's life; older rows stay in the trail (verify-audit reads them). */
const LIMIT = 500;

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  table_name: 'household' | 'person';
  record_id: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function shown(spec: ColumnSpec, value: unknown, reveal: boolean): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (spec.kind === 'bool') return value === 1 || value === true ? 'true' : 'false';
  const s = String(value);
  return spec.mask && !reveal ? spec.mask(s) : s;
}

/** Before/after per readable column. A deletion keeps its full row in `before`: only the reason shows. */
export function changesOf(row: Pick<AuditRow, 'action' | 'table_name' | 'before_json' | 'after_json'>, reveal: boolean): HistoryChange[] {
  if (row.action !== 'insert' && row.action !== 'update') return [];
  const columns = HISTORY_COLUMNS[row.table_name];
  const before = parse(row.before_json);
  const after = parse(row.after_json);
  const changes: HistoryChange[] = [];
  for (const [column, spec] of Object.entries(columns)) {
    if (!(column in after)) continue;
    const from = row.action === 'insert' ? null : shown(spec, before[column], reveal);
    const to = shown(spec, after[column], reveal);
    if (from === to) continue;
    changes.push({ field: spec.field, kind: spec.kind, enumName: spec.enumName ?? null, before: from, after: to });
  }
  return changes;
}

export async function recordHistory(ctx: ServiceContext, input: MethodArgs<'audit/history'>): Promise<Output> {
  // Members deleted since still have their history: all persons ever in the household.
  const persons = await ctx.db.all<{ id: string; name: string }>('SELECT id, name FROM person WHERE household_id = ?', [input.id]);
  const names = new Map(persons.map((p) => [p.id, p.name]));
  const personIds = persons.map((p) => p.id);
  const rows = await ctx.db.all<AuditRow>(
    `SELECT seq, at, actor, action, table_name, record_id, before_json, after_json, reason FROM audit_log
     WHERE action IN ('insert', 'update', 'delete', 'reveal')
       AND ((table_name = 'household' AND record_id = ?)${personIds.length ? ` OR (table_name = 'person' AND record_id IN (${personIds.map(() => '?').join(', ')}))` : ''})
     ORDER BY seq DESC LIMIT ?`,
    [input.id, ...personIds, LIMIT + 1],
  );
  const reveal = can(ctx.account?.role ?? null, 'reveal');
  const entries: HistoryEntry[] = rows.slice(0, LIMIT).map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as HistoryEntry['action'],
    table: row.table_name,
    subject: row.table_name === 'person' ? (names.get(row.record_id) ?? null) : null,
    reason: row.reason,
    changes: changesOf(row, reveal),
  }));
  return { entries, truncated: rows.length > LIMIT };
}
