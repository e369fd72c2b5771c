/**
 * The one entry both transports call to store a file before a method names it (HTTP streams its
 * body here, IPC passes the bytes). Only a signed-in caller may store files; what a file is used
 * for is checked by the method that uses it.
 */
import type { ApiResponse } from '../../shared/contract/index.js';
import { uploadRef, type UploadRef } from '../../shared/contract/common.js';
import { AppError } from '../../shared/domain/app-error.js';
import { signedInAccount } from '../services/auth/account-service.js';
import type { CallSession } from '../services/auth/session.js';
import type { ServiceContext } from '../services/context.js';
import { saveUpload } from '../services/uploads.js';
import { logger } from '../log.js';

export async function dispatchUpload(
  base: ServiceContext, fileName: string, bytes: AsyncIterable<Uint8Array> | Uint8Array, session?: CallSession,
): Promise<ApiResponse<UploadRef>> {
  if (base.backups?.startupProblems.length) return { ok: false, error: { kind: 'forbidden', code: 'backup.databaseDamaged' } };
  const account = session ? (session.accountId ? await signedInAccount(base.db.reader, session.accountId) : null) : base.account;
  if (!account) return { ok: false, error: { kind: 'unauthorized', code: 'auth.required' } };
  try {
    // Checked against the contract like every method's output (dispatch.ts).
    return { ok: true, result: uploadRef.parse(await saveUpload({ ...base, account, actor: account.username }, fileName, bytes)) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { kind: err.kind, code: err.code, params: err.params } };
    logger.error('upload failed', err);
    return { ok: false, error: { kind: 'internal', code: 'internal' } };
  }
}

/**
 * The IPC form: the renderer sends the file's name and its bytes (an ArrayBuffer, which may
 * arrive as a Buffer or another view); anything else is refused without touching the disk.
 */
export function dispatchIpcUpload(base: ServiceContext, fileName: unknown, bytes: unknown, session: CallSession): Promise<ApiResponse<UploadRef>> {
  if (typeof fileName !== 'string' || !(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) {
    return Promise.resolve({ ok: false, error: { kind: 'bad_request', code: 'bad_request', params: { detail: 'upload' } } });
  }
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  return dispatchUpload(base, fileName, view, session);
}
