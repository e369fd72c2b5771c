/**
 * Each test gets its own data folder and its own browser-mode server (the real CLI `serve`),
 * which it can restart to prove data survives. No sleeps: we wait for the printed address.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'taizhang.js');

/** Every test's workstation has this administrator; page objects sign in with it. */
export const ADMIN = { username: 'admin', password: 'admin-pass-1' };

export interface AppServer {
  url: string;
  dbFile: string;
  dataDir: string;
  restart(): Promise<void>;
  cli(...args: string[]): { status: number | null; stdout: string; stderr: string };
}

function startServer(dbFile: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--db', dbFile, '--port', '0'], { cwd: root, env: { ...process.env, TAIZHANG_QUIET: '1' } });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A workstation of its own: data folder, browser-mode server, the test administrator. */
export async function launchWorkstation(): Promise<{ app: AppServer; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'taizhang-e2e-'));
  const dbFile = join(dataDir, 'taizhang.sqlite');
  let server = await startServer(dbFile);
  const added = spawnSync(process.execPath, [cli, 'add-account', '--db', dbFile, '--username', ADMIN.username, '--name', '管理员', '--role', 'admin', '--password', ADMIN.password], { cwd: root, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`could not add the test administrator: ${added.stdout}${added.stderr}`);
  const app: AppServer = {
    dataDir,
    dbFile,
    get url() {
      return server.url;
    },
    async restart() {
      await stopServer(server.child);
      server = await startServer(dbFile);
    },
    cli(...args: string[]) {
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
  };
  return {
    app,
    async close() {
      await stopServer(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ app: AppServer; secondApp: AppServer; cspGuard: void }>({
  // Every page is watched for Content-Security-Policy violations and uncaught errors.
  cspGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      await use();
      expect(problems, 'CSP violations or uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({}, use) => {
    const workstation = await launchWorkstation();
    await use(workstation.app);
    await workstation.close();
  },
  // A second workstation (e.g. the county that imports the township's packages); open it in its
  // own browser context, since cookies do not tell ports apart.
  secondApp: async ({}, use) => {
    const workstation = await launchWorkstation();
    await use(workstation.app);
    await workstation.close();
  },
});

export { expect };
