import type { UploadRef } from './common.js';
import type { ApiResponse } from './index.js';

/** The one object the Electron preload puts on `window`; browser mode has none. */
export interface TaizhangBridge {
  platform: 'electron';
  invoke(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Stores a file in the main process; methods then name it by `uploadId` (see `withFile`). */
  upload(fileName: string, bytes: ArrayBuffer): Promise<ApiResponse<UploadRef>>;
}

/** The IPC channel the preload and the main process share. */
export const INVOKE_CHANNEL = 'taizhang:invoke';
export const UPLOAD_CHANNEL = 'taizhang:upload';

/** Header that carries browser mode's per-launch token. */
export const TOKEN_HEADER = 'x-taizhang-token';
