/**
 * Kills the real CLI process (SIGKILL, no chance to clean up) in the middle of a large import
 * and in the middle of a run of saves, then checks the database holds all or none of each
 * transaction, passes integrity and foreign-key checks, and keeps an unbroken audit chain.
 * Runs the built CLI (npm test builds first).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main.js';
import { openWorkstation } from '../app/workstation.js';
import { verifyAuditChain } from '../services/audit-chain.js';
import { validId } from '../test/workstation-fixture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'taizhang.js');
const built = join(root, 'dist', 'electron', 'cli', 'main.js');

let dir: string;
let db: string;
beforeEach(async () => {
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  dir = await mkdtemp(join(tmpdir(), 'taizhang-crash-'));
  db = join(dir, 't.sqlite');
  const quiet = console.log;
  console.log = () => undefined;
  try {
    expect(await main(['init', '--db', db, '--org', '371502100', '--name', '崩溃镇'])).toBe(0);
    expect(await main(['demo', '--db', db, '--households', '1'])).toBe(0);
  } finally {
    console.log = quiet;
  }
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the CLI and SIGKILLs it once `ready()` says it is in the middle of writing. */
function killMidway(args: string[], ready: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    const poll = setInterval(() => {
      if (ready()) child.kill('SIGKILL');
      else if (Date.now() > deadline) {
        child.kill('SIGKILL');
        reject(new Error('the process finished or never started writing'));
      }
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`exited by itself (${code}) before it could be killed`));
    });
  });
}

const walBytes = () => (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

async function inspect() {
  const w = await openWorkstation(db);
  try {
    const integrity = await w.db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    const fk = await w.db.all('PRAGMA foreign_key_check');
    const counts = await w.db.get<{ households: number; persons: number; orphans: number }>(
      `SELECT (SELECT count(*) FROM household) AS households, (SELECT count(*) FROM person) AS persons,
              (SELECT count(*) FROM household h WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id)) AS orphans`,
    );
    return { integrity: integrity.map((r) => r.integrity_check), fk, counts: counts!, chain: await verifyAuditChain(w.db.reader) };
  } finally {
    await w.close();
  }
}

describe('crash safety (SIGKILL)', () => {
  it('a large import killed midway leaves none of it', async () => {
    const rows = ['户编号,村,户类型,姓名,身份证号,与户主关系'];
    // Unique ID numbers: a different area code for every thousand rows.
    for (let i = 0; i < 6000; i++) rows.push(`K${i},张庄村,边缘户,某${i},${validId('19800101', i % 1000, `37${1000 + Math.floor(i / 1000)}`)},户主`);
    const sheet = join(dir, 'big.csv');
    await writeFile(sheet, rows.join('\n'));
    const before = await inspect();
    const startWal = walBytes();
    await killMidway(['import', '--db', db, '--kind', 'persons', sheet], () => walBytes() > startWal + 2_000_000);
    const after = await inspect();
    expect(after.integrity).toEqual(['ok']);
    expect(after.fk).toEqual([]);
    expect(after.counts).toEqual(before.counts);
    expect(after.chain).toMatchObject({ ok: true, rows: before.chain.rows });
  });

  it('a run of saves killed midway keeps every committed batch whole and nothing of the one in flight', async () => {
    const start = await inspect();
    await killMidway(['demo', '--db', db, '--households', '20000'], () => walBytes() > 3_000_000);
    const after = await inspect();
    expect(after.integrity).toEqual(['ok']);
    expect(after.fk).toEqual([]);
    expect(after.counts.orphans).toBe(0);
    // demo writes in transactions of 500 households: only whole batches survive.
    expect((after.counts.households - start.counts.households) % 500).toBe(0);
    expect(after.chain.ok).toBe(true);
  });
});
