import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useWorkstation } from '../app/workstation-context.js';
import { useNotices } from '../app/notice-context.js';
import { areaCodeIssue } from '../../../shared/domain/area-code.js';
import { issue, type FieldIssue } from '../../../shared/domain/issue.js';
import { issuesOf, normaliseIssue, reasonOf } from '../lib/errors.js';
import { handleEnterNavigation } from '../lib/enter-nav.js';
import { Field, fieldAria } from '../components/Field.js';

type OrgField = 'orgCode' | 'orgName';

function check(values: Record<OrgField, string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const code = areaCodeIssue(values.orgCode.trim(), 'township', 'orgCode');
  if (code) issues.push(code);
  if (!values.orgName.trim()) issues.push(issue('orgName', 'required'));
  return issues;
}

export function OrgForm() {
  const { t } = useTranslation();
  const { settings, reloadSettings } = useWorkstation();
  const notices = useNotices();
  const [values, setValues] = useState<Record<OrgField, string>>({
    orgCode: settings.orgCode ?? '',
    orgName: settings.orgName ?? '',
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [saving, setSaving] = useState(false);

  const errorOf = (field: OrgField) => {
    const found = issues.find((i) => i.field === field);
    return found ? reasonOf(t, found) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = check(values);
    setIssues(local);
    if (local.length > 0) return;
    setSaving(true);
    try {
      await invoke('settings/update', {
        orgCode: values.orgCode.trim(),
        orgName: values.orgName.trim(),
      });
      await reloadSettings();
      notices.success(t('ui.settings.orgSaved'));
    } catch (err) {
      setIssues(issuesOf(err).map(normaliseIssue));
      notices.error(err);
    } finally {
      setSaving(false);
    }
  };

  const input = (field: OrgField, extra: { inputMode?: 'numeric'; maxLength: number; hint?: string }) => {
    const id = `settings-${field}`;
    const error = errorOf(field);
    return (
      <Field id={id} label={t(`field.${field}`)} error={error} hint={extra.hint}>
        <input
          id={id}
          className="input"
          value={values[field]}
          maxLength={extra.maxLength}
          inputMode={extra.inputMode}
          autoComplete="off"
          onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          {...fieldAria(id, error, extra.hint)}
        />
      </Field>
    );
  };

  return (
    <form className="form-grid form-grid-3" onSubmit={submit} onKeyDown={handleEnterNavigation} noValidate>
      {input('orgCode', { inputMode: 'numeric', maxLength: 9, hint: t('ui.settings.orgCodeHint') })}
      {input('orgName', { maxLength: 60 })}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-enter-end disabled={saving}>
          {saving ? t('ui.common.saving') : t('ui.settings.saveOrg')}
        </button>
      </div>
    </form>
  );
}
