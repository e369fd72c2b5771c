import type { ApiResponse } from './index.js';

/** The one object the Electron preload puts on `window`; browser mode has none. */
export interface TaizhangBridge {
  platform: 'electron';
  invoke(method: string, input: unknown): Promise<ApiResponse<unknown>>;
}

/** The IPC channel the preload and the main process share. */
export const INVOKE_CHANNEL = 'taizhang:invoke';

/** Header that carries browser mode's per-launch token. */
export const TOKEN_HEADER = 'x-taizhang-token';
