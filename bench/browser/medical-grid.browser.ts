/**
 * Issue 7: the medical ledger opened in Chromium over a busy township's claims (browser mode, the
 * real CLI `serve`): time from the click on 医疗报销 to the first rows drawn, beside the first
 * `medical/page` call alone as the page makes it; the same after a filter change (住院, then the
 * year); then the grid scrolled to its very end, checking that no row is drawn blank. Medians of BENCH_RUNS (default 5) openings, saved with the other
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
    const year = page.getByLabel('按年度筛选');
    const visitType = page.getByLabel('按就诊类型筛选');

    /**
     * Times `act` inside the page: from the click's (or change's) event to the frame after row 0
     * shows a date and differs from `before` (a MutationObserver, then a frame, then a task: after
     * the paint). Playwright's own polling of the DOM would add up to 100 ms of retry interval.
     */
    async function timed(act: () => Promise<void>, before: string | null): Promise<number> {
      await page.evaluate((previous) => {
        // Typed by hand: the bench tsconfig has no DOM library.
        const w = globalThis as unknown as Record<string, unknown> & {
          document: { body: unknown; querySelector(s: string): { textContent: string | null } | null; addEventListener(t: string, f: () => void, o: object): void };
          MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void; disconnect(): void };
          requestAnimationFrame(f: () => void): void;
        };
        w.__started = null;
        w.__drawn = null;
        const start = () => { w.__started ??= performance.now(); };
        w.document.addEventListener('click', start, { capture: true, once: true });
        w.document.addEventListener('change', start, { capture: true, once: true });
        const observer = new w.MutationObserver(() => {
          const text = w.document.querySelector('[role=region][aria-label="报销记录"] [role=row][row-index="0"]')?.textContent ?? '';
          if (w.__started === null || !/\d{4}-\d{2}-\d{2}/.test(text) || text === previous) return;
          observer.disconnect();
          w.requestAnimationFrame(() => setTimeout(() => { w.__drawn = performance.now(); }, 0));
        });
        observer.observe(w.document.body, { subtree: true, childList: true, characterData: true });
      }, before);
      await act();
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __drawn: number | null }).__drawn), { timeout: 30_000 }).not.toBeNull();
      return page.evaluate(() => {
        const w = globalThis as unknown as { __drawn: number; __started: number };
        return w.__drawn - w.__started;
      });
    }
    const rowZero = () => grid.locator('[role=row][row-index="0"]').first().textContent();

    const firstPage: number[] = [];
    const apiCall: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await nav.getByRole('button', { name: '户籍台账' }).click();
      await expect(grid).toHaveCount(0);
      const response = page.waitForResponse((r) => r.url().includes('medical/page'), { timeout: 30_000 });
      firstPage.push(await timed(() => nav.getByRole('button', { name: '医疗报销' }).click(), null));
      const timing = (await response).request().timing();
      apiCall.push(timing.responseEnd - timing.requestStart);
    }
    // With filters: 住院 chosen, then the timed change is the year (2020 and 2021 in turn), in the
    // ledger's default order as the clerk sees it.
    await visitType.selectOption({ label: '住院' });
    await expect(grid.locator('[role=row][row-index="0"]').first()).toContainText('住院');
    const filtered: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const before = await rowZero();
      filtered.push(await timed(async () => void await year.selectOption(i % 2 === 0 ? '2020' : '2021'), before));
      await expect(grid.locator('[role=row][row-index="0"]').first()).toContainText('住院');
    }
    await year.selectOption('');
    await visitType.selectOption('');
    await expect(grid.locator('[role=row][row-index="0"]').first()).toContainText(/\d{4}-\d{2}-\d{2}/);

    // Scroll to the very end in steps: every row drawn has its text (no blank placeholder rows).
    // A row is drawn once per row container (pinned and centre), so its pieces are put together.
    await grid.hover();
    // The ledger holds the newest 1,000 (LOAD_LIMIT in use-claim-ledger.ts): the first 100 drawn,
    // the rest fetched behind them. Scroll once all are there.
    const status = page.getByText(/显示 \d+ \/ 共 \d+/);
    const counts = async () => (/显示 (\d+) \/ 共 (\d+)/.exec((await status.textContent()) ?? '') ?? []).slice(1).map(Number);
    await expect.poll(async () => { const [shownNow, total] = await counts(); return shownNow === Math.min(total!, 1_000); }).toBe(true);
    const [shown] = (await counts()) as [number];
    type Row = { textContent: string | null; getAttribute(name: string): string | null };
    const drawnRows = () => grid.evaluate((g) => {
      const text = new Map<number, string>();
      for (const r of Array.from(g.querySelectorAll('[role=row][row-index]')) as Row[]) {
        const index = Number(r.getAttribute('row-index'));
        text.set(index, (text.get(index) ?? '') + (r.textContent ?? '').trim());
      }
      return [...text].map(([index, t]) => ({ index, blank: t === '' }));
    });
    const blank = new Set<number>();
    let lastRow = -1;
    let steps = 0;
    for (; steps < 400 && lastRow < shown - 1; steps++) {
      await page.mouse.wheel(0, 2_000);
      await page.waitForTimeout(30);
      for (const r of await drawnRows()) {
        if (r.blank) blank.add(r.index);
        lastRow = Math.max(lastRow, r.index);
      }
    }
    expect(lastRow, `scrolled to row ${lastRow} of ${shown}`).toBeGreaterThanOrEqual(shown - 1);
    await mkdir('/tmp/shots', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/bench-medical-grid.png' });
    const result = {
      scale: SCALE, at: new Date().toISOString(), records: loaded.records, runs: RUNS,
      firstPageMs: { median: median(firstPage), all: firstPage }, apiCallMs: { median: median(apiCall), all: apiCall },
      filteredMs: { median: median(filtered), all: filtered },
      rowsShown: shown, scrolledToRow: lastRow, scrollSteps: steps, blankRowsWhileScrolling: blank.size,
    };
    console.log(JSON.stringify(result, null, 2));
    const out = process.env.BENCH_RESULTS ?? join(tmpdir(), 'taizhang-bench-results');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'medical-grid-browser.json'), JSON.stringify(result, null, 2));
    expect([...blank]).toEqual([]);
  } finally {
    server.child.removeAllListeners('exit');
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
