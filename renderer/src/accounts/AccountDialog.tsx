import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { Modal } from '../components/Modal.js';
import { Field, fieldAria } from '../components/Field.js';
import { ErrorView } from '../components/ErrorView.js';
import type { Account } from '../../../shared/contract/auth.js';
import { roles, type Role } from '../../../shared/domain/roles.js';
import type { FieldIssue } from '../../../shared/domain/issue.js';
import { describeError, issuesOf, reasonOf, type ErrorText } from '../lib/errors.js';

interface AccountDialogProps {
  /** null: a new account. */
  account: Account | null;
  onSaved(account: Account): void;
  onCancel(): void;
}

/** 新增账号 / 修改账号: username, name, role, and a first password for a new one. */
export function AccountDialog({ account, onSaved, onCancel }: AccountDialogProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(account?.username ?? '');
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [role, setRole] = useState<Role>(account?.role ?? 'clerk');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);

  const errorOf = (field: string) => {
    const found = issues.find((i) => i.field === field);
    if (!found) return null;
    return found.code === 'password.tooShort' ? t('ui.password.tooShort') : reasonOf(t, found);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!account && password.length < 8) return setIssues([{ field: 'password', code: 'password.tooShort' }]);
    setBusy(true);
    setFailure(null);
    try {
      const saved = await invoke('accounts/save', {
        ...(account ? { id: account.id, rowVersion: account.rowVersion, disabled: account.disabled } : {}),
        username, displayName, role,
        ...(password ? { password } : {}),
      });
      onSaved(saved);
    } catch (err) {
      const found = issuesOf(err);
      setIssues(found);
      setFailure(found.length ? null : describeError(t, err));
      setBusy(false);
    }
  };

  return (
    <Modal title={account ? t('ui.accounts.editTitle', { username: account.username }) : t('ui.accounts.addTitle')} onCancel={onCancel}>
      <form onSubmit={submit} noValidate className="form-stack">
        <Field id="account-username" label={t('field.username')} error={errorOf('username')}>
          <input id="account-username" className="input" value={username} maxLength={32} autoComplete="off" data-autofocus
            onChange={(e) => setUsername(e.target.value)} {...fieldAria('account-username', errorOf('username'))} />
        </Field>
        <Field id="account-name" label={t('field.displayName')} error={errorOf('displayName')}>
          <input id="account-name" className="input" value={displayName} maxLength={30}
            onChange={(e) => setDisplayName(e.target.value)} {...fieldAria('account-name', errorOf('displayName'))} />
        </Field>
        <Field id="account-role" label={t('field.role')} error={errorOf('role')} hint={t('ui.accounts.roleHint')}>
          <select id="account-role" className="input select" value={role} onChange={(e) => setRole(e.target.value as Role)} {...fieldAria('account-role', errorOf('role'), t('ui.accounts.roleHint'))}>
            {roles.map((r) => <option key={r} value={r}>{t(`enum.role.${r}`)}</option>)}
          </select>
        </Field>
        {!account && (
          <Field id="account-password" label={t('ui.accounts.initialPassword')} error={errorOf('password')}>
            <input id="account-password" className="input" type="password" value={password} maxLength={128} autoComplete="new-password"
              onChange={(e) => setPassword(e.target.value)} {...fieldAria('account-password', errorOf('password'))} />
          </Field>
        )}
        {failure && <div className="callout callout-error"><ErrorView {...failure} /></div>}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>{t('ui.common.cancel')}</button>
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? t('ui.common.saving') : t('ui.common.save')}</button>
        </div>
      </form>
    </Modal>
  );
}
