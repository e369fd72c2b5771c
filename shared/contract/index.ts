import type { z } from 'zod';
import { mergeContracts } from './define.js';
import { settingsApi } from './settings.js';
import { householdApi } from './households.js';
import { transferApi } from './transfer.js';
import { authApi } from './auth.js';
import { reviewApi } from './review.js';
import { packagesApi } from './packages.js';
import { auditApi } from './audit.js';
import { backupApi } from './backup.js';
import { housingApi } from './housing.js';
import { medicalApi } from './medical.js';
import { waterApi } from './water.js';
import { schoolApi } from './school.js';

/** The whole API, declared once; IPC and HTTP are thin adapters over it. */
export const api = mergeContracts(settingsApi, householdApi, transferApi, authApi, reviewApi, packagesApi, medicalApi, housingApi, schoolApi, waterApi, auditApi, backupApi);

export type Api = typeof api;
export type MethodName = keyof Api & string;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** What a failed call returns through either transport. */
export interface ApiErrorBody {
  /** `validation`, `conflict`, `not_found`, `bad_request`, `internal`. */
  kind: string;
  /** i18n key under `error.` */
  code: string;
  params?: Record<string, string | number>;
  issues?: import('../domain/issue.js').FieldIssue[];
}

export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };
