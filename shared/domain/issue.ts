/**
 * A problem found in input, as data: the UI and the CLI translate `code` with the i18n files,
 * so the domain never holds user-facing text.
 */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `members.2.idNumber`. */
  field: string;
  /** i18n key under `issue.` (e.g. `idNumber.checksum`). */
  code: string;
  params?: Record<string, string | number>;
  /** 1-based sheet row, for imports. */
  row?: number;
  /** Sheet column header, for imports. */
  column?: string;
}

export function issue(field: string, code: string, params?: Record<string, string | number>): FieldIssue {
  return params ? { field, code, params } : { field, code };
}
