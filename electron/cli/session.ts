/** A CLI command's access to the API: the same contract validation and services as the app. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ApiErrorBody, MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { dispatch } from '../api/dispatch.js';
import { openWorkstation, type Workstation } from '../app/workstation.js';

export class CallFailed extends Error {
  constructor(readonly error: ApiErrorBody) {
    super(error.code);
  }
}

export interface CliSession {
  workstation: Workstation;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
}

export async function withSession<T>(dbFile: string, fn: (session: CliSession) => Promise<T>): Promise<T> {
  const workstation = await openWorkstation(dbFile);
  const session: CliSession = {
    workstation,
    async call(method, input) {
      const response = await dispatch(workstation.ctx, method, input);
      if (!response.ok) throw new CallFailed(response.error);
      return response.result as MethodOutput<typeof method>;
    },
  };
  try {
    return await fn(session);
  } finally {
    await workstation.close();
  }
}

export async function uploadOf(path: string): Promise<{ fileName: string; contentBase64: string }> {
  return { fileName: basename(path), contentBase64: (await readFile(path)).toString('base64') };
}
