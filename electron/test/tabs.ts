/** Callers with their own sessions, as browser tabs or windows would be, for role tests. */
import type { ApiErrorBody, MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { dispatch } from '../api/dispatch.js';
import { SessionStore, type CallSession } from '../services/auth/session.js';
import type { Fixture } from './workstation-fixture.js';

export interface Tab {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  fail<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiErrorBody>;
}

export function tabs(f: Fixture, store: SessionStore = new SessionStore()) {
  const tab = (): Tab => {
    let id: string | null = null;
    const session = (): CallSession => store.session(id, (next) => (id = next));
    return {
      async call(method, input) {
        const r = await dispatch(f.workstation.ctx, method, input, session());
        if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
        return r.result as MethodOutput<typeof method>;
      },
      async fail(method, input) {
        const r = await dispatch(f.workstation.ctx, method, input, session());
        if (r.ok) throw new Error(`${method} should have been refused`);
        return r.error;
      },
    };
  };

  /** The first administrator plus one account per role; each password is `<username>-pass-1`. */
  async function withAccounts(extra: { username: string; role: 'admin' | 'reviewer' | 'clerk' | 'viewer' }[] = []): Promise<Tab> {
    const admin = tab();
    await admin.call('auth/setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    for (const a of [{ username: 'reviewer', role: 'reviewer' as const }, { username: 'clerk', role: 'clerk' as const }, { username: 'viewer', role: 'viewer' as const }, ...extra]) {
      await admin.call('accounts/save', { username: a.username, displayName: a.username, role: a.role, password: `${a.username}-pass-1` });
    }
    return admin;
  }

  async function signedIn(username: string): Promise<Tab> {
    const t = tab();
    await t.call('auth/login', { username, password: `${username}-pass-1` });
    return t;
  }

  return { tab, withAccounts, signedIn };
}
