/**
 * The Electron shell, and only the shell: window, Chinese menu, single-instance lock, data
 * folder, IPC wiring. Everything else is plain TypeScript shared with browser mode and the CLI.
 */
import { app, BrowserWindow, ipcMain, Menu, dialog, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INVOKE_CHANNEL, UPLOAD_CHANNEL } from '../shared/contract/bridge.js';
import { dispatch } from './api/dispatch.js';
import { dispatchIpcUpload } from './api/dispatch-upload.js';
import { openWorkstation, type Workstation } from './app/workstation.js';
import { logger } from './log.js';
import { defaultDataDir } from './app/data-dir.js';
import { startBackupSchedule, type BackupSchedule } from './backup/backup-schedule.js';
import { attachBackupControl } from './backup/backup-control.js';
import { SessionStore } from './services/auth/session.js';
import { savePageAsPdf } from './print-pdf.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();

/** Tests must name their own folder: a test run never touches a clerk's real data. */
function dataDir(): string {
  if (process.env.TAIZHANG_TEST === '1' && !process.env.TAIZHANG_DATA_DIR) {
    throw new Error('TAIZHANG_TEST is set but TAIZHANG_DATA_DIR is not: refusing to touch real data');
  }
  return defaultDataDir();
}

function menu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => BrowserWindow.getFocusedWindow()?.webContents.print() },
        { label: '导出为 PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => void savePageAsPdf() },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => void shell.openPath(dataDir()) }, { type: 'separator' }, { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' }, { label: '重做', role: 'redo' }, { type: 'separator' },
        { label: '剪切', role: 'cut' }, { label: '复制', role: 'copy' }, { label: '粘贴', role: 'paste' }, { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' }, { label: '实际大小', role: 'resetZoom' }, { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' }, { type: 'separator' }, { label: '全屏', role: 'togglefullscreen' },
        { label: '开发者工具', role: 'toggleDevTools' },
      ],
    },
    { label: '帮助', submenu: [{ label: `关于 台账 ${app.getVersion()}`, click: () => void dialog.showMessageBox({ message: `台账 ${app.getVersion()}`, detail: `数据文件夹：${dataDir()}` }) }] },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '台账',
    show: false,
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // No navigation away from the app and no new windows: there is no remote content.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.session.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: '保存文件', defaultPath: join(app.getPath('documents'), item.getFilename()) });
  });
  void win.loadFile(rendererIndex);
  return win;
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  let workstation: Workstation;
  let backups: BackupSchedule;
  const dbFile = join(dataDir(), 'taizhang.sqlite');
  try {
    workstation = await openWorkstation(dbFile);
    // The check runs before the start-up backup, which would otherwise copy a damaged file.
    const backupControl = await attachBackupControl(workstation, dbFile);
    backups = await startBackupSchedule(() => workstation.db, dbFile, () => backupControl.startupProblems.length === 0);
  } catch (err) {
    logger.error('could not open the database', err);
    dialog.showErrorBox('无法打开数据库', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  // One sign-in per window: the session lives in the main process, never in the page.
  const sessions = new SessionStore();
  const sessionIds = new Map<number, string | null>();
  // Only our own page may call: a frame from anywhere else gets nothing.
  const fromOurPage = (event: IpcMainInvokeEvent) => {
    const sender = new URL(event.senderFrame?.url ?? 'about:blank');
    sender.search = '';
    sender.hash = '';
    return sender.toString() === rendererUrl;
  };
  const sessionOf = (event: IpcMainInvokeEvent) => {
    const windowId = event.sender.id;
    return sessions.session(sessionIds.get(windowId) ?? null, (id) => sessionIds.set(windowId, id));
  };
  const refused = { ok: false, error: { kind: 'unauthorized', code: 'unauthorized' } } as const;
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!fromOurPage(event)) return refused;
    return dispatch(workstation.ctx, typeof method === 'string' ? method : '', input, sessionOf(event));
  });
  ipcMain.handle(UPLOAD_CHANNEL, (event, fileName: unknown, bytes: unknown) => {
    if (!fromOurPage(event)) return refused;
    return dispatchIpcUpload(workstation.ctx, fileName, bytes, sessionOf(event));
  });
  Menu.setApplicationMenu(menu());
  let win = createWindow();
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
  app.on('window-all-closed', () => app.quit());
  // Quit waits for the last backup and a clean close of the database.
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void backups.stop().finally(() => void workstation.close().finally(() => app.quit()));
  });
}

void start();
