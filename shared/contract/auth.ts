import { z } from 'zod';
import { method } from './define.js';
import { ok, recordId, rowVersion } from './common.js';
import { roles } from '../domain/roles.js';

export const role = z.enum(roles);

export const account = z.object({
  id: recordId,
  rowVersion,
  username: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type Account = z.infer<typeof account>;

/** The signed-in user as the screens need it. */
export const me = z.object({ username: z.string(), displayName: z.string(), role });
export type Me = z.infer<typeof me>;

const username = z.string().trim().regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$/);
/** Long enough to resist guessing on a shared township PC; no composition rules to forget. */
const password = z.string().min(8).max(128);

export const authApi = {
  /** Whether the first administrator still has to be made, and who is signed in. */
  'auth/status': method(z.object({}), z.object({ needsSetup: z.boolean(), me: me.nullable() })),
  /** Only while no account exists: makes the first administrator and signs them in. */
  'auth/setup': method(z.object({ username, displayName: z.string().trim().min(1).max(30), password }), me),
  'auth/login': method(z.object({ username: z.string().trim().max(32), password: z.string().max(128) }), me),
  'auth/logout': method(z.object({}), ok),
  'auth/changePassword': method(z.object({ current: z.string().max(128), next: password }), ok),
  'accounts/list': method(z.object({}), z.array(account)),
  'accounts/save': method(
    z.object({
      id: recordId.optional(),
      rowVersion: rowVersion.optional(),
      username,
      displayName: z.string().trim().min(1).max(30),
      role,
      disabled: z.boolean().default(false),
      /** Required for a new account. */
      password: password.optional(),
    }),
    account,
  ),
  /** An administrator sets a new password; it also lifts a lockout. */
  'accounts/resetPassword': method(z.object({ id: recordId, password }), ok),
} as const;
