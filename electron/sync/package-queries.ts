/**
 * What the screens and the CLI show about packages: the state of this workstation (what the
 * next package would carry, what the county said), the history on either side, each record's
 * county state, the county's townships and open conflicts. Read-only.
 */
import type { Connection } from '../db/driver.js';
import type { FieldIssue } from '../../shared/domain/issue.js';
import { currentChangeSeq } from '../db/change-seq.js';
import type { ServiceContext } from '../services/context.js';
import { groupFingerprint } from './crypto.js';
import { rangeFor } from './export-package.js';
import { ensureIdentity, listTownshipKeys, readCountyKey, readKey, type Mode } from './identity.js';
import { ledgerTables } from './ledger-tables.js';
import { countRows } from './row-source.js';

export interface PackageSummary {
  mode: Mode;
  workstationId: string;
  fingerprint: string;
  township: {
    countyKnown: boolean;
    encrypts: boolean;
    lastSequence: number;
    acknowledgedSequence: number;
    /** What the next incremental package would carry. */
    pending: { table: string; rows: number }[];
    countyStates: { accepted: number; rejected: number; conflict: number };
  } | null;
  county: { townships: number; packages: number; openConflicts: number } | null;
}

async function n(conn: Connection, sql: string, params: (string | number)[] = []): Promise<number> {
  return (await conn.get<{ n: number }>(sql, params))?.n ?? 0;
}

export async function packageSummary(ctx: ServiceContext): Promise<PackageSummary> {
  const identity = await ensureIdentity(ctx);
  const conn = ctx.db.reader;
  const signing = await readKey(conn, 'signing');
  const base = { mode: identity.mode, workstationId: identity.workstationId, fingerprint: groupFingerprint(signing?.fingerprint ?? '') };
  if (identity.mode === 'county') {
    return {
      ...base, township: null,
      county: {
        townships: (await listTownshipKeys(conn)).length,
        packages: await n(conn, 'SELECT count(*) AS n FROM imported_package'),
        openConflicts: await n(conn, 'SELECT count(*) AS n FROM package_conflict WHERE resolved_at IS NULL'),
      },
    };
  }
  const county = await readCountyKey(conn);
  const last = await n(conn, 'SELECT coalesce(max(sequence), 0) AS n FROM exported_package');
  const acknowledged = await conn.get<{ sequence: number; watermark: number }>(
    'SELECT sequence, watermark FROM exported_package WHERE acknowledged_at IS NOT NULL ORDER BY sequence DESC LIMIT 1',
  );
  const { range } = rangeFor(false, acknowledged, await currentChangeSeq(conn));
  const pending = [];
  for (const table of ledgerTables) pending.push({ table: table.name, rows: await countRows(conn, table, range) });
  const states = await conn.all<{ state: 'accepted' | 'rejected' | 'conflict'; n: number }>('SELECT state, count(*) AS n FROM record_county_state GROUP BY state');
  const countyStates = { accepted: 0, rejected: 0, conflict: 0 };
  for (const s of states) countyStates[s.state] = s.n;
  return {
    ...base, county: null,
    township: {
      countyKnown: county !== null, encrypts: county?.encryptionPublicKey != null, lastSequence: last,
      acknowledgedSequence: acknowledged?.sequence ?? 0, pending, countyStates,
    },
  };
}

export async function exportedHistory(conn: Connection) {
  return conn.all<{
    packageId: string; sequence: number; kind: 'full' | 'incremental'; baseSequence: number; records: number; encrypted: number;
    fileName: string; createdAt: string; createdBy: string; acknowledgedAt: string | null;
    accepted: number | null; rejected: number | null; conflicts: number | null;
  }>(
    `SELECT e.package_id AS packageId, e.sequence, e.kind, e.base_sequence AS baseSequence, e.records, e.encrypted, e.file_name AS fileName,
            e.created_at AS createdAt, e.created_by AS createdBy, e.acknowledged_at AS acknowledgedAt,
            r.accepted, r.rejected, r.conflicts
     FROM exported_package e LEFT JOIN imported_receipt r ON r.receipt_id = e.receipt_id ORDER BY e.sequence DESC`,
  );
}

export async function importedHistory(conn: Connection) {
  const rows = await conn.all<{
    packageId: string; townshipCode: string; sequence: number; kind: 'full' | 'incremental'; createdAt: string; importedAt: string;
    importedBy: string; records: number; accepted: number; rejected: number; conflicts: number; missing_json: string;
  }>(
    `SELECT package_id AS packageId, township_code AS townshipCode, sequence, kind, created_at AS createdAt, imported_at AS importedAt,
            imported_by AS importedBy, records, accepted, rejected, conflicts, missing_json FROM imported_package
     ORDER BY imported_at DESC, township_code, sequence DESC`,
  );
  return rows.map(({ missing_json, ...r }) => ({ ...r, missing: JSON.parse(missing_json) as number[] }));
}

export interface RecordCountyState {
  id: string;
  rowVersion: number;
  state: 'accepted' | 'rejected' | 'conflict';
  action: string;
  issues: FieldIssue[];
  packageSequence: number;
  updatedAt: string;
}

export async function recordStates(conn: Connection, table: string, ids: string[]): Promise<RecordCountyState[]> {
  const rows = await conn.all<{ record_id: string; row_version: number; state: RecordCountyState['state']; action: string; issues_json: string | null; package_sequence: number; updated_at: string }>(
    `SELECT record_id, row_version, state, action, issues_json, package_sequence, updated_at FROM record_county_state
     WHERE table_name = ? AND record_id IN (${ids.map(() => '?').join(', ')})`,
    [table, ...ids],
  );
  return rows.map((r) => ({
    id: r.record_id, rowVersion: r.row_version, state: r.state, action: r.action,
    issues: r.issues_json ? (JSON.parse(r.issues_json) as FieldIssue[]) : [], packageSequence: r.package_sequence, updatedAt: r.updated_at,
  }));
}

/** County: every registered township with what the county holds of it. */
export async function countyTownships(conn: Connection) {
  const keys = await listTownshipKeys(conn);
  const out = [];
  for (const k of keys) {
    const seqs = (await conn.all<{ sequence: number }>('SELECT sequence FROM imported_package WHERE township_code = ? AND workstation_id = ? ORDER BY sequence', [k.townshipCode, k.workstationId])).map((r) => r.sequence);
    const last = seqs.at(-1) ?? 0;
    const have = new Set(seqs);
    const missing: number[] = [];
    for (let s = 1; s < last; s++) if (!have.has(s)) missing.push(s);
    const like = `${k.townshipCode}%`;
    out.push({
      code: k.townshipCode, name: k.townshipName, fingerprint: k.fingerprint, grouped: groupFingerprint(k.fingerprint), source: k.source,
      registeredAt: k.registeredAt, lastSequence: last, packages: seqs.length, missing,
      households: await n(conn, 'SELECT count(*) AS n FROM household WHERE village_code LIKE ? AND deleted_at IS NULL', [like]),
      persons: await n(conn, 'SELECT count(*) AS n FROM person p JOIN household h ON h.id = p.household_id WHERE h.village_code LIKE ? AND p.deleted_at IS NULL', [like]),
      openConflicts: await n(conn, 'SELECT count(*) AS n FROM package_conflict WHERE township_code = ? AND resolved_at IS NULL', [k.townshipCode]),
    });
  }
  return out;
}

export async function openConflicts(conn: Connection, townshipCode: string | null) {
  return conn.all<{ packageId: string; table: string; id: string; townshipCode: string; countyVersion: number; incomingVersion: number; detectedAt: string }>(
    `SELECT package_id AS packageId, table_name AS "table", record_id AS id, township_code AS townshipCode, county_version AS countyVersion,
            incoming_version AS incomingVersion, detected_at AS detectedAt
     FROM package_conflict WHERE resolved_at IS NULL AND (? IS NULL OR township_code = ?) ORDER BY detected_at, table_name, record_id`,
    [townshipCode, townshipCode],
  );
}
