/**
 * County side: imports one or many packages. Each is checked whole before anything is committed
 * (signature against the registered key, every file, counts and sums, the sequence) and merged
 * in its own transaction. Packages given together are taken in sequence order per township, so
 * a batch of 3, 1, 2 goes in as 1, 2, 3. A refusal is an answer, not an exception: the others
 * go on.
 */
import { basename } from 'node:path';
import { AppError } from '../../shared/domain/app-error.js';
import { countyOf } from '../../shared/domain/area-code.js';
import type { ServiceContext } from '../services/context.js';
import { groupFingerprint, normaliseFingerprint, PayloadOpener } from './crypto.js';
import { liveTownshipKey, readKey, requireMode, type Identity, type RegisteredTownship } from './identity.js';
import { MANIFEST_FILE, type Manifest, type TableEntry } from './manifest.js';
import { mergePackage, type MergeResult } from './merge-package.js';
import { checkContents, checkStored, openPackage, packageRows, type OpenedPackage } from './read-package.js';
import { checkAttachments } from './attachment-check.js';
import { ledgerTable } from './ledger-tables.js';
import type { PackageRow } from './streams.js';
import { decline, PackageRefused, refuse } from './refusal.js';
import { AttachmentRefs, attachmentFolder } from './attachments.js';
import { StagedAttachments } from './attachment-stage.js';

export interface ImportOptions {
  /** Import although earlier packages this one depends on are missing. */
  allowGap?: boolean;
  /** The township key's fingerprint as the clerk confirmed it (first package, or a new key). */
  trustFingerprint?: string | null;
}

export interface ImportOutcome {
  fileName: string;
  status: 'imported' | 'duplicate' | 'refused';
  packageId: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  sequence: number | null;
  kind: 'full' | 'incremental' | null;
  refusal: { kind: string; code: string; params: Record<string, string | number> } | null;
  /** Earlier sequence numbers of this township the county does not have. */
  missing: number[];
  result: MergeResult | null;
}

function outcome(path: string, manifest: Manifest | null, status: ImportOutcome['status'], extra: Partial<ImportOutcome> = {}): ImportOutcome {
  return {
    fileName: basename(path), status, packageId: manifest?.packageId ?? null, townshipCode: manifest?.source.townshipCode ?? null,
    townshipName: manifest?.source.townshipName ?? null, sequence: manifest?.sequence ?? null, kind: manifest?.kind ?? null,
    refusal: null, missing: [], result: null, ...extra,
  };
}

/** Step 4: the key that signed is the township's registered key, or one the clerk confirmed. */
async function keyCheck(ctx: ServiceContext, manifest: Manifest, trust: string | null): Promise<Omit<RegisteredTownship, 'registeredAt'> | null> {
  const { townshipCode, townshipName, fingerprint, publicKey, workstationId } = manifest.source;
  const live = await liveTownshipKey(ctx.db.reader, townshipCode);
  if (live && live.fingerprint === fingerprint.toUpperCase() && live.workstationId === workstationId) return null;
  if (trust !== null) {
    if (normaliseFingerprint(trust) !== fingerprint.toUpperCase()) {
      throw refuse('fingerprintMismatch', { file: MANIFEST_FILE, given: groupFingerprint(normaliseFingerprint(trust)), fingerprint: groupFingerprint(fingerprint) });
    }
    // Registering a township's key decides whose packages the county believes.
    if (ctx.account?.role !== 'admin') throw new AppError('forbidden', 'forbidden', { permission: 'admin' });
    return { townshipCode, workstationId, townshipName, publicKey, fingerprint: fingerprint.toUpperCase(), source: 'confirmed' };
  }
  if (!live) throw refuse('unregisteredKey', { file: MANIFEST_FILE, township: townshipCode, name: townshipName, fingerprint: groupFingerprint(fingerprint) });
  throw refuse('keyMismatch', { file: MANIFEST_FILE, township: townshipCode, registered: groupFingerprint(live.fingerprint), fingerprint: groupFingerprint(fingerprint) });
}

/** Step 5: encrypted to this county's key, which this workstation holds. */
async function openerFor(ctx: ServiceContext, manifest: Manifest): Promise<PayloadOpener | null> {
  if (!manifest.encryption) return null;
  const own = await readKey(ctx.db.reader, 'encryption');
  if (!own) throw refuse('noDecryptionKey', { file: MANIFEST_FILE });
  if (own.fingerprint !== manifest.encryption.recipientFingerprint.toUpperCase()) {
    throw refuse('otherRecipient', { file: MANIFEST_FILE, recipient: groupFingerprint(manifest.encryption.recipientFingerprint), own: groupFingerprint(own.fingerprint) });
  }
  try {
    return new PayloadOpener(own, manifest.encryption.ephemeralPublicKey, manifest.packageId);
  } catch {
    throw refuse('badManifest', { file: MANIFEST_FILE, detail: 'encryption.ephemeralPublicKey' });
  }
}

/** Step 8: sequence numbers. Returns every missing earlier number; refuses when this package depends on one. */
async function sequenceCheck(ctx: ServiceContext, manifest: Manifest, allowGap: boolean): Promise<number[]> {
  const { townshipCode, workstationId } = manifest.source;
  const seen = await ctx.db.all<{ sequence: number; package_id: string }>(
    'SELECT sequence, package_id FROM imported_package WHERE township_code = ? AND workstation_id = ?', [townshipCode, workstationId],
  );
  const other = seen.find((s) => s.sequence === manifest.sequence);
  if (other) throw decline('sequenceReused', { township: townshipCode, sequence: manifest.sequence, other: other.package_id });
  const have = new Set(seen.map((s) => s.sequence));
  const missing: number[] = [];
  for (let s = 1; s < manifest.sequence; s++) if (!have.has(s)) missing.push(s);
  // An incremental package carries the changes since its base; missing packages after the base
  // are covered by it, those at or before it are not. A full package carries everything.
  const needed = manifest.kind === 'full' ? [] : missing.filter((s) => s <= manifest.baseSequence);
  if (needed.length > 0 && !allowGap) {
    throw decline('sequenceGap', { township: townshipCode, sequence: manifest.sequence, missing: needed.join(', ') });
  }
  return missing;
}

async function importOpened(ctx: ServiceContext, identity: Identity, pkg: OpenedPackage, options: ImportOptions): Promise<ImportOutcome> {
  const { manifest } = pkg;
  if (countyOf(manifest.source.townshipCode) !== identity.countyCode) {
    throw decline('otherCounty', { township: manifest.source.townshipCode, county: identity.countyCode ?? '-' });
  }
  const register = await keyCheck(ctx, manifest, options.trustFingerprint ?? null);
  const done = await ctx.db.get<{ manifest_sha256: string; imported_at: string }>('SELECT manifest_sha256, imported_at FROM imported_package WHERE package_id = ?', [manifest.packageId]);
  if (done) {
    if (done.manifest_sha256 !== pkg.manifestSha256) throw refuse('idReused', { file: MANIFEST_FILE, packageId: manifest.packageId });
    return outcome(pkg.path, manifest, 'duplicate', { refusal: { kind: 'duplicate', code: 'package.duplicate', params: { importedAt: done.imported_at } } });
  }
  const opener = await openerFor(ctx, manifest);
  const merged = await mergeWhileVerifying(ctx, pkg, opener, register, options);
  if (merged) return merged;
  // The checks one after the other, then the merge: the order that says which refusal wins.
  await checkContents(pkg, opener);
  const missing = await sequenceCheck(ctx, manifest, options.allowGap === true);
  const files = await StagedAttachments.stage(attachmentFolder(ctx.db), pkg, opener);
  let result: MergeResult;
  try {
    result = await mergePackage(ctx, { pkg, opener, register, missing, beforeCommit: () => files.place() });
  } catch (err) {
    await files.discard();
    throw err;
  }
  return outcome(pkg.path, manifest, 'imported', { missing, result });
}

/**
 * The common case in one read of each file: the rows are merged as they are verified, in a
 * transaction that commits only when every check of checkContents has passed on every row
 * (and the sequence allows the package). Anything else — a refusal, an error — rolls it back
 * and returns null: the caller then runs the checks in their documented order, which names
 * the same refusal a package with several problems always got.
 */
async function mergeWhileVerifying(
  ctx: ServiceContext, pkg: OpenedPackage, opener: PayloadOpener | null, register: Omit<RegisteredTownship, 'registeredAt'> | null, options: ImportOptions,
): Promise<ImportOutcome | null> {
  const { manifest } = pkg;
  // The merge reads the first entry of each table: a table listed twice is left to the full checks.
  if (new Set(manifest.tables.map((t) => t.table)).size !== manifest.tables.length) return null;
  if (manifest.encryption && !opener) return null;
  const staged: { files: StagedAttachments | null } = { files: null };
  try {
    const missing = await sequenceCheck(ctx, manifest, options.allowGap === true);
    for (const t of manifest.tables) await checkStored(pkg.reader, t.file, t.stored);
    for (const a of manifest.attachments) await checkStored(pkg.reader, a.file, a.stored);
    const refs = new AttachmentRefs();
    const rows = async function* (entry: TableEntry): AsyncIterable<PackageRow> {
      const table = ledgerTable(entry.table)!;
      for await (const row of packageRows(pkg, entry, opener)) {
        refs.add(table, row, entry.file);
        yield row;
      }
    };
    const result = await mergePackage(ctx, {
      pkg, opener, register, missing, rows,
      beforeCommit: async () => {
        await checkAttachments(pkg, opener, refs);
        staged.files = await StagedAttachments.stage(attachmentFolder(ctx.db), pkg, opener);
        await staged.files.place();
      },
    });
    return outcome(pkg.path, manifest, 'imported', { missing, result });
  } catch {
    await staged.files?.discard();
    return null;
  }
}

function refused(path: string, manifest: Manifest | null, err: PackageRefused | AppError): ImportOutcome {
  return outcome(path, manifest, 'refused', { refusal: { kind: err.kind, code: err.code, params: err.params } });
}

export async function importPackages(ctx: ServiceContext, paths: string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const identity = await requireMode(ctx, 'county');
  // First the manifests, to put the packages in order; each file is opened again to import it.
  const peeked: { path: string; manifest: Manifest | null; error: PackageRefused | null }[] = [];
  for (const path of paths) {
    try {
      const pkg = await openPackage(path);
      peeked.push({ path, manifest: pkg.manifest, error: null });
      await pkg.close();
    } catch (err) {
      if (!(err instanceof PackageRefused)) throw err;
      peeked.push({ path, manifest: null, error: err });
    }
  }
  const order = (p: (typeof peeked)[number]) => [p.manifest?.source.townshipCode ?? '', p.manifest?.sequence ?? 0] as const;
  peeked.sort((a, b) => order(a)[0].localeCompare(order(b)[0]) || order(a)[1] - order(b)[1]);

  const outcomes: ImportOutcome[] = [];
  for (const p of peeked) {
    if (p.error) {
      outcomes.push(refused(p.path, null, p.error));
      continue;
    }
    let pkg: OpenedPackage | null = null;
    try {
      pkg = await openPackage(p.path);
      outcomes.push(await importOpened(ctx, identity, pkg, options));
    } catch (err) {
      if (err instanceof PackageRefused || (err instanceof AppError && err.kind === 'forbidden')) outcomes.push(refused(p.path, pkg?.manifest ?? p.manifest, err));
      else throw err;
    } finally {
      await pkg?.close();
    }
  }
  return outcomes;
}
