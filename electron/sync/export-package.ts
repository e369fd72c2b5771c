/**
 * Township side: writes an upload package (docs/PACKAGE-FORMAT.md). Rows stream from a
 * read snapshot of the database, through NDJSON, gzip and (with the county's key) AES-GCM, into
 * the ZIP on disk: a package of any size needs no more memory than a page of rows. The files
 * its rows name (housing photos) follow, each once, streamed from the data folder. The package
 * is recorded, with its sequence number, before the file gets its final name, so a sequence is
 * never handed out twice.
 */
import { createGzip } from 'node:zlib';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { Database, type Connection } from '../db/driver.js';
import { APP_VERSION } from '../app/app-version.js';
import { writeAudit } from '../services/audit.js';
import { currentChangeSeq } from '../db/change-seq.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import { getSettings, requireTownship } from '../services/settings-service.js';
import type { ArchiveWriter } from './archive.js';
import { ENCRYPTION_SCHEME, PayloadSealer, sha256Hex, signDetached } from './crypto.js';
import { readCountyKey, requireMode, requireSigningKey, type CountyKey } from './identity.js';
import { ledgerTables, type LedgerTable } from './ledger-tables.js';
import { FORMAT_VERSION, MANIFEST_FILE, PACKAGE_FORMAT, SIGNATURE_FILE, type Manifest, type TableEntry } from './manifest.js';
import { tableRows, type ChangeRange } from './row-source.js';
import { ByteTally, RowTally, encodeRows, through, type PackageRow } from './streams.js';
import { AttachmentRefs, attachmentFolder } from './attachments.js';
import { writeAttachments } from './attachment-export.js';
import { createZipWriter } from './zip-writer.js';

export interface ExportedPackage {
  packageId: string;
  sequence: number;
  kind: 'full' | 'incremental';
  baseSequence: number;
  records: number;
  encrypted: boolean;
  fileName: string;
  path: string;
  createdAt: string;
  tables: { table: string; rows: number }[];
}

async function writeTable(writer: ArchiveWriter, conn: Connection, table: LedgerTable, range: ChangeRange, sealer: PayloadSealer | null, refs: AttachmentRefs): Promise<TableEntry> {
  const file = `data/${table.name}.ndjson.gz${sealer ? '.enc' : ''}`;
  const rows = new RowTally(table.moneyColumns);
  const plain = new ByteTally();
  const stored = new ByteTally();
  const onRow = (r: PackageRow) => {
    rows.add(r);
    refs.add(table, r, file);
  };
  let payload = through(plain.tap(encodeRows(tableRows(conn, table, range), table.columns, onRow)), createGzip());
  const sealed = sealer?.cipherFor(file) ?? null;
  if (sealed) payload = through(payload, sealed.cipher);
  await writer.add(file, stored.tap(payload));
  return {
    table: table.name, file, columns: [...table.columns], rows: rows.rows, sha256: plain.digest(), bytes: plain.bytes,
    stored: { sha256: stored.digest(), bytes: stored.bytes }, sums: rows.totals(),
    ...(sealed ? { iv: sealed.iv.toString('base64'), tag: sealed.cipher.getAuthTag().toString('base64') } : {}),
  };
}

interface Previous {
  last: { package_id: string; sequence: number } | undefined;
  acknowledged: { sequence: number; watermark: number } | undefined;
}

async function previousPackages(conn: Connection): Promise<Previous> {
  return {
    last: await conn.get('SELECT package_id, sequence FROM exported_package ORDER BY sequence DESC LIMIT 1'),
    acknowledged: await conn.get('SELECT sequence, watermark FROM exported_package WHERE acknowledged_at IS NOT NULL ORDER BY sequence DESC LIMIT 1'),
  };
}

/** The change range the next package carries: since the last acknowledged package, or all. */
export function rangeFor(full: boolean, acknowledged: Previous['acknowledged'], upTo: number): { range: ChangeRange; baseSequence: number } {
  if (full || !acknowledged) return { range: { after: -1, upTo }, baseSequence: 0 };
  return { range: { after: acknowledged.watermark, upTo }, baseSequence: acknowledged.sequence };
}

interface Source {
  township: string;
  townshipName: string;
  workstationId: string;
  signing: { publicKey: string; privateKey: string; fingerprint: string };
  county: CountyKey | null;
  /** The file store the rows' attachments are read from. */
  files: string;
}

interface Written {
  manifest: Manifest;
  manifestBytes: Buffer;
  fileName: string;
  tempPath: string;
}

/** Writes `<name>.part` from one read snapshot: the rows, then the manifest and its signature. */
async function writeArchive(conn: Connection, src: Source, options: { outDir: string; full: boolean; packageId: string; createdAt: string; now: Date }): Promise<Written> {
  const kind = options.full ? 'full' : 'incremental';
  const previous = await previousPackages(conn);
  const { range, baseSequence } = rangeFor(options.full, previous.acknowledged, await currentChangeSeq(conn));
  const sequence = (previous.last?.sequence ?? 0) + 1;
  const fileName = `${src.township}-${String(sequence).padStart(6, '0')}-${kind}.tzpkg`;
  const tempPath = join(options.outDir, `${fileName}.part`);
  const sealer = src.county?.encryptionPublicKey ? new PayloadSealer(src.county.encryptionPublicKey, options.packageId) : null;
  const writer = await createZipWriter(tempPath, options.now);
  try {
    const tables: TableEntry[] = [];
    const refs = new AttachmentRefs();
    for (const table of ledgerTables) tables.push(await writeTable(writer, conn, table, range, sealer, refs));
    const attachments = await writeAttachments(writer, src.files, refs, sealer);
    const schema = await conn.get<{ v: number }>('SELECT max(id) AS v FROM schema_migration');
    const manifest: Manifest = {
      format: PACKAGE_FORMAT, formatVersion: FORMAT_VERSION, schemaVersion: schema?.v ?? 0, packageId: options.packageId, kind,
      source: { townshipCode: src.township, townshipName: src.townshipName, workstationId: src.workstationId, publicKey: src.signing.publicKey, fingerprint: src.signing.fingerprint },
      sequence, previousPackageId: previous.last?.package_id ?? null, baseSequence, changes: range,
      createdAt: options.createdAt, appVersion: APP_VERSION, tables, attachments,
      encryption: sealer
        ? { scheme: ENCRYPTION_SCHEME, recipientFingerprint: src.county!.encryptionFingerprint!, ephemeralPublicKey: sealer.ephemeralPublicKey }
        : null,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await writer.add(MANIFEST_FILE, manifestBytes);
    await writer.add(SIGNATURE_FILE, signDetached(manifestBytes, src.signing.privateKey));
    await writer.close();
    return { manifest, manifestBytes, fileName, tempPath };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

/** The package's sequence is taken here: a second export racing for it fails on the unique index. */
async function recordExport(ctx: ServiceContext, w: Written, records: number): Promise<void> {
  const { manifest } = w;
  await ctx.db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO exported_package (package_id, sequence, kind, previous_package_id, base_sequence, watermark, records, encrypted,
         manifest_sha256, file_name, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [manifest.packageId, manifest.sequence, manifest.kind, manifest.previousPackageId, manifest.baseSequence, manifest.changes.upTo, records,
        manifest.encryption ? 1 : 0, sha256Hex(w.manifestBytes), w.fileName, manifest.createdAt, ctx.actor],
    );
    // The package holds full ID and card numbers: recorded like any export of the register.
    await writeAudit(tx, ctx, {
      action: 'reveal', table: 'package', recordId: manifest.packageId, before: null,
      after: { export: 'package', sequence: manifest.sequence, kind: manifest.kind, records, encrypted: manifest.encryption !== null },
    });
  });
}

export async function exportPackage(ctx: ServiceContext, options: { outDir: string; full?: boolean }): Promise<ExportedPackage> {
  const identity = await requireMode(ctx, 'township');
  const township = await requireTownship(ctx);
  const src: Source = {
    township, townshipName: (await getSettings(ctx)).orgName ?? township, workstationId: identity.workstationId,
    signing: await requireSigningKey(ctx.db.reader), county: await readCountyKey(ctx.db.reader), files: attachmentFolder(ctx.db),
  };
  await mkdir(options.outDir, { recursive: true });
  // A private read snapshot: every page of every table sees the same committed state, while
  // the app goes on saving through its own connections.
  const snapshot = await Database.open(ctx.db.file, { readOnly: true });
  let written: Written;
  try {
    await snapshot.reader.exec('BEGIN');
    written = await writeArchive(snapshot.reader, src, { outDir: options.outDir, full: options.full === true, packageId: uuidv7(), createdAt: nowIso(ctx), now: ctx.now() });
  } finally {
    await snapshot.reader.exec('COMMIT').catch(() => undefined);
    await snapshot.close();
  }
  const { manifest } = written;
  const records = manifest.tables.reduce((n, t) => n + t.rows, 0);
  try {
    await recordExport(ctx, written, records);
  } catch (err) {
    await rm(written.tempPath, { force: true });
    throw err;
  }
  const path = join(options.outDir, written.fileName);
  await rename(written.tempPath, path);
  return {
    packageId: manifest.packageId, sequence: manifest.sequence, kind: manifest.kind, baseSequence: manifest.baseSequence, records,
    encrypted: manifest.encryption !== null, fileName: written.fileName, path, createdAt: manifest.createdAt,
    tables: manifest.tables.map((t) => ({ table: t.table, rows: t.rows })),
  };
}
