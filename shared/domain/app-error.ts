import type { FieldIssue } from './issue.js';

/** `integrity`: a file refused because its signature, hashes, counts or sums do not hold (CLI exit 3). */
export type AppErrorKind = 'validation' | 'conflict' | 'not_found' | 'bad_request' | 'unauthorized' | 'forbidden' | 'internal' | 'integrity';

/** An error meant for the user: carries an i18n code, never raw text. */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(`${kind}: ${code}`);
    this.name = 'AppError';
  }

  static validation(issues: FieldIssue[]): AppError {
    return new AppError('validation', 'validation', { count: issues.length }, issues);
  }
}
