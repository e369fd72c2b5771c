/**
 * 文件 → 导出为 PDF: the page as it prints (the renderer's print style sheet: reports on A4
 * landscape, navigation hidden), saved where the clerk chooses. Electron only; in browser mode
 * the browser's own print dialog does the same.
 */
import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { logger } from './log.js';

export async function savePageAsPdf(): Promise<void> {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!win) return;
  const stamp = new Date().toISOString().slice(0, 10);
  const choice = await dialog.showSaveDialog(win, {
    title: '导出为 PDF',
    defaultPath: `${win.getTitle().replace(/[\\/:*?"<>|]/g, '_')}-${stamp}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    const pdf = await win.webContents.printToPDF({ landscape: true, pageSize: 'A4', printBackground: true });
    await writeFile(choice.filePath, pdf);
  } catch (err) {
    logger.error('PDF export failed', err);
    dialog.showErrorBox('导出 PDF 失败', err instanceof Error ? err.message : String(err));
  }
}
