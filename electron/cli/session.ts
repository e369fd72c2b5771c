/** A CLI command's access to the API: the same contract validation and services as the app. */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ApiErrorBody, MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { dispatch } from '../api/dispatch.js';
import { dispatchUpload } from '../api/dispatch-upload.js';
import { openWorkstation, type Workstation } from '../app/workstation.js';
import { removeUpload } from '../services/uploads.js';

export class CallFailed extends Error {
  constructor(readonly error: ApiErrorBody) {
    super(error.code);
  }
}

export interface CliSession {
  workstation: Workstation;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Stores a file as the app's transports do (streamed, never held whole); methods name it by id. */
  upload(path: string): Promise<{ fileName: string; uploadId: string }>;
}

export async function withSession<T>(dbFile: string, fn: (session: CliSession) => Promise<T>): Promise<T> {
  const workstation = await openWorkstation(dbFile);
  const uploads: string[] = [];
  const session: CliSession = {
    workstation,
    async call(method, input) {
      const response = await dispatch(workstation.ctx, method, input);
      if (!response.ok) throw new CallFailed(response.error);
      return response.result as MethodOutput<typeof method>;
    },
    async upload(path) {
      const fileName = basename(path);
      // Opened here, so a missing or unreadable file is a clear refusal, not a stream error event.
      const file = await open(path).catch((err: NodeJS.ErrnoException) => {
        throw new CallFailed(err.code === 'ENOENT'
          ? { kind: 'bad_request', code: 'file.notFound', params: { fileName: path } }
          : { kind: 'bad_request', code: 'file.unreadable', params: { fileName, detail: err.code ?? err.message } });
      });
      let response;
      try {
        response = await dispatchUpload(workstation.ctx, fileName, file.createReadStream({ autoClose: false }));
      } finally {
        await file.close();
      }
      if (!response.ok) throw new CallFailed(response.error);
      uploads.push(response.result.uploadId);
      return { fileName: response.result.fileName, uploadId: response.result.uploadId };
    },
  };
  try {
    return await fn(session);
  } finally {
    // The command is over: its copies of the files it read are of no further use.
    for (const uploadId of uploads) await removeUpload(workstation.ctx, uploadId);
    await workstation.close();
  }
}
