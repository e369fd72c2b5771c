/**
 * 账号管理 (administrators): who may use this workstation and in which role. Accounts are never
 * deleted (the audit trail names them): they are disabled.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import type { Account } from '../../../shared/contract/auth.js';
import { formatDateTime } from '../lib/format.js';
import { useReloadable } from '../lib/use-reloadable.js';
import { AccountDialog } from './AccountDialog.js';
import { ResetPasswordDialog } from './ResetPasswordDialog.js';
import '../styles/trust.css';

type Dialog = { kind: 'add' } | { kind: 'edit'; account: Account } | { kind: 'reset'; account: Account } | null;

export function AccountsPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  const [accounts, reload] = useReloadable(() => invoke('accounts/list', {}));
  const [dialog, setDialog] = useState<Dialog>(null);

  const setDisabled = async (a: Account, disabled: boolean) => {
    try {
      await invoke('accounts/save', { id: a.id, rowVersion: a.rowVersion, username: a.username, displayName: a.displayName, role: a.role, disabled });
      notices.success(t('ui.accounts.saved', { username: a.username }));
    } catch (err) {
      notices.error(err);
    }
    await reload();
  };

  const stateOf = (a: Account) => {
    if (a.disabled) return <span className="state-bad">{t('ui.accounts.state.disabled')}</span>;
    if (a.lockedUntil && Date.parse(a.lockedUntil) > Date.now()) return <span className="state-bad">{t('ui.accounts.state.locked', { until: formatDateTime(a.lockedUntil) })}</span>;
    return <span className="state-good">{t('ui.accounts.state.active')}</span>;
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('ui.accounts.title')}</h1>
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'add' })}>{t('ui.accounts.add')}</button>
      </div>
      {!accounts ? <p className="muted" role="status">{t('ui.common.loading')}</p> : (
        <table className="trust-table" aria-label={t('ui.accounts.title')}>
          <thead>
            <tr>
              <th>{t('field.username')}</th><th>{t('field.displayName')}</th><th>{t('field.role')}</th>
              <th>{t('ui.accounts.status')}</th><th>{t('ui.accounts.lastLogin')}</th><th>{t('ui.accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} data-username={a.username}>
                <td>{a.username}</td>
                <td>{a.displayName}</td>
                <td>{t(`enum.role.${a.role}`)}</td>
                <td>{stateOf(a)}</td>
                <td>{a.lastLoginAt ? formatDateTime(a.lastLoginAt) : t('ui.accounts.never')}</td>
                <td><div className="row-actions">
                  <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'edit', account: a })}>{t('ui.accounts.edit')}</button>
                  <button type="button" className="button button-small" onClick={() => void setDisabled(a, !a.disabled)}>
                    {a.disabled ? t('ui.accounts.enable') : t('ui.accounts.disable')}
                  </button>
                  <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'reset', account: a })}>{t('ui.accounts.resetPassword')}</button>
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <AccountDialog
          account={dialog.kind === 'edit' ? dialog.account : null}
          onCancel={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            notices.success(t('ui.accounts.saved', { username: saved.username }));
            void reload();
          }}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          account={dialog.account}
          onCancel={() => setDialog(null)}
          onDone={() => {
            notices.success(t('ui.accounts.resetDone', { username: dialog.account.username }));
            setDialog(null);
            void reload();
          }}
        />
      )}
    </div>
  );
}
