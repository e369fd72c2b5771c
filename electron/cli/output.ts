/** How every command answers: a human line or --json, and the exit code (0 done, 1 rejected, 2 usage, 3 refused on integrity). */
import type { i18n } from 'i18next';
import type { ApiErrorBody } from '../../shared/contract/index.js';
import { describeIssue } from '../../shared/i18n/translate.js';
import { chineseTranslator } from '../i18n.js';

/** `refused`: a package or receipt failed its signature, hash, count or sum checks. */
export const EXIT = { done: 0, rejected: 1, usage: 2, refused: 3 } as const;

export class UsageError extends Error {}

export interface CommandResult {
  exitCode: number;
  json: unknown;
  lines: string[];
}

export async function describeError(error: ApiErrorBody, t?: i18n): Promise<string[]> {
  const tr = t ?? (await chineseTranslator());
  return [tr.t(`error.${error.code}`, { ...error.params, defaultValue: error.code }), ...(error.issues ?? []).map((i) => `  ${describeIssue(tr.t, i)}`)];
}

export async function rejected(error: ApiErrorBody): Promise<CommandResult> {
  return { exitCode: EXIT.rejected, json: { ok: false, error }, lines: await describeError(error) };
}
