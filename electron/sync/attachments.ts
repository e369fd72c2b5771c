/**
 * Attachments: files a ledger row names by SHA-256 (housing photos and their thumbnails),
 * carried in the package once each as `attachments/<sha256>`. Which columns name files is
 * declared per ledger (`attachments` in ledger-tables.ts); both sides collect the hashes the
 * live rows name while the rows stream past, so only hashes, never files, are held.
 */
import type { Database } from '../db/driver.js';
import { photoFolder } from '../services/housing/photo-store.js';
import type { LedgerTable } from './ledger-tables.js';
import type { PackageRow } from './streams.js';

const HASH = /^[0-9a-f]{64}$/;

/** The archive entry of one attachment. */
export function attachmentFile(sha256: string, encrypted: boolean): string {
  return `attachments/${sha256}${encrypted ? '.enc' : ''}`;
}

/** Where the workstation keeps the files rows name: the data folder's file store. */
export function attachmentFolder(db: Database): string {
  return photoFolder(db);
}

/** The hashes the live rows of a package name, each once, with the first table file naming it. */
export class AttachmentRefs {
  private readonly named = new Map<string, string>();

  /**
   * Adds the files a live row names. A value that is not a hash names no file: the row itself
   * is rejected by its ledger's checks (validate), the rest of the package goes on.
   */
  add(table: LedgerTable, row: PackageRow, file: string): void {
    if (!table.attachments || row.deleted_at !== null) return;
    for (const column of table.attachments) {
      const value = row[column];
      if (typeof value === 'string' && HASH.test(value) && !this.named.has(value)) this.named.set(value, file);
    }
  }

  has(sha256: string): boolean {
    return this.named.has(sha256);
  }

  /** In hash order, so a package's layout does not depend on row order. */
  hashes(): string[] {
    return [...this.named.keys()].sort();
  }

  /** Each hash with the table file whose row names it. */
  entries(): [string, string][] {
    return [...this.named.entries()];
  }
}
