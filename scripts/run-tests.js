#!/usr/bin/env node
// `npm test`: build, typecheck, unit tests (vitest), end-to-end tests (Playwright in Chromium),
// then one closing line "N passed, N failed, N skipped" over all of them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.tmp');
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit`

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const want = (part) => only.length === 0 || only.includes(part);

if (!run('build', 'npm', ['run', 'build', '--silent'])) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

if (want('typecheck')) {
  if (run('typecheck', 'npm', ['run', 'typecheck', '--silent'])) totals.passed++;
  else totals.failed++;
}

if (want('unit')) {
  const report = join(out, 'vitest.json');
  rmSync(report, { force: true });
  run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests;
    // A suite that fails to load has no tests to count, so count the suite.
    totals.failed += r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites ?? 0 : 0);
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else totals.failed++;
}

if (want('e2e')) {
  const report = join(out, 'playwright.json');
  rmSync(report, { force: true });
  run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const s = json.stats;
    // Say why each skipped test was skipped (e.g. no Electron binary on an offline machine).
    const walk = (suite) => [...(suite.suites ?? []).flatMap(walk), ...(suite.specs ?? [])];
    for (const spec of json.suites.flatMap(walk)) {
      for (const t of spec.tests) {
        const why = t.annotations?.find((a) => a.type === 'skip')?.description;
        if (t.status === 'skipped' && why) console.log(`skipped: ${spec.title}: ${why}`);
      }
    }
    totals.passed += s.expected + (s.flaky ?? 0);
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
  } else totals.failed++;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
