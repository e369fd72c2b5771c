import { z } from 'zod';
import { method } from './define.js';
import { recordId } from './common.js';
import { reviewableTable } from './review.js';

/**
 * One changed field of an audit row. `field` is the contract's name (its label is
 * `field.<field>` in the i18n files); `enumName` says which `enum.*` labels the values use.
 * Personal numbers arrive masked unless the caller's role may reveal them.
 */
export const historyChange = z.object({
  field: z.string(),
  kind: z.enum(['text', 'bool', 'enum']),
  enumName: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type HistoryChange = z.infer<typeof historyChange>;

export const historyEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['insert', 'update', 'delete', 'reveal']),
  /** `household`, or `person` for a member's row. */
  table: z.string(),
  /** The member a person row is about (their name); null for the household itself. */
  subject: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.array(historyChange),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const auditApi = {
  /** Who changed what of one record (and its members), when, before and after; newest first. */
  'audit/history': method(
    z.object({ table: reviewableTable, id: recordId }),
    z.object({ entries: z.array(historyEntry), truncated: z.boolean() }),
  ),
} as const;
