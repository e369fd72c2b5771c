/**
 * Upload packages (数据包) and receipts (回执) between township and county
 * (docs/PACKAGE-FORMAT.md). Files cross as base64 like sheets do; the CLI works on paths.
 */
import { z } from 'zod';
import { method } from './define.js';
import { fieldIssue, fileDownload, fileUpload, recordId, withFile } from './common.js';

const mode = z.enum(['township', 'county']);
const keyView = z.object({ fingerprint: z.string(), grouped: z.string() });
const tableRows = z.object({ table: z.string(), rows: z.number().int() });
const kind = z.enum(['full', 'incremental']);
/** A refusal: which check (`code`, under `error.`), with the file it concerns in `params.file`. */
const refusal = z.object({ kind: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
const fingerprintInput = z.string().trim().max(100).nullable().default(null);

export const keysInfo = z.object({
  mode,
  workstationId: z.string(),
  signing: keyView,
  encryption: keyView.nullable(),
  county: z.object({ code: z.string(), name: z.string(), signing: keyView, encryption: keyView.nullable() }).nullable(),
});

export const registeredKey = z.object({ role: mode, code: z.string(), name: z.string(), fingerprint: z.string(), grouped: z.string() });

export const exportedPackage = z.object({
  packageId: z.string(), sequence: z.number().int(), kind, baseSequence: z.number().int(), records: z.number().int(),
  encrypted: z.boolean(), fileName: z.string(), createdAt: z.string(), tables: z.array(tableRows),
});

const counts = z.object({
  records: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), conflicts: z.number().int(),
  inserted: z.number().int(), updated: z.number().int(), deleted: z.number().int(), unchanged: z.number().int(),
});

export const importOutcome = z.object({
  fileName: z.string(),
  status: z.enum(['imported', 'duplicate', 'refused']),
  packageId: z.string().nullable(),
  townshipCode: z.string().nullable(),
  townshipName: z.string().nullable(),
  sequence: z.number().int().nullable(),
  kind: kind.nullable(),
  refusal: refusal.nullable(),
  missing: z.array(z.number().int()),
  result: z.object({
    counts,
    conflicts: z.array(z.object({ table: z.string(), id: z.string(), countyVersion: z.number().int(), incomingVersion: z.number().int() })),
  }).nullable(),
});
export type ImportOutcome = z.infer<typeof importOutcome>;

export const packageSummary = z.object({
  mode, workstationId: z.string(), fingerprint: z.string(),
  township: z.object({
    countyKnown: z.boolean(), encrypts: z.boolean(), lastSequence: z.number().int(), acknowledgedSequence: z.number().int(),
    pending: z.array(tableRows),
    countyStates: z.object({ accepted: z.number().int(), rejected: z.number().int(), conflict: z.number().int() }),
  }).nullable(),
  county: z.object({ townships: z.number().int(), packages: z.number().int(), openConflicts: z.number().int() }).nullable(),
});

export const packageHistory = z.object({
  exported: z.array(z.object({
    packageId: z.string(), sequence: z.number().int(), kind, baseSequence: z.number().int(), records: z.number().int(),
    encrypted: z.boolean(), fileName: z.string(), createdAt: z.string(), createdBy: z.string(), acknowledgedAt: z.string().nullable(),
    accepted: z.number().int().nullable(), rejected: z.number().int().nullable(), conflicts: z.number().int().nullable(),
  })),
  imported: z.array(z.object({
    packageId: z.string(), townshipCode: z.string(), sequence: z.number().int(), kind, createdAt: z.string(), importedAt: z.string(),
    importedBy: z.string(), records: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), conflicts: z.number().int(),
    missing: z.array(z.number().int()),
  })),
});

export const recordCountyState = z.object({
  id: z.string(), rowVersion: z.number().int(), state: z.enum(['accepted', 'rejected', 'conflict']), action: z.string(),
  issues: z.array(fieldIssue), packageSequence: z.number().int(), updatedAt: z.string(),
});

export const verifyReport = z.object({
  fileName: z.string(),
  ok: z.boolean(),
  refusal: refusal.nullable(),
  package: z.object({
    packageId: z.string(), townshipCode: z.string(), townshipName: z.string(), sequence: z.number().int(), kind, createdAt: z.string(),
    fingerprint: z.string(), encrypted: z.boolean(),
    tables: z.array(z.object({ table: z.string(), rows: z.number().int(), sums: z.record(z.string(), z.string()) })),
    /** The attached files (housing photos): how many, and their bytes before encryption. */
    attachments: z.object({ files: z.number().int(), bytes: z.number().int() }),
  }).nullable(),
  keyStatus: z.enum(['registered', 'unregistered', 'mismatch', 'unknown']),
  contentChecked: z.boolean(),
});

export const countyTownship = z.object({
  code: z.string(), name: z.string(), fingerprint: z.string(), grouped: z.string(), source: z.enum(['file', 'confirmed']),
  registeredAt: z.string(), lastSequence: z.number().int(), packages: z.number().int(), missing: z.array(z.number().int()),
  households: z.number().int(), persons: z.number().int(), openConflicts: z.number().int(),
});

export const packageConflict = z.object({
  packageId: z.string(), table: z.string(), id: z.string(), townshipCode: z.string(),
  countyVersion: z.number().int(), incomingVersion: z.number().int(), detectedAt: z.string(),
});

export const packagesApi = {
  /** This workstation's mode and key fingerprints (made on first use), and the county's. */
  'keys/get': method(z.object({}), keysInfo),
  /** The public key file (.tzkey) to hand to the other side. */
  'keys/exportPublic': method(z.object({}), fileDownload),
  /** Township: registers the county's key file (packages are then encrypted to it). */
  'keys/importCounty': method(fileUpload, registeredKey),
  /** Sets this workstation up as the county office (makes its encryption key). */
  'county/setup': method(z.object({ countyCode: z.string().regex(/^\d{6}$/), countyName: z.string().trim().min(1).max(60) }), keysInfo),
  /** County: registers a township's key file. */
  'county/registerKey': method(fileUpload, registeredKey),
  'county/townships': method(z.object({}), z.array(countyTownship)),
  /**
   * County: imports packages, each all or nothing. `trustFingerprint` registers the key of a
   * township seen for the first time, once the clerk has confirmed it (administrators only).
   */
  'county/importPackages': method(
    z.object({ files: z.array(fileUpload).min(1).max(50), allowGap: z.boolean().default(false), trustFingerprint: fingerprintInput }),
    z.array(importOutcome),
  ),
  'county/conflicts': method(z.object({ townshipCode: z.string().regex(/^\d{9}$/).nullable().default(null) }), z.array(packageConflict)),
  'county/makeReceipt': method(z.object({ packageId: recordId }), fileDownload),
  'packages/summary': method(z.object({}), packageSummary),
  /** Township: the next package, incremental unless `full`. */
  'packages/export': method(z.object({ full: z.boolean().default(false) }), z.object({ file: fileDownload, package: exportedPackage })),
  'packages/history': method(z.object({}), packageHistory),
  'packages/verify': method(fileUpload, verifyReport),
  'packages/importReceipt': method(
    withFile({ trustFingerprint: fingerprintInput }),
    z.object({ status: z.enum(['imported', 'duplicate']), receiptId: z.string(), packageId: z.string(), packageSequence: z.number().int(),
      counts: z.object({ records: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), conflicts: z.number().int() }) }),
  ),
  /** Township: the county's verdict on these records, from the receipts imported. */
  'packages/recordStates': method(
    z.object({ table: z.string().regex(/^[a-z_]+$/), ids: z.array(z.string().max(40)).min(1).max(1000) }),
    z.array(recordCountyState),
  ),
} as const;
