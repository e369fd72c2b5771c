/**
 * Nothing of the workstation shows before sign-in. A call refused with auth.required (the
 * server restarted, the account was disabled) brings the sign-in screen back.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, onSignedOut } from '../api/client.js';
import type { Me } from '../../../shared/contract/auth.js';
import { AuthContext, type Auth } from './auth-context.js';
import { SignInForm } from './SignInForm.js';

type State = { kind: 'loading' } | { kind: 'setup' | 'login'; township: string | null } | { kind: 'in'; me: Me };

export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const [status, settings] = await Promise.all([invoke('auth/status', {}), invoke('settings/get', {})]);
    if (status.me) setState({ kind: 'in', me: status.me });
    else setState({ kind: status.needsSetup ? 'setup' : 'login', township: settings.orgName });
  }, []);

  useEffect(() => {
    void refresh();
    return onSignedOut(() => void refresh());
  }, [refresh]);

  const auth = useMemo<Auth | null>(() => (state.kind === 'in' ? {
    me: state.me,
    signOut: async () => {
      await invoke('auth/logout', {});
      await refresh();
    },
  } : null), [state, refresh]);

  if (state.kind === 'loading') return <div className="app-loading" role="status">{t('ui.common.loading')}</div>;
  if (state.kind !== 'in') return <SignInForm mode={state.kind} townshipName={state.township} onSignedIn={(me) => setState({ kind: 'in', me })} />;
  return <AuthContext value={auth}>{children}</AuthContext>;
}
