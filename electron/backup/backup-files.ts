/**
 * Backup files: names that sort by time and say why they were made, and which ones to keep
 * (the newest 14, plus the newest of each month).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type BackupReason = 'start' | 'quit' | 'daily' | 'manual' | 'before-restore';

export interface BackupFile {
  file: string;
  name: string;
  /** ISO time the backup was taken (UTC), from the name. */
  takenAt: string;
  reason: BackupReason | 'unknown';
  bytes: number;
}

const NAME = /^taizhang-(\d{8})T(\d{6})Z-([a-z-]+)\.sqlite$/;

export function backupName(at: Date, reason: BackupReason): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `taizhang-${stamp}-${reason}.sqlite`;
}

function takenAtOf(name: string): { takenAt: string; reason: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, d, t, reason] = m as unknown as [string, string, string, string];
  return { takenAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`, reason };
}

/** Newest first. */
export async function listBackupFiles(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = takenAtOf(name);
    if (!parsed) continue;
    const file = join(dir, name);
    files.push({ file, name, takenAt: parsed.takenAt, reason: parsed.reason as BackupReason, bytes: (await stat(file)).size });
  }
  return files.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** The files retention removes: all but the newest `keep` and the newest of every month. */
export function filesToPrune(files: BackupFile[], keep: number): BackupFile[] {
  const newestFirst = [...files].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const kept = new Set(newestFirst.slice(0, keep).map((f) => f.file));
  const months = new Set<string>();
  for (const f of newestFirst) {
    const month = f.takenAt.slice(0, 7);
    if (!months.has(month)) {
      months.add(month);
      kept.add(f.file);
    }
  }
  return newestFirst.filter((f) => !kept.has(f.file));
}
