/**
 * The browser measurement of issue 7 (not part of `npm test`): the medical ledger's first page in
 * Chromium, browser mode, over the county's claims. Needs `npm run build` and the bench
 * fixtures (`npm run bench -- fixtures`, same BENCH_SCALE). Run:
 *   npx playwright test --config bench/browser/playwright.config.ts
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: '.',
  testMatch: '*.browser.ts',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  outputDir: '../../.tmp/bench-browser-results',
  use: {
    locale: 'zh-CN',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
