/**
 * Where the Electron binary is, if this machine has it. Resolving the `electron` package
 * downloads the binary on first use; offline that fails, so ask in a child process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..');

export function electronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: projectRoot, encoding: 'utf8', timeout: 300_000 });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}
