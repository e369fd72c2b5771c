/**
 * Issue 7: the medical ledger opened in Chromium over a busy township's claims (browser mode, the
 * real CLI `serve`): time from the click on 医疗报销 to the first rows drawn, beside the
 * `medical/page` call alone as the page makes it; then the grid scrolled to its end, checking
 * that no row is drawn blank. Medians of BENCH_RUNS (default 5) openings, saved with the other
 * bench results.
 */
import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyDb, loadedTownship } from '../support/fixtures.js';
import { median, SCALE } from '../support/measure.js';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'bin', 'taizhang.js');
const ADMIN = { username: 'bench', password: 'bench-pass-1' };
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function serve(dbFile: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--db', dbFile, '--port', '0'], { cwd: root, env: { ...process.env, TAIZHANG_QUIET: '1' } });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

test('medical ledger: first page and scrolling over a busy township', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-bench-browser-'));
  // The ledger is a township's screen: the busy township, 400,000 claims at full scale.
  const loaded = await loadedTownship();
  const db = await copyDb(loaded.file, join(dir, 'township.sqlite'));
  const added = spawnSync(process.execPath, [cli, 'add-account', '--db', db, '--username', ADMIN.username, '--name', '基准', '--role', 'admin', '--password', ADMIN.password], { encoding: 'utf8' });
  expect(added.status, added.stdout + added.stderr).toBe(0);
  const server = await serve(db);
  try {
    await page.goto(server.url);
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByLabel('密码').press('Enter');
    const nav = page.getByRole('navigation');
    await expect(nav).toContainText('户籍台账');
    const grid = page.getByRole('region', { name: '报销记录' });
    const firstPage: number[] = [];
    const apiCall: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await nav.getByRole('button', { name: '户籍台账' }).click();
      await expect(grid).toHaveCount(0);
      const response = page.waitForResponse((r) => r.url().includes('medical/page'));
      const started = Date.now();
      await nav.getByRole('button', { name: '医疗报销' }).click();
      const answered = await Promise.race([response, page.waitForTimeout(30_000).then(async () => {
        await page.screenshot({ path: '/tmp/shots/bench-medical-grid-stuck.png' });
        throw new Error('no medical/page call within 30 s (screenshot /tmp/shots/bench-medical-grid-stuck.png)');
      })]);
      await expect(grid.locator('[role=row][row-index="0"]').first()).toContainText(/\d{4}-\d{2}-\d{2}/);
      firstPage.push(Date.now() - started);
      const timing = answered.request().timing();
      apiCall.push(timing.responseEnd - timing.requestStart);
    }
    // Scroll to the end in steps: every row drawn has its text (no blank placeholder rows).
    await grid.hover();
    const blank: number[] = [];
    for (let step = 0; step < 10; step++) {
      await page.mouse.wheel(0, 4_000);
      await page.waitForTimeout(50);
      // Typed by hand: the bench tsconfig has no DOM library.
      type Row = { textContent: string | null; getAttribute(name: string): string | null };
      const empty = await grid.evaluate((g) => (Array.from(g.querySelectorAll('.ag-center-cols-container [role=row]')) as Row[])
        .filter((r) => (r.textContent ?? '').trim() === '').map((r) => Number(r.getAttribute('row-index'))));
      blank.push(...empty);
    }
    await mkdir('/tmp/shots', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/bench-medical-grid.png' });
    const result = {
      scale: SCALE, at: new Date().toISOString(), records: loaded.records, runs: RUNS,
      firstPageMs: { median: median(firstPage), all: firstPage }, apiCallMs: { median: median(apiCall), all: apiCall },
      blankRowsWhileScrolling: blank.length,
    };
    console.log(JSON.stringify(result, null, 2));
    const out = process.env.BENCH_RESULTS ?? join(tmpdir(), 'taizhang-bench-results');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'medical-grid-browser.json'), JSON.stringify(result, null, 2));
    expect(blank).toEqual([]);
  } finally {
    server.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
