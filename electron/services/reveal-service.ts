/**
 * Personal numbers (PIPL): lists show them masked; a role with the right may reveal one, and
 * each reveal is an audit row saying who saw which number of whom (not the number itself).
 */
import type { MethodArgs } from '../../shared/contract/index.js';
import type { Household } from '../../shared/contract/households.js';
import { AppError } from '../../shared/domain/app-error.js';
import { maskIdNumber, maskTail } from '../../shared/domain/id-number.js';
import { can } from '../../shared/domain/roles.js';
import { writeAudit } from './audit.js';
import type { ServiceContext } from './context.js';

export async function revealNumber(ctx: ServiceContext, input: MethodArgs<'persons/reveal'>): Promise<{ value: string | null }> {
  const row = input.field === 'idNumber'
    ? await ctx.db.get<{ value: string }>('SELECT id_number AS value FROM person WHERE id = ? AND household_id = ? AND deleted_at IS NULL', [input.personId ?? '', input.householdId])
    : await ctx.db.get<{ value: string | null }>('SELECT bank_account AS value FROM household WHERE id = ? AND deleted_at IS NULL', [input.householdId]);
  if (!row) throw new AppError('not_found', 'not_found');
  await ctx.db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'reveal',
      table: input.field === 'idNumber' ? 'person' : 'household',
      recordId: input.field === 'idNumber' ? input.personId! : input.householdId,
      before: null,
      after: { field: input.field },
    }),
  );
  return { value: row.value };
}

/** What a role that may neither enter data nor reveal numbers sees of a household. */
export function maskedFor(ctx: ServiceContext, household: Household): Household {
  const role = ctx.account?.role ?? null;
  if (can(role, 'write') || can(role, 'reveal')) return household;
  return {
    ...household,
    bankAccount: household.bankAccount ? maskTail(household.bankAccount) : null,
    members: household.members.map((m) => ({ ...m, idNumber: maskIdNumber(m.idNumber), phone: m.phone ? maskTail(m.phone) : null })),
  };
}

/** An export holds every number in full: it is recorded as one reveal of the whole ledger. */
export async function auditExport(ctx: ServiceContext, kind: string, format: string): Promise<void> {
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, { action: 'reveal', table: kind, recordId: '*', before: null, after: { export: kind, format } }));
}
