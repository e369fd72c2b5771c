/**
 * Checks a package without importing it: what a clerk runs on a file from a USB stick. Without
 * a database it checks the structure, the signature against the key in the manifest, and every
 * file's stored bytes (and the rows when not encrypted). With a county database it also says
 * whether the signing key is the township's registered one, and reads encrypted content.
 */
import { basename } from 'node:path';
import type { ServiceContext } from '../services/context.js';
import { groupFingerprint, PayloadOpener } from './crypto.js';
import { liveTownshipKey, readIdentity, readKey } from './identity.js';
import { MANIFEST_FILE } from './manifest.js';
import { checkContents, openPackage, type OpenedPackage } from './read-package.js';
import { PackageRefused, refuse } from './refusal.js';

export type KeyStatus = 'registered' | 'unregistered' | 'mismatch' | 'unknown';

export interface VerifyReport {
  fileName: string;
  ok: boolean;
  refusal: { kind: string; code: string; params: Record<string, string | number> } | null;
  package: {
    packageId: string;
    townshipCode: string;
    townshipName: string;
    sequence: number;
    kind: 'full' | 'incremental';
    createdAt: string;
    fingerprint: string;
    encrypted: boolean;
    tables: { table: string; rows: number; sums: Record<string, string> }[];
    attachments: { files: number; bytes: number };
  } | null;
  /** Whether the signing key is the one the county registered (`unknown` without a county database). */
  keyStatus: KeyStatus;
  /** False when the rows could not be read (encrypted to a key not held here). */
  contentChecked: boolean;
}

async function countyView(ctx: ServiceContext | null, pkg: OpenedPackage): Promise<{ keyStatus: KeyStatus; opener: PayloadOpener | null }> {
  const identity = ctx ? await readIdentity(ctx.db.reader) : null;
  if (!ctx || identity?.mode !== 'county') return { keyStatus: 'unknown', opener: null };
  const { manifest } = pkg;
  const live = await liveTownshipKey(ctx.db.reader, manifest.source.townshipCode);
  const keyStatus: KeyStatus = !live ? 'unregistered' : live.fingerprint === manifest.source.fingerprint.toUpperCase() ? 'registered' : 'mismatch';
  if (keyStatus === 'mismatch') {
    throw refuse('keyMismatch', { file: MANIFEST_FILE, township: manifest.source.townshipCode, registered: groupFingerprint(live!.fingerprint), fingerprint: groupFingerprint(manifest.source.fingerprint) });
  }
  const own = manifest.encryption ? await readKey(ctx.db.reader, 'encryption') : null;
  if (manifest.encryption && own && own.fingerprint !== manifest.encryption.recipientFingerprint.toUpperCase()) {
    throw refuse('otherRecipient', { file: MANIFEST_FILE, recipient: groupFingerprint(manifest.encryption.recipientFingerprint), own: groupFingerprint(own.fingerprint) });
  }
  return { keyStatus, opener: manifest.encryption && own ? new PayloadOpener(own, manifest.encryption.ephemeralPublicKey, manifest.packageId) : null };
}

export async function verifyPackageFile(ctx: ServiceContext | null, path: string): Promise<VerifyReport> {
  const report: VerifyReport = { fileName: basename(path), ok: false, refusal: null, package: null, keyStatus: 'unknown', contentChecked: false };
  let pkg: OpenedPackage | null = null;
  try {
    pkg = await openPackage(path);
    const m = pkg.manifest;
    report.package = {
      packageId: m.packageId, townshipCode: m.source.townshipCode, townshipName: m.source.townshipName, sequence: m.sequence, kind: m.kind,
      createdAt: m.createdAt, fingerprint: groupFingerprint(m.source.fingerprint), encrypted: m.encryption !== null,
      tables: m.tables.map((t) => ({ table: t.table, rows: t.rows, sums: t.sums })),
      attachments: { files: m.attachments.length, bytes: m.attachments.reduce((n, a) => n + a.bytes, 0) },
    };
    const { keyStatus, opener } = await countyView(ctx, pkg);
    report.keyStatus = keyStatus;
    report.contentChecked = (await checkContents(pkg, opener)).contentChecked;
    report.ok = true;
  } catch (err) {
    if (!(err instanceof PackageRefused)) throw err;
    report.refusal = { kind: err.kind, code: err.code, params: err.params };
  } finally {
    await pkg?.close();
  }
  return report;
}
