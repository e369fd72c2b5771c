import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { Modal } from '../components/Modal.js';
import { Field, fieldAria } from '../components/Field.js';
import { describeError, issuesOf, reasonOf } from '../lib/errors.js';

/** 修改密码 for the signed-in user, from the header: the current password proves it is them. */
export function ChangePasswordDialog({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next.length < 8) return setErrors({ next: t('ui.password.tooShort') });
    if (next !== confirm) return setErrors({ confirm: t('ui.password.mismatch') });
    setBusy(true);
    try {
      await invoke('auth/changePassword', { current, next });
      onDone();
    } catch (err) {
      const found = issuesOf(err);
      setErrors(found.length ? Object.fromEntries(found.map((i) => [i.field, reasonOf(t, i)])) : { current: describeError(t, err).message });
      setBusy(false);
    }
  };

  const field = (id: 'current' | 'next' | 'confirm', value: string, set: (v: string) => void, autoComplete: string) => (
    <Field id={`password-${id}`} label={t(`ui.password.${id}`)} error={errors[id] ?? null}>
      <input id={`password-${id}`} className="input" type="password" value={value} maxLength={128} autoComplete={autoComplete}
        {...(id === 'current' ? { 'data-autofocus': true } : {})}
        onChange={(e) => set(e.target.value)} {...fieldAria(`password-${id}`, errors[id])} />
    </Field>
  );

  return (
    <Modal title={t('ui.password.title')} onCancel={onCancel}>
      <form onSubmit={submit} noValidate className="form-stack">
        {field('current', current, setCurrent, 'current-password')}
        {field('next', next, setNext, 'new-password')}
        {field('confirm', confirm, setConfirm, 'new-password')}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onCancel}>{t('ui.common.cancel')}</button>
          <button type="submit" className="button button-primary" disabled={busy}>{t('ui.password.change')}</button>
        </div>
      </form>
    </Modal>
  );
}
