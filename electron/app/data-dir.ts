/**
 * Where the workstation keeps its database, the same for Electron and browser mode so both
 * open the same data: %APPDATA%\Taizhang\data, ~/Library/Application Support/Taizhang/data,
 * or $XDG_CONFIG_HOME/Taizhang/data. TAIZHANG_DATA_DIR overrides it (tests, portable use).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Taizhang';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TAIZHANG_DATA_DIR) return env.TAIZHANG_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER, 'data');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER, 'data');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER, 'data');
}

export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), 'taizhang.sqlite');
}
