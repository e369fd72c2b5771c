import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useWorkstation } from '../../app/workstation-context.js';
import { useNotices } from '../../app/notice-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Field, fieldAria } from '../../components/Field.js';

/** Turns this workstation into the county office (administrators, before any package went out). */
export function CountySetupCard({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const { reloadSettings } = useWorkstation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const [confirming, setConfirming] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!/^\d{6}$/.test(code.trim())) next.code = t('ui.packages.countyCodeInvalid');
    if (!name.trim()) next.name = t('ui.packages.countyNameRequired');
    setErrors(next);
    if (!next.code && !next.name) setConfirming(true);
  };

  const setup = async () => {
    setConfirming(false);
    try {
      const keys = await invoke('county/setup', { countyCode: code.trim(), countyName: name.trim() });
      notices.success(t('ui.packages.setupDone', { name: keys.county?.name ?? name, code: keys.county?.code ?? code }));
      // The header names the county from the settings.
      await reloadSettings();
      onDone();
    } catch (err) {
      notices.error(err);
    }
  };

  return (
    <section className="card" aria-labelledby="county-setup">
      <h2 id="county-setup" className="card-title">{t('ui.packages.setupSection')}</h2>
      <p className="muted">{t('ui.packages.setupHint')}</p>
      <form className="form-grid form-grid-3" onSubmit={submit} noValidate>
        <Field id="county-code" label={t('ui.packages.countyCode')} error={errors.code} hint={t('ui.packages.countyCodeHint')}>
          <input id="county-code" className="input" inputMode="numeric" maxLength={6} value={code}
            onChange={(e) => setCode(e.target.value)} {...fieldAria('county-code', errors.code, t('ui.packages.countyCodeHint'))} />
        </Field>
        <Field id="county-name" label={t('ui.packages.countyName')} error={errors.name}>
          <input id="county-name" className="input" maxLength={60} value={name}
            onChange={(e) => setName(e.target.value)} {...fieldAria('county-name', errors.name)} />
        </Field>
        <div className="field county-setup-submit">
          <button type="submit" className="button">{t('ui.packages.setup')}</button>
        </div>
      </form>
      {confirming && (
        <ConfirmDialog
          title={t('ui.packages.setupTitle')}
          body={t('ui.packages.setupBody', { name: name.trim(), code: code.trim() })}
          confirmLabel={t('ui.packages.setup')}
          cancelLabel={t('ui.common.cancel')}
          onConfirm={() => void setup()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
