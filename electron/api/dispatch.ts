/**
 * The one entry both transports call: validate the input with the contract, run the service,
 * turn errors into an ApiErrorBody. Nothing personal is logged: only method and error kind.
 */
import type { z } from 'zod';
import { api, isMethodName, type ApiResponse, type MethodName } from '../../shared/contract/index.js';
import { AppError } from '../../shared/domain/app-error.js';
import type { FieldIssue } from '../../shared/domain/issue.js';
import type { ServiceContext } from '../services/context.js';
import { handlers } from './handlers.js';
import { methodPermissions } from '../../shared/contract/permissions.js';
import { can } from '../../shared/domain/roles.js';
import { signedInAccount } from '../services/auth/account-service.js';
import type { CallSession } from '../services/auth/session.js';
import { logger } from '../log.js';

function zodIssueCode(i: z.core.$ZodIssue): FieldIssue['code'] {
  if (i.code === 'invalid_type' && i.message.includes('undefined')) return 'required';
  if (i.code === 'too_small' && i.origin === 'string') return 'required';
  if (i.code === 'too_big' && i.origin === 'string') return 'tooLong';
  if (i.code === 'invalid_value') return 'notInList';
  if (i.code === 'custom') return i.message;
  return 'invalid';
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const code = zodIssueCode(i);
    const params: Record<string, string | number> = {};
    if (code === 'tooLong' && 'maximum' in i) params.max = Number(i.maximum);
    return { field: i.path.map(String).join('.'), code, ...(Object.keys(params).length ? { params } : {}) };
  });
}

/**
 * The caller: a transport passes its session and the account is read from it; without a
 * session (CLI, tests) the context's own account is used.
 */
async function callerContext(base: ServiceContext, session: CallSession | undefined): Promise<ServiceContext> {
  if (!session) return base;
  const account = session.accountId ? await signedInAccount(base.db.reader, session.accountId) : null;
  return { ...base, account, actor: account?.username ?? 'anonymous', session };
}

export async function dispatch(base: ServiceContext, method: string, rawInput: unknown, session?: CallSession): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) return { ok: false, error: { kind: 'bad_request', code: 'unknownMethod', params: { method: method.slice(0, 60) } } };
  const permission = methodPermissions[method];
  // A database that failed its start-up check is not worked on: only the way back is open.
  if (base.backups?.startupProblems.length && permission !== 'public') {
    return { ok: false, error: { kind: 'forbidden', code: 'backup.databaseDamaged' } };
  }
  const ctx = await callerContext(base, session);
  if (!can(ctx.account?.role ?? null, permission)) {
    const code = ctx.account ? 'forbidden' : 'auth.required';
    return { ok: false, error: { kind: ctx.account ? 'forbidden' : 'unauthorized', code, params: { permission } } };
  }
  const spec = api[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return { ok: false, error: { kind: 'validation', code: 'validation', params: { count: issues.length }, issues } };
  }
  try {
    const handler = handlers[method as MethodName] as (ctx: ServiceContext, input: unknown) => Promise<unknown>;
    const result = await handler(ctx, parsed.data);
    // The output is checked too: a service that drifts from the contract fails loudly in tests.
    return { ok: true, result: spec.output.parse(result) };
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, error: { kind: err.kind, code: err.code, params: err.params, issues: err.issues } };
    }
    logger.error(`method ${method} failed`, err);
    return { ok: false, error: { kind: 'internal', code: 'internal' } };
  }
}
