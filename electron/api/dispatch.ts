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

export async function dispatch(ctx: ServiceContext, method: string, rawInput: unknown): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) return { ok: false, error: { kind: 'bad_request', code: 'unknownMethod', params: { method: method.slice(0, 60) } } };
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
