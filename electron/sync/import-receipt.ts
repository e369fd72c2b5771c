/**
 * Township side: imports the county's receipt. Checked like a package — signature against the
 * registered county key (or a fingerprint the clerk confirmed), this township, one of its own
 * packages, the results file's hashes and count — then, in one transaction, each record's
 * county state is stored and the package counts as acknowledged: the next incremental package
 * starts after it. The same receipt twice changes nothing.
 */
import { createGunzip } from 'node:zlib';
import type { Tx } from '../db/driver.js';
import { writeAudit } from '../services/audit.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import { requireTownship } from '../services/settings-service.js';
import { ArchiveError, type ArchiveReader } from './archive.js';
import { groupFingerprint, normaliseFingerprint, verifyDetached, fingerprintOf } from './crypto.js';
import { readCountyKey, registerCountyKeyIn, requireMode, type CountyKey } from './identity.js';
import { RECEIPT_FILE, RECEIPT_FORMAT, RECEIPT_SIGNATURE_FILE, receiptSchema, resultLine, type Receipt } from './manifest.js';
import { checkStored, isZlibError, parseSigned, withOpenedArchive } from './read-package.js';
import { decline, refuse, refusalOfArchive, PackageRefused } from './refusal.js';
import { ByteTally, LineTooLong, splitLines, through } from './streams.js';

export interface ReceiptImport {
  status: 'imported' | 'duplicate';
  receiptId: string;
  packageId: string;
  packageSequence: number;
  counts: Receipt['counts'];
}

async function openReceipt(path: string): Promise<{ reader: ArchiveReader; receipt: Receipt; signatureOk: boolean }> {
  return withOpenedArchive(path, async (reader) => {
    for (const file of [RECEIPT_FILE, RECEIPT_SIGNATURE_FILE]) if (!reader.has(file)) throw refuse('missingFile', { file });
    const bytes = await reader.readAll(RECEIPT_FILE, 1024 * 1024);
    const signature = await reader.readAll(RECEIPT_SIGNATURE_FILE, 1024);
    const receipt = parseSigned(bytes, RECEIPT_FILE, RECEIPT_FORMAT, receiptSchema);
    if (fingerprintOf(receipt.county.publicKey) !== receipt.county.fingerprint.toUpperCase()) throw refuse('badManifest', { file: RECEIPT_FILE, detail: 'county.fingerprint' });
    for (const entry of reader.entries()) {
      if (![RECEIPT_FILE, RECEIPT_SIGNATURE_FILE, receipt.results.file].includes(entry.name)) throw refuse('unexpectedFile', { file: entry.name });
    }
    if (!reader.has(receipt.results.file)) throw refuse('missingFile', { file: receipt.results.file });
    return { reader, receipt, signatureOk: verifyDetached(bytes, signature, receipt.county.publicKey) };
  });
}

/** The county key that must have signed, or the one the clerk confirms now. */
async function countyCheck(ctx: ServiceContext, receipt: Receipt, trust: string | null): Promise<CountyKey | null> {
  const known = await readCountyKey(ctx.db.reader);
  const fingerprint = receipt.county.fingerprint.toUpperCase();
  if (known?.signingFingerprint === fingerprint) return null;
  if (trust !== null && normaliseFingerprint(trust) === fingerprint) {
    return {
      countyCode: receipt.county.code, countyName: receipt.county.name, signingPublicKey: receipt.county.publicKey, signingFingerprint: fingerprint,
      encryptionPublicKey: known?.encryptionPublicKey ?? null, encryptionFingerprint: known?.encryptionFingerprint ?? null,
    };
  }
  if (trust !== null) throw refuse('fingerprintMismatch', { file: RECEIPT_FILE, given: groupFingerprint(normaliseFingerprint(trust)), fingerprint: groupFingerprint(fingerprint) });
  if (!known) throw refuse('unregisteredCounty', { file: RECEIPT_FILE, county: receipt.county.code, name: receipt.county.name, fingerprint: groupFingerprint(fingerprint) });
  throw refuse('countyKeyMismatch', { file: RECEIPT_FILE, registered: groupFingerprint(known.signingFingerprint), fingerprint: groupFingerprint(fingerprint) });
}

async function storeResults(tx: Tx, ctx: ServiceContext, reader: ArchiveReader, receipt: Receipt): Promise<void> {
  const { file } = receipt.results;
  const plain = new ByteTally();
  let rows = 0;
  const at = nowIso(ctx);
  const upsert = await tx.prepare(
    `INSERT INTO record_county_state (table_name, record_id, row_version, state, action, issues_json, package_id, package_sequence, receipt_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(table_name, record_id) DO UPDATE SET row_version = excluded.row_version, state = excluded.state, action = excluded.action,
       issues_json = excluded.issues_json, package_id = excluded.package_id, package_sequence = excluded.package_sequence,
       receipt_id = excluded.receipt_id, updated_at = excluded.updated_at
     WHERE excluded.package_sequence >= record_county_state.package_sequence`,
  );
  try {
    for await (const { text, line } of splitLines(plain.tap(through(reader.read(file), createGunzip())))) {
      let parsed;
      try {
        parsed = resultLine.safeParse(JSON.parse(text));
      } catch {
        throw refuse('badLine', { file, line });
      }
      if (!parsed.success) throw refuse('badLine', { file, line });
      const r = parsed.data;
      rows++;
      await upsert.run([r.table, r.id, r.rowVersion, r.state, r.action, r.issues.length ? JSON.stringify(r.issues) : null,
        receipt.packageId, receipt.packageSequence, receipt.receiptId, at]);
    }
  } catch (err) {
    if (err instanceof PackageRefused) throw err;
    if (err instanceof LineTooLong) throw refuse('badLine', { file, line: err.line });
    if (isZlibError(err)) throw refuse('corruptFile', { file });
    if (err instanceof ArchiveError) throw refusalOfArchive(err, file);
    throw err;
  } finally {
    await upsert.finalize();
  }
  if (plain.bytes !== receipt.results.bytes || plain.digest() !== receipt.results.sha256.toLowerCase()) throw refuse('hashMismatch', { file });
  if (rows !== receipt.results.rows) throw refuse('countMismatch', { file, expected: receipt.results.rows, actual: rows });
}

export async function importReceipt(ctx: ServiceContext, path: string, options: { trustFingerprint?: string | null } = {}): Promise<ReceiptImport> {
  await requireMode(ctx, 'township');
  const township = await requireTownship(ctx);
  const { reader, receipt, signatureOk } = await openReceipt(path);
  try {
    if (!signatureOk) throw refuse('badSignature', { file: RECEIPT_FILE });
    const register = await countyCheck(ctx, receipt, options.trustFingerprint ?? null);
    if (receipt.townshipCode !== township) throw decline('receiptOtherTownship', { township: receipt.townshipCode });
    const exported = await ctx.db.get('SELECT 1 FROM exported_package WHERE package_id = ? AND sequence = ?', [receipt.packageId, receipt.packageSequence]);
    if (!exported) throw decline('receiptUnknownPackage', { packageId: receipt.packageId, sequence: receipt.packageSequence });
    const answer = { receiptId: receipt.receiptId, packageId: receipt.packageId, packageSequence: receipt.packageSequence, counts: receipt.counts };
    if (await ctx.db.get('SELECT 1 FROM imported_receipt WHERE receipt_id = ?', [receipt.receiptId])) return { status: 'duplicate', ...answer };
    await checkStored(reader, receipt.results.file, receipt.results.stored);
    await ctx.db.transaction(async (tx) => {
      if (register) await registerCountyKeyIn(tx, ctx, register);
      await storeResults(tx, ctx, reader, receipt);
      const at = nowIso(ctx);
      await tx.run('UPDATE exported_package SET receipt_id = ?, acknowledged_at = coalesce(acknowledged_at, ?) WHERE package_id = ?', [receipt.receiptId, at, receipt.packageId]);
      await tx.run(
        `INSERT INTO imported_receipt (receipt_id, package_id, county_code, sha256, accepted, rejected, conflicts, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [receipt.receiptId, receipt.packageId, receipt.county.code, receipt.results.sha256, receipt.counts.accepted, receipt.counts.rejected, receipt.counts.conflicts, at, ctx.actor],
      );
      await writeAudit(tx, ctx, { action: 'insert', table: 'imported_receipt', recordId: receipt.receiptId, before: null, after: { packageId: receipt.packageId, ...receipt.counts } });
    });
    return { status: 'imported', ...answer };
  } finally {
    await reader.close();
  }
}
