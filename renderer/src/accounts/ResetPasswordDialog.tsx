import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { Modal } from '../components/Modal.js';
import { Field, fieldAria } from '../components/Field.js';
import type { Account } from '../../../shared/contract/auth.js';
import { describeError, issuesOf, reasonOf } from '../lib/errors.js';

/** An administrator sets a new password; it also lifts a lockout. */
export function ResetPasswordDialog({ account, onDone, onCancel }: { account: Account; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8) return setError(t('ui.password.tooShort'));
    setBusy(true);
    try {
      await invoke('accounts/resetPassword', { id: account.id, password });
      onDone();
    } catch (err) {
      const [first] = issuesOf(err);
      setError(first ? reasonOf(t, first) : describeError(t, err).message);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('ui.accounts.resetTitle', { username: account.username })} onCancel={onCancel}>
      <form onSubmit={submit} noValidate className="form-stack">
        <Field id="reset-password" label={t('ui.accounts.newPassword')} error={error}>
          <input id="reset-password" className="input" type="password" value={password} maxLength={128} autoComplete="new-password" data-autofocus
            onChange={(e) => setPassword(e.target.value)} {...fieldAria('reset-password', error)} />
        </Field>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>{t('ui.common.cancel')}</button>
          <button type="submit" className="button button-primary" disabled={busy}>{t('ui.accounts.resetPassword')}</button>
        </div>
      </form>
    </Modal>
  );
}
