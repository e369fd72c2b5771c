/** The sign-in form, and on a new workstation the form that makes the first administrator. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import type { Me } from '../../../shared/contract/auth.js';
import { Field } from '../components/Field.js';
import { describeError } from '../lib/errors.js';

interface SignInFormProps {
  mode: 'setup' | 'login';
  townshipName: string | null;
  onSignedIn(me: Me): void;
}

export function SignInForm({ mode, townshipName, onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'setup' && values.password !== values.confirm) {
      setError(t('ui.auth.confirmMismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = mode === 'setup'
        ? await invoke('auth/setup', { username: values.username, displayName: values.displayName, password: values.password })
        : await invoke('auth/login', { username: values.username, password: values.password });
      onSignedIn(me);
    } catch (err) {
      const text = describeError(t, err);
      setError([text.message, ...text.issues].join('；'));
      setValues((v) => ({ ...v, password: '', confirm: '' }));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: keyof typeof values, label: string, type = 'text', autoComplete = 'off') => (
    <Field id={`auth-${field}`} label={label} error={null}>
      <input id={`auth-${field}`} className="input" type={type} autoComplete={autoComplete} autoFocus={field === 'username'} value={values[field]} onChange={set(field)} />
    </Field>
  );

  return (
    <div className="auth-screen">
      {/* Enter submits here, as on any sign-in form. */}
      <form className="auth-card" onSubmit={submit} noValidate>
        <h1 className="auth-title">{t('app.title')}{townshipName ? ` · ${townshipName}` : ''}</h1>
        <p className="auth-lead">{mode === 'setup' ? t('ui.auth.setupLead') : t('ui.auth.loginLead')}</p>
        {input('username', t('field.username'), 'text', 'username')}
        {mode === 'setup' && input('displayName', t('field.displayName'))}
        {input('password', t('field.password'), 'password', mode === 'setup' ? 'new-password' : 'current-password')}
        {mode === 'setup' && input('confirm', t('ui.auth.confirm'), 'password', 'new-password')}
        {error && <p className="auth-error" role="alert">{error}</p>}
        <button type="submit" className="button button-primary auth-submit" disabled={busy}>
          {mode === 'setup' ? t('ui.auth.createAdmin') : t('ui.auth.signIn')}
        </button>
      </form>
    </div>
  );
}
