/**
 * The renderer's only door to the main process: one `invoke`, and `upload` for files. Runs sandboxed with context
 * isolation, so it is bundled to a single CommonJS file (dist/electron/preload.cjs).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, UPLOAD_CHANNEL, type TaizhangBridge } from '../shared/contract/bridge.js';
import type { ApiResponse } from '../shared/contract/index.js';
import type { UploadRef } from '../shared/contract/common.js';

const bridge = {
  platform: 'electron',
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<ApiResponse<unknown>>,
  upload: (fileName: string, bytes: ArrayBuffer) => ipcRenderer.invoke(UPLOAD_CHANNEL, fileName, bytes) as Promise<ApiResponse<UploadRef>>,
} satisfies TaizhangBridge;

contextBridge.exposeInMainWorld('taizhang', bridge);
