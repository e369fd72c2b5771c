import { z } from 'zod';
import { method } from './define.js';
import { fieldIssue, fileDownload, withFile } from './common.js';

/** Ledgers that can be imported and exported as sheets; later ledgers add their kind here. */
export const sheetKind = z.enum(['persons', 'housing', 'school', 'medical', 'water-assessment', 'water-test']);
export type SheetKind = z.infer<typeof sheetKind>;

export const importSummary = z.object({
  rows: z.number().int(),
  validRows: z.number().int(),
  households: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  persons: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  /** Ledgers of one record per row (教育资助): what the rows did. */
  records: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).optional(),
  /** 医疗报销: claims already held whose proposal or warnings changed because rows dated before them came in. */
  reproposed: z.number().int().optional(),
  /** Every bad row with its row number, column and reason. */
  issues: z.array(fieldIssue),
  /** Headers that were not recognised and so were ignored. */
  ignoredColumns: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const transferApi = {
  'import/preview': method(withFile({ kind: sheetKind }), importSummary),
  /**
   * All or nothing by default: refused while any row is bad. With skipInvalid the valid rows go
   * in and the rejected rows come back as a CSV to keep.
   */
  'import/commit': method(
    withFile({ kind: sheetKind, skipInvalid: z.boolean().default(false) }),
    importSummary.extend({ committed: z.boolean(), rejects: fileDownload.nullable() }),
  ),
  'export/sheet': method(z.object({ kind: sheetKind, format: z.enum(['xlsx', 'csv']) }), fileDownload),
  'templates/get': method(z.object({ kind: sheetKind }), fileDownload),
} as const;
