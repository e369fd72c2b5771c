#!/usr/bin/env node
// `npm start`: the Electron app, or, where the Electron binary cannot be had (offline
// machines: it downloads on first run), browser mode on 127.0.0.1 with the same data folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../dist/electron/main.js', import.meta.url)) || !existsSync(new URL('../dist/renderer/index.html', import.meta.url))) {
  console.log('首次启动：正在构建… / building…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Resolving `electron` downloads its binary when missing; do it in a child so a failure is one line.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 300_000 });
const electronPath = probe.status === 0 ? probe.stdout.trim() : '';

if (electronPath && existsSync(electronPath)) {
  const child = spawn(electronPath, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('无法获取 Electron 程序（离线？），改用浏览器模式 / Electron binary unavailable here; starting browser mode instead.');
  const { defaultDatabaseFile } = await import('../dist/electron/app/data-dir.js');
  const { serveBrowserMode } = await import('../dist/electron/app/browser-mode.js');
  const port = Number(process.env.PORT ?? 0);
  await serveBrowserMode(defaultDatabaseFile(), port);
}
