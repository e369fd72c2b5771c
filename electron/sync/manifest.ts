/**
 * The JSON documents of docs/PACKAGE-FORMAT.md as zod schemas: the package manifest, the
 * receipt, one receipt line, and the public key file. Readers parse with these and refuse
 * anything else; writers build values of these types.
 */
import { z } from 'zod';

export const PACKAGE_FORMAT = 'taizhang-package';
export const RECEIPT_FORMAT = 'taizhang-receipt';
export const KEY_FORMAT = 'taizhang-key';
export const FORMAT_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const RECEIPT_FILE = 'receipt.json';
export const RECEIPT_SIGNATURE_FILE = 'receipt.sig';
export const RESULTS_FILE = 'results.ndjson.gz';

const hex64 = z.string().regex(/^[0-9a-fA-F]{64}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const fen = z.string().regex(/^-?\d+$/);
const count = z.number().int().min(0);

export const storedFile = z.object({ sha256: hex64, bytes: count });

export const tableEntry = z.object({
  table: z.string().regex(/^[a-z_]+$/),
  file: z.string(),
  columns: z.array(z.string()),
  rows: count,
  sha256: hex64,
  bytes: count,
  stored: storedFile,
  sums: z.record(z.string(), fen),
  iv: base64.optional(),
  tag: base64.optional(),
});
export type TableEntry = z.infer<typeof tableEntry>;

export const attachmentEntry = z.object({
  sha256: hex64,
  bytes: count,
  file: z.string(),
  stored: storedFile,
  iv: base64.optional(),
  tag: base64.optional(),
});
export type AttachmentEntry = z.infer<typeof attachmentEntry>;

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  packageId: z.uuid(),
  kind: z.enum(['full', 'incremental']),
  source: z.object({
    townshipCode: z.string().regex(/^\d{9}$/),
    townshipName: z.string(),
    workstationId: z.uuid(),
    publicKey: base64,
    fingerprint: hex64,
  }),
  sequence: z.number().int().min(1),
  previousPackageId: z.uuid().nullable(),
  baseSequence: count,
  changes: z.object({ after: z.number().int().min(-1), upTo: count }),
  createdAt: z.string(),
  appVersion: z.string(),
  tables: z.array(tableEntry),
  attachments: z.array(attachmentEntry),
  encryption: z
    .object({ scheme: z.string(), recipientFingerprint: hex64, ephemeralPublicKey: base64 })
    .nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const recordState = z.enum(['accepted', 'rejected', 'conflict']);
export const recordAction = z.enum(['inserted', 'updated', 'deleted', 'unchanged', 'none']);
export type RecordState = z.infer<typeof recordState>;
export type RecordAction = z.infer<typeof recordAction>;

export const issueSchema = z.object({
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const resultLine = z.object({
  table: z.string(),
  id: z.string(),
  rowVersion: z.number().int(),
  state: recordState,
  action: recordAction,
  issues: z.array(issueSchema),
});
export type ResultLine = z.infer<typeof resultLine>;

export const receiptSchema = z.object({
  format: z.literal(RECEIPT_FORMAT),
  formatVersion: z.number().int(),
  receiptId: z.uuid(),
  packageId: z.uuid(),
  packageSequence: z.number().int().min(1),
  townshipCode: z.string().regex(/^\d{9}$/),
  workstationId: z.uuid(),
  county: z.object({ code: z.string().regex(/^\d{6}$/), name: z.string(), publicKey: base64, fingerprint: hex64 }),
  createdAt: z.string(),
  appVersion: z.string(),
  counts: z.object({ records: count, accepted: count, rejected: count, conflicts: count }),
  results: z.object({ file: z.literal(RESULTS_FILE), rows: count, sha256: hex64, bytes: count, stored: storedFile }),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const keyFileSchema = z.object({
  format: z.literal(KEY_FORMAT),
  formatVersion: z.number().int(),
  role: z.enum(['township', 'county']),
  code: z.string().regex(/^\d{6}(\d{3})?$/),
  name: z.string().min(1),
  workstationId: z.uuid(),
  signingPublicKey: base64,
  signingFingerprint: hex64,
  encryptionPublicKey: base64.nullable().default(null),
  encryptionFingerprint: hex64.nullable().default(null),
  createdAt: z.string(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;
