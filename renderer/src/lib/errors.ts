/** Every error the clerk sees goes through here: a translated code, then each issue. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.js';
import { describeIssue } from '../../../shared/i18n/translate.js';
import type { FieldIssue } from '../../../shared/domain/issue.js';

export interface ErrorText {
  message: string;
  issues: string[];
}

export function issuesOf(err: unknown): FieldIssue[] {
  return err instanceof ApiError ? (err.body.issues ?? []) : [];
}

export function describeError(t: TFunction, err: unknown): ErrorText {
  if (err instanceof ApiError) {
    const { code, params, issues = [] } = err.body;
    const message = t(`error.${code}`, { detail: '', ...params, defaultValue: t('error.internal') });
    return { message, issues: issues.map((i) => describeIssue(t, normaliseIssue(i))) };
  }
  return { message: t('error.internal'), issues: [] };
}

/**
 * Contract validation names fields by their place in the call (`household.householdNo`);
 * the service names them as the form does (`householdNo`). One spelling for the UI.
 */
export function normaliseIssue(issue: FieldIssue): FieldIssue {
  return issue.field.startsWith('household.') ? { ...issue, field: issue.field.slice('household.'.length) } : issue;
}

/** Only the reason ("校验位错误…"), for a message shown right under its field. */
export function reasonOf(t: TFunction, issue: FieldIssue): string {
  return describeIssue(t, { field: '', code: issue.code, ...(issue.params ? { params: issue.params } : {}) });
}
