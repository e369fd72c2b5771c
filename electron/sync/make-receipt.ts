/**
 * County side: the receipt (回执) for an imported package — every record's verdict, streamed
 * from package_record_result into results.ndjson.gz, and receipt.json signed with the county's
 * key. Reasons name no one outside the township (see ledger-validators.ts).
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';
import type { Connection } from '../db/driver.js';
import { AppError } from '../../shared/domain/app-error.js';
import { APP_VERSION } from '../app/app-version.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import { signDetached } from './crypto.js';
import { requireMode, requireSigningKey } from './identity.js';
import { FORMAT_VERSION, RECEIPT_FILE, RECEIPT_FORMAT, RECEIPT_SIGNATURE_FILE, RESULTS_FILE, type Receipt, type ResultLine } from './manifest.js';
import { ByteTally, encodeRows, through, type PackageRow } from './streams.js';
import { createZipWriter } from './zip-writer.js';

const PAGE = 5000;

interface ResultRow {
  ordinal: number;
  table_name: string;
  record_id: string;
  row_version: number;
  state: ResultLine['state'];
  action: ResultLine['action'];
  issues_json: string | null;
}

async function* resultLines(conn: Connection, packageId: string): AsyncIterable<PackageRow> {
  let after = 0;
  for (;;) {
    const page = await conn.all<ResultRow>(
      'SELECT * FROM package_record_result WHERE package_id = ? AND ordinal > ? ORDER BY ordinal LIMIT ?', [packageId, after, PAGE],
    );
    for (const r of page) {
      const line: ResultLine = {
        table: r.table_name, id: r.record_id, rowVersion: r.row_version, state: r.state, action: r.action,
        issues: r.issues_json ? (JSON.parse(r.issues_json) as ResultLine['issues']) : [],
      };
      yield line;
      after = r.ordinal;
    }
    if (page.length < PAGE) return;
  }
}

export interface MadeReceipt {
  receiptId: string;
  packageId: string;
  fileName: string;
  path: string;
  counts: Receipt['counts'];
}

export async function makeReceipt(ctx: ServiceContext, packageId: string, outDir: string): Promise<MadeReceipt> {
  const identity = await requireMode(ctx, 'county');
  const signing = await requireSigningKey(ctx.db.reader);
  const pkg = await ctx.db.get<{ township_code: string; workstation_id: string; sequence: number; records: number; accepted: number; rejected: number; conflicts: number }>(
    'SELECT township_code, workstation_id, sequence, records, accepted, rejected, conflicts FROM imported_package WHERE package_id = ?', [packageId],
  );
  if (!pkg) throw new AppError('not_found', 'package.notImported', { packageId });
  const receiptId = uuidv7();
  const fileName = `${pkg.township_code}-${String(pkg.sequence).padStart(6, '0')}-receipt.tzrct`;
  await mkdir(outDir, { recursive: true });
  const temp = join(outDir, `${fileName}.part`);
  const writer = await createZipWriter(temp, ctx.now());
  try {
    const plain = new ByteTally();
    const stored = new ByteTally();
    let rows = 0;
    const columns = ['table', 'id', 'rowVersion', 'state', 'action', 'issues'];
    await writer.add(RESULTS_FILE, stored.tap(through(plain.tap(encodeRows(resultLines(ctx.db.reader, packageId), columns, () => void rows++)), createGzip())));
    const receipt: Receipt = {
      format: RECEIPT_FORMAT, formatVersion: FORMAT_VERSION, receiptId, packageId, packageSequence: pkg.sequence,
      townshipCode: pkg.township_code, workstationId: pkg.workstation_id,
      county: { code: identity.countyCode!, name: identity.countyName!, publicKey: signing.publicKey, fingerprint: signing.fingerprint },
      createdAt: nowIso(ctx), appVersion: APP_VERSION,
      counts: { records: pkg.records, accepted: pkg.accepted, rejected: pkg.rejected, conflicts: pkg.conflicts },
      results: { file: RESULTS_FILE, rows, sha256: plain.digest(), bytes: plain.bytes, stored: { sha256: stored.digest(), bytes: stored.bytes } },
    };
    const bytes = Buffer.from(`${JSON.stringify(receipt, null, 2)}\n`, 'utf8');
    await writer.add(RECEIPT_FILE, bytes);
    await writer.add(RECEIPT_SIGNATURE_FILE, signDetached(bytes, signing.privateKey));
    await writer.close();
    const path = join(outDir, fileName);
    await rename(temp, path);
    await ctx.db.transaction((tx) => tx.run('UPDATE imported_package SET receipt_id = ?, receipt_made_at = ? WHERE package_id = ?', [receiptId, receipt.createdAt, packageId]));
    return { receiptId, packageId, fileName, path, counts: receipt.counts };
  } catch (err) {
    await writer.abort();
    throw err;
  }
}
