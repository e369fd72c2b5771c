/**
 * County side: merges one package in one transaction — every table in declaration order
 * (parents first), a page of rows at a time through mergePage, each verdict recorded for the
 * receipt in the order the rows came. The rows stream from the file, and the file's hashes,
 * counts and sums are checked at the end of each table: a file that fails them rolls the whole
 * package back (import-package.ts merges while it verifies, and only commits what verified).
 */
import { nowIso, todayOf, type ServiceContext } from '../services/context.js';
import type { PayloadOpener } from './crypto.js';
import { registerTownshipIn, type RegisteredTownship } from './identity.js';
import { ledgerTables, type LedgerTable } from './ledger-tables.js';
import { mergePage, pagesOf, parentKeys, readAhead, type MergeContext, type Outcome } from './merge-record.js';
import { MergeIo } from './merge-writer.js';
import { packageRows, type OpenedPackage } from './read-package.js';
import type { TableEntry } from './manifest.js';
import type { PackageRow } from './streams.js';

/** Rows waiting for a retry after a clash; past this many, clashes are rejected at once. */
const MAX_DEFERRED = 10_000;

export interface MergeCounts {
  records: number;
  accepted: number;
  rejected: number;
  conflicts: number;
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface ConflictNote {
  table: string;
  id: string;
  countyVersion: number;
  incomingVersion: number;
}

export interface MergeResult {
  counts: MergeCounts;
  conflicts: ConflictNote[];
}

class Recorder {
  ordinal = 0;
  readonly counts: MergeCounts = { records: 0, accepted: 0, rejected: 0, conflicts: 0, inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  readonly conflicts: ConflictNote[] = [];

  constructor(private readonly m: MergeContext) {}

  async record(table: LedgerTable, row: PackageRow, outcome: Outcome): Promise<void> {
    const id = String(row.id ?? '');
    const version = typeof row.row_version === 'number' ? row.row_version : 0;
    await this.m.io.results.add([this.m.packageId, ++this.ordinal, table.name, id, version, outcome.state, outcome.action,
      outcome.issues.length > 0 ? JSON.stringify(outcome.issues) : null]);
    this.counts.records++;
    if (outcome.state === 'accepted') this.counts.accepted++;
    if (outcome.state === 'rejected') {
      this.counts.rejected++;
      for (const key of parentKeys(table, row)) this.m.rejected.add(key);
    }
    if (outcome.action in this.counts) this.counts[outcome.action as 'inserted']++;
    if (outcome.conflict) {
      this.counts.conflicts++;
      // The full list stays in package_conflict; the answer carries the first hundred.
      if (this.conflicts.length < 100) this.conflicts.push({ table: table.name, id, ...outcome.conflict });
      await this.m.io.conflicts.add([this.m.packageId, table.name, id, this.m.township, outcome.conflict.countyVersion, outcome.conflict.incomingVersion, nowIso(this.m.io.ctx)]);
    }
  }
}

async function mergeTable(m: MergeContext, rec: Recorder, table: LedgerTable, rows: AsyncIterable<PackageRow>): Promise<void> {
  let deferred: { row: PackageRow; outcome: Outcome }[] = [];
  for await (const page of readAhead(pagesOf(rows))) {
    await mergePage(m, table, page, async (row, outcome) => {
      if (outcome.deferrable && deferred.length < MAX_DEFERRED) deferred.push({ row, outcome });
      else await rec.record(table, row, outcome);
    });
  }
  // Retry clashes until a round frees nothing; what is left is rejected with its last reason.
  while (deferred.length > 0) {
    const next: typeof deferred = [];
    for await (const page of pagesOf(deferred.map((d) => d.row))) {
      await mergePage(m, table, page, async (row, outcome) => {
        if (outcome.deferrable) next.push({ row, outcome });
        else await rec.record(table, row, outcome);
      });
    }
    if (next.length === deferred.length) {
      for (const d of next) await rec.record(table, d.row, d.outcome);
      break;
    }
    deferred = next;
  }
}

export interface MergeRequest {
  pkg: OpenedPackage;
  opener: PayloadOpener | null;
  /** A key the clerk confirmed by fingerprint, registered in the same transaction. */
  register: Omit<RegisteredTownship, 'registeredAt'> | null;
  missing: number[];
  /** The rows of one table file (default: packageRows); the merge reads each to its end. */
  rows?: (entry: TableEntry) => AsyncIterable<PackageRow>;
  /** The last step before commit (the package's files taking their names); a throw rolls back. */
  beforeCommit?: () => Promise<void>;
}

export async function mergePackage(ctx: ServiceContext, req: MergeRequest): Promise<MergeResult> {
  const { manifest } = req.pkg;
  const township = manifest.source.townshipCode;
  return ctx.db.transaction(async (tx) => {
    if (req.register) await registerTownshipIn(tx, ctx, req.register);
    const io = await MergeIo.open(tx, ctx);
    const m: MergeContext = {
      io, township, packageId: manifest.packageId, reason: `数据包 ${township} 第 ${manifest.sequence} 号 (${manifest.packageId})`,
      row: { township, today: todayOf(ctx) }, rejected: new Set(),
    };
    const rec = new Recorder(m);
    try {
      for (const table of ledgerTables) {
        const entry = manifest.tables.find((t) => t.table === table.name);
        if (entry) await mergeTable(m, rec, table, req.rows ? req.rows(entry) : packageRows(req.pkg, entry, req.opener));
        await io.flush();
      }
      await io.audit.write(ctx, {
        action: 'insert', table: 'imported_package', recordId: manifest.packageId, before: null,
        after: { township, sequence: manifest.sequence, kind: manifest.kind, ...rec.counts, missing: req.missing },
      });
      await io.close();
    } catch (err) {
      await io.discard();
      throw err;
    }
    const c = rec.counts;
    await tx.run(
      `INSERT INTO imported_package (package_id, township_code, workstation_id, sequence, kind, base_sequence, manifest_sha256, created_at,
         imported_at, imported_by, records, accepted, rejected, conflicts, missing_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [manifest.packageId, township, manifest.source.workstationId, manifest.sequence, manifest.kind, manifest.baseSequence, req.pkg.manifestSha256,
        manifest.createdAt, nowIso(ctx), ctx.actor, c.records, c.accepted, c.rejected, c.conflicts, JSON.stringify(req.missing)],
    );
    await req.beforeCommit?.();
    return { counts: c, conflicts: rec.conflicts };
  }, { statementJournalInMemory: true });
}
