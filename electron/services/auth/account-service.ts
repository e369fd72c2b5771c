/**
 * Accounts, first-run setup and sign-in. Five wrong passwords lock an account for fifteen
 * minutes; every sign-in, failure and sign-out is in the audit trail.
 */
import type { Connection } from '../../db/driver.js';
import type { MethodArgs } from '../../../shared/contract/index.js';
import type { Account, Me } from '../../../shared/contract/auth.js';
import type { Role } from '../../../shared/domain/roles.js';
import { AppError } from '../../../shared/domain/app-error.js';
import { issue } from '../../../shared/domain/issue.js';
import { writeAudit } from '../audit.js';
import { nowIso, type ServiceContext } from '../context.js';
import { insertRecord, updateRecord } from '../record-store.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import type { SignedIn } from './session.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

interface AccountRecord {
  id: string; username: string; display_name: string; role: Role; password_hash: string; disabled: number;
  failed_attempts: number; locked_until: string | null; last_login_at: string | null; row_version: number;
}

function toAccount(r: AccountRecord): Account {
  return {
    id: r.id, rowVersion: r.row_version, username: r.username, displayName: r.display_name, role: r.role,
    disabled: r.disabled === 1, lockedUntil: r.locked_until, lastLoginAt: r.last_login_at,
  };
}

const toMe = (a: { username: string; displayName: string; role: Role }): Me => ({ username: a.username, displayName: a.displayName, role: a.role });

export async function anyAccount(conn: Connection): Promise<boolean> {
  return (await conn.get('SELECT 1 FROM account WHERE deleted_at IS NULL LIMIT 1')) !== undefined;
}

/** The live, enabled account behind a session, read fresh so a disabled account stops at once. */
export async function signedInAccount(conn: Connection, id: string): Promise<SignedIn | null> {
  const r = await conn.get<AccountRecord>('SELECT * FROM account WHERE id = ? AND deleted_at IS NULL AND disabled = 0', [id]);
  return r ? { id: r.id, username: r.username, displayName: r.display_name, role: r.role } : null;
}

export async function authStatus(ctx: ServiceContext): Promise<{ needsSetup: boolean; me: Me | null }> {
  return { needsSetup: !(await anyAccount(ctx.db.reader)), me: ctx.account ? toMe(ctx.account) : null };
}

export async function setupFirstAdmin(ctx: ServiceContext, input: MethodArgs<'auth/setup'>): Promise<Me> {
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    if (await anyAccount(tx)) throw new AppError('bad_request', 'auth.alreadySetUp');
    const setupCtx = { ...ctx, actor: input.username };
    const written = await insertRecord(tx, setupCtx, 'account', { username: input.username, display_name: input.displayName, role: 'admin', password_hash: passwordHash });
    return written.id;
  });
  ctx.session?.signIn(id);
  return { username: input.username, displayName: input.displayName, role: 'admin' };
}

/** HH:MM on the workstation's clock (the stored time is UTC: 8 hours behind in China). */
function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export async function login(ctx: ServiceContext, input: MethodArgs<'auth/login'>): Promise<Me> {
  const r = await ctx.db.get<AccountRecord>('SELECT * FROM account WHERE lower(username) = lower(?) AND deleted_at IS NULL', [input.username]);
  // Verify even for an unknown name, so timing does not tell which names exist.
  const passwordOk = await verifyPassword(input.password, r?.password_hash ?? DUMMY_HASH);
  const now = ctx.now();
  const at = nowIso(ctx);
  const failCtx = { ...ctx, actor: input.username || '?' };
  if (!r || r.disabled === 1) {
    await ctx.db.transaction((tx) => writeAudit(tx, failCtx, { action: 'login_failed', table: 'account', recordId: r?.id ?? '-', before: null, after: null, reason: r ? 'disabled' : 'unknown' }));
    throw new AppError('unauthorized', 'auth.invalid');
  }
  if (r.locked_until && r.locked_until > at) throw new AppError('unauthorized', 'auth.locked', { until: clockTime(r.locked_until), minutes: LOCK_MINUTES });
  if (!passwordOk) {
    const failed = r.failed_attempts + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await ctx.db.transaction(async (tx) => {
      await tx.run('UPDATE account SET failed_attempts = ?, locked_until = ? WHERE id = ?', [lockedUntil ? 0 : failed, lockedUntil, r.id]);
      await writeAudit(tx, failCtx, { action: 'login_failed', table: 'account', recordId: r.id, before: null, after: { failed_attempts: failed, locked_until: lockedUntil }, reason: 'password' });
    });
    if (lockedUntil) throw new AppError('unauthorized', 'auth.locked', { until: clockTime(lockedUntil), minutes: LOCK_MINUTES });
    throw new AppError('unauthorized', 'auth.invalid', { remaining: MAX_FAILED_LOGINS - failed });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.run('UPDATE account SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?', [at, r.id]);
    await writeAudit(tx, { ...ctx, actor: r.username }, { action: 'login', table: 'account', recordId: r.id, before: null, after: null });
  });
  ctx.session?.signIn(r.id);
  return { username: r.username, displayName: r.display_name, role: r.role };
}

export async function logout(ctx: ServiceContext): Promise<{ ok: true }> {
  if (ctx.account && ctx.session) {
    await ctx.db.transaction((tx) => writeAudit(tx, ctx, { action: 'logout', table: 'account', recordId: ctx.account!.id, before: null, after: null }));
  }
  ctx.session?.signOut();
  return { ok: true };
}

export async function changePassword(ctx: ServiceContext, input: MethodArgs<'auth/changePassword'>): Promise<{ ok: true }> {
  const r = ctx.account && (await ctx.db.get<AccountRecord>('SELECT * FROM account WHERE id = ?', [ctx.account.id]));
  if (!r) throw new AppError('bad_request', 'auth.noAccount');
  if (!(await verifyPassword(input.current, r.password_hash))) throw AppError.validation([issue('current', 'auth.wrongPassword')]);
  const hash = await hashPassword(input.next);
  await ctx.db.transaction((tx) => updateRecord(tx, ctx, 'account', r.id, null, { password_hash: hash }));
  return { ok: true };
}

export async function listAccounts(ctx: ServiceContext): Promise<Account[]> {
  return (await ctx.db.all<AccountRecord>('SELECT * FROM account WHERE deleted_at IS NULL ORDER BY username')).map(toAccount);
}

export async function saveAccount(ctx: ServiceContext, input: MethodArgs<'accounts/save'>): Promise<Account> {
  const hash = input.password ? await hashPassword(input.password) : null;
  const id = await ctx.db.transaction(async (tx) => {
    const clash = await tx.get<{ id: string }>('SELECT id FROM account WHERE lower(username) = lower(?) AND deleted_at IS NULL', [input.username]);
    if (clash && clash.id !== input.id) throw AppError.validation([issue('username', 'auth.usernameTaken', { username: input.username })]);
    const values = { username: input.username, display_name: input.displayName, role: input.role, disabled: input.disabled ? 1 : 0 };
    if (!input.id) {
      if (!hash) throw AppError.validation([issue('password', 'required')]);
      return (await insertRecord(tx, ctx, 'account', { ...values, password_hash: hash })).id;
    }
    // The last enabled administrator cannot be demoted or disabled: nobody could manage accounts.
    if (input.role !== 'admin' || input.disabled) {
      const admins = await tx.get<{ n: number }>("SELECT count(*) AS n FROM account WHERE role = 'admin' AND disabled = 0 AND deleted_at IS NULL AND id <> ?", [input.id]);
      if (admins!.n === 0) throw AppError.validation([issue('role', 'auth.lastAdmin')]);
    }
    await updateRecord(tx, ctx, 'account', input.id, input.rowVersion ?? null, hash ? { ...values, password_hash: hash } : values);
    return input.id;
  });
  const saved = (await listAccounts(ctx)).find((a) => a.id === id);
  if (!saved) throw new AppError('not_found', 'not_found');
  return saved;
}

export async function resetPassword(ctx: ServiceContext, input: MethodArgs<'accounts/resetPassword'>): Promise<{ ok: true }> {
  const hash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await updateRecord(tx, ctx, 'account', input.id, null, { password_hash: hash, failed_attempts: 0, locked_until: null });
  });
  return { ok: true };
}
