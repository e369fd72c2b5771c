/**
 * The references that run in the `sqlite3` command-line tool: the statements go in on stdin,
 * GNU time reports the tool's peak RSS. The time is the whole process (a start of a few ms,
 * measured once as `startupMs` so the doc can quote it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

export interface CliRun {
  ms: number;
  rssMB: number | null;
  stdout: string;
}

export function sqliteCli(dbFile: string, script: string): CliRun {
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const out = timed
    ? spawnSync(GNU_TIME, ['-f', 'MAXRSS %M', 'sqlite3', '-batch', dbFile], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync('sqlite3', ['-batch', dbFile], { input: script, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (out.status !== 0) throw new Error(`sqlite3 failed (${out.status}): ${out.stderr}`);
  const rss = /MAXRSS (\d+)/.exec(out.stderr ?? '');
  return { ms, rssMB: rss ? Number(rss[1]) / 1000 : null, stdout: out.stdout };
}

/** SQL with its `?` parameters written in as literals, for the command-line tool. */
export function inline(sql: string, params: readonly unknown[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const v = params[i++];
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number' || typeof v === 'bigint') return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}
