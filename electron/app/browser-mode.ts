/** Browser mode as a program: open the database, serve, close cleanly on Ctrl+C. */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startBrowserServer, type BrowserServer } from '../http/browser-server.js';
import { openWorkstation } from './workstation.js';
import { startBackupSchedule } from '../backup/backup-schedule.js';
import { attachBackupControl } from '../backup/backup-control.js';

export const rendererDir = fileURLToPath(new URL('../../renderer/', import.meta.url));

export async function serveBrowserMode(dbFile: string, port: number): Promise<BrowserServer> {
  if (!existsSync(rendererDir)) throw new Error(`The renderer is not built (${rendererDir}); run npm run build`);
  const workstation = await openWorkstation(dbFile);
  // The check runs before the start-up backup, which would otherwise copy a damaged file.
  const backupControl = await attachBackupControl(workstation, dbFile);
  const backups = await startBackupSchedule(() => workstation.db, dbFile, () => backupControl.startupProblems.length === 0);
  const server = await startBrowserServer({ ctx: workstation.ctx, staticDir: rendererDir, port });
  console.log(`浏览器模式已启动 / Browser mode: ${server.url}`);
  console.log(`数据文件 / Data: ${dbFile}`);
  const stop = async () => {
    await server.close();
    await backups.stop();
    await workstation.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return server;
}
