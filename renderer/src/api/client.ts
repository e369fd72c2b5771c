/**
 * The renderer's only way to the data: a typed `invoke` that uses the Electron preload when
 * present and browser mode's HTTP endpoint otherwise, and `uploadFile` for files a method then
 * names by id. Both return the same ApiResponse.
 */
import type { ApiErrorBody, ApiResponse, MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import { TOKEN_HEADER, type TaizhangBridge } from '../../../shared/contract/bridge.js';
import type { UploadRef } from '../../../shared/contract/common.js';

declare global {
  interface Window {
    taizhang?: TaizhangBridge;
  }
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.code);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'taizhang.token';

/** Browser mode hands the token in the address (?token=…); keep it for reloads, then hide it. */
function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    const url = new URL(window.location.href);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

async function overHttp(method: string, input: unknown): Promise<ApiResponse<unknown>> {
  token ??= browserToken();
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(input ?? {}),
  });
  try {
    return (await response.json()) as ApiResponse<unknown>;
  } catch {
    return { ok: false, error: { kind: 'internal', code: 'internal' } };
  }
}

/** The file as the request body: the browser streams it, nothing is encoded on either side. */
async function uploadOverHttp(file: File): Promise<ApiResponse<unknown>> {
  token ??= browserToken();
  const response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: token },
    body: file,
  });
  try {
    return (await response.json()) as ApiResponse<unknown>;
  } catch {
    return { ok: false, error: { kind: 'internal', code: 'internal' } };
  }
}

const signedOutListeners = new Set<() => void>();

/** Called when a call finds the session gone (server restart, account disabled); returns an unsubscribe. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const response = window.taizhang ? await window.taizhang.invoke(method, input) : await overHttp(method, input);
  if (!response.ok && response.error.code === 'auth.required') signedOutListeners.forEach((l) => l());
  if (!response.ok) throw new ApiError(response.error);
  return response.result as MethodOutput<M>;
}

/** Stores a chosen file in the main process; pass the answer as `{ fileName, uploadId }` to a method. */
export async function uploadFile(file: File): Promise<{ fileName: string; uploadId: string }> {
  const response = window.taizhang ? await window.taizhang.upload(file.name, await file.arrayBuffer()) : await uploadOverHttp(file);
  if (!response.ok && response.error.code === 'auth.required') signedOutListeners.forEach((l) => l());
  if (!response.ok) throw new ApiError(response.error);
  const ref = response.result as UploadRef;
  return { fileName: ref.fileName, uploadId: ref.uploadId };
}
