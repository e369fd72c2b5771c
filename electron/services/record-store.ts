/**
 * Inserts, updates and tombstones for every ledger table, each with its audit row in the same
 * transaction, a row version for optimistic locking, and who/when stamps. Table and column
 * names come from service code, never from input.
 */
import { v7 as uuidv7 } from 'uuid';
import type { SqlValue, Tx } from '../db/driver.js';
import { AppError } from '../../shared/domain/app-error.js';
import { writeAudit } from './audit.js';
import { nowIso, type ServiceContext } from './context.js';
import { changeStamp } from '../db/change-seq.js';

export type Values = Record<string, SqlValue>;

const STAMP_COLUMNS = new Set(['row_version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted_at', 'change_seq']);
/** Kept out of the audit trail: it records that they changed, not what they became. */
const REDACTED_COLUMNS = new Set(['password_hash']);

function forAudit(values: Values): Values {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, REDACTED_COLUMNS.has(k) && v !== null ? '[redacted]' : v]));
}

export function newRecordId(): string {
  return uuidv7();
}

export interface Written {
  id: string;
  rowVersion: number;
  changed: boolean;
}

export async function insertRecord(tx: Tx, ctx: ServiceContext, table: string, values: Values): Promise<Written> {
  const at = nowIso(ctx);
  const row: Values = { id: newRecordId(), ...values, row_version: 1, created_at: at, created_by: ctx.actor, updated_at: at, updated_by: ctx.actor };
  const stamped: Values = { ...row, ...(await changeStamp(tx, table)) };
  const columns = Object.keys(stamped);
  await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, Object.values(stamped));
  await writeAudit(tx, ctx, { action: 'insert', table, recordId: String(row.id), before: null, after: forAudit(row) });
  return { id: String(row.id), rowVersion: 1, changed: true };
}

async function liveRow(tx: Tx, table: string, id: string, expectedVersion: number | null): Promise<Values> {
  const before = await tx.get<Values>(`SELECT * FROM ${table} WHERE id = ?`, [id]);
  if (!before || before.deleted_at !== null) throw new AppError('not_found', 'not_found', { table });
  if (expectedVersion !== null && before.row_version !== expectedVersion) {
    throw new AppError('conflict', 'conflict', { current: Number(before.row_version), expected: expectedVersion });
  }
  return before;
}

/** Writes only when something differs; `force` bumps the version anyway (a child changed). */
export async function updateRecord(
  tx: Tx, ctx: ServiceContext, table: string, id: string, expectedVersion: number | null, values: Values, force = false,
): Promise<Written> {
  const before = await liveRow(tx, table, id, expectedVersion);
  const changes = Object.fromEntries(Object.entries(values).filter(([k, v]) => !STAMP_COLUMNS.has(k) && before[k] !== v));
  const version = Number(before.row_version);
  if (Object.keys(changes).length === 0 && !force) return { id, rowVersion: version, changed: false };
  const at = nowIso(ctx);
  const set: Values = { ...changes, row_version: version + 1, updated_at: at, updated_by: ctx.actor, ...(await changeStamp(tx, table)) };
  await tx.run(
    `UPDATE ${table} SET ${Object.keys(set).map((k) => `${k} = ?`).join(', ')} WHERE id = ?`,
    [...Object.values(set), id],
  );
  const beforeChanged = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k] ?? null]));
  await writeAudit(tx, ctx, { action: 'update', table, recordId: id, before: forAudit(beforeChanged), after: forAudit(changes) });
  return { id, rowVersion: version + 1, changed: true };
}

/** A tombstone, never a DELETE: packages carry deletions to the county. */
export async function tombstoneRecord(
  tx: Tx, ctx: ServiceContext, table: string, id: string, expectedVersion: number | null, reason: string | null,
): Promise<void> {
  const before = await liveRow(tx, table, id, expectedVersion);
  const at = nowIso(ctx);
  const { change_seq: seq } = await changeStamp(tx, table);
  await tx.run(
    `UPDATE ${table} SET deleted_at = ?, row_version = row_version + 1, updated_at = ?, updated_by = ?${seq === undefined ? '' : ', change_seq = ?'} WHERE id = ?`,
    seq === undefined ? [at, at, ctx.actor, id] : [at, at, ctx.actor, seq, id],
  );
  await writeAudit(tx, ctx, { action: 'delete', table, recordId: id, before: forAudit(before), after: null, reason });
}
