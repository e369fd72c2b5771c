/**
 * 政策规则: a policy year's layers (base, deductible, ratio, cap, visit types) and the self-pay
 * ceiling, as data. Everyone can read them (they decide every proposal); administrators edit, and
 * the main process records who changed what in the audit trail.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { useAuth } from '../../auth/auth-context.js';
import { can } from '../../../../shared/domain/roles.js';
import { enums } from '../../../../shared/domain/enums.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import { Field } from '../../components/Field.js';
import { ErrorView } from '../../components/ErrorView.js';
import { describeError, reasonOf, type ErrorText } from '../../lib/errors.js';
import { handleEnterNavigation } from '../../lib/enter-nav.js';
import { formatDateTime } from '../../lib/format.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { policyForm, rulesFromForm, type LayerForm, type PolicyForm } from './policy-form.js';
import { ReproposeYear } from './ReproposeYear.js';

export function PolicyRules() {
  const { t } = useTranslation();
  const notices = useNotices();
  const { me } = useAuth();
  const isAdmin = can(me.role, 'admin');
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [meta, setMeta] = useState<{ rowVersion: number; updatedAt: string; updatedBy: string } | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [saving, setSaving] = useState(false);

  const load = (asked: number | null) => {
    invoke('medical/policy/get', { year: asked })
      .then((r) => {
        setYears([...r.years].reverse());
        const chosen = asked ?? r.years[r.years.length - 1] ?? null;
        if (asked === null && chosen !== null) return load(chosen);
        setYear(chosen);
        setForm(r.rules ? policyForm(r.rules) : null);
        setMeta(r.rules ? { rowVersion: r.rules.rowVersion, updatedAt: r.rules.updatedAt, updatedBy: r.rules.updatedBy } : null);
        setIssues([]);
        setFailure(null);
      })
      .catch(notices.error);
  };

  useEffect(() => load(null), []);

  const setLayer = (index: number, change: Partial<LayerForm>) =>
    setForm((f) => (f ? { ...f, layers: f.layers.map((l, i) => (i === index ? { ...l, ...change } : l)) } : f));

  const save = async () => {
    if (!form || !meta) return;
    const { rules, issues: found } = rulesFromForm(form);
    setIssues(found);
    if (!rules) return;
    setSaving(true);
    setFailure(null);
    try {
      const r = await invoke('medical/policy/save', { rules, rowVersion: meta.rowVersion });
      if (r.rules) {
        setForm(policyForm(r.rules));
        setMeta({ rowVersion: r.rules.rowVersion, updatedAt: r.rules.updatedAt, updatedBy: r.rules.updatedBy });
      }
      notices.success(t('ui.medical.policy.saved', { year: form.year }));
    } catch (err) {
      setFailure(describeError(t, err));
    } finally {
      setSaving(false);
    }
  };

  const errorAt = (path: string) => {
    const found = issues.find((i) => i.field === path);
    if (!found) return undefined;
    return found.code === 'percent' ? t('ui.medical.policy.percentInvalid') : reasonOf(t, found);
  };
  const readOnly = !isAdmin;

  return (
    <div className="report-body">
      <section className="card" aria-labelledby="policy-title" onKeyDown={handleEnterNavigation}>
        <div className="policy-head">
          <h2 id="policy-title" className="card-title">{t('ui.medical.policy.title')}</h2>
          <Field id="policy-year" label={t('ui.medical.policy.year')}>
            <select id="policy-year" className="input select" value={year ?? ''} onChange={(e) => load(Number(e.target.value))}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </Field>
          {form && (
            <Field id="policy-ceiling" label={t('ui.medical.policy.ceiling')} error={errorAt('ceiling')}>
              <input id="policy-ceiling" className="input mono" value={form.ceiling} readOnly={readOnly} onChange={(e) => setForm({ ...form, ceiling: e.target.value })} />
            </Field>
          )}
          {meta && <span className="muted">{formatDateTime(meta.updatedAt)} · {meta.updatedBy}</span>}
        </div>
        {readOnly && <p className="callout" role="note">{t('ui.medical.policy.adminOnly')}</p>}
        {!form && <p className="muted">{t('ui.medical.policy.noYears')}</p>}
        {form && (
          <>
            {form.note && <p className="callout callout-warn">{form.note}</p>}
            <h3 className="section-title">{t('ui.medical.policy.layers')}</h3>
            <table className="policy-table" data-testid="policy-table">
              <thead>
                <tr>
                  <th>{t('ui.medical.policy.position')}</th>
                  <th>{t('ui.medical.policy.layer')}</th>
                  <th>{t('ui.medical.policy.base')}</th>
                  <th>{t('ui.medical.policy.deductible')}</th>
                  <th>{t('ui.medical.policy.deductibleScope')}</th>
                  <th>{t('ui.medical.policy.ratio')}</th>
                  <th>{t('ui.medical.policy.cap')}</th>
                  <th>{t('ui.medical.policy.visitTypes')}</th>
                </tr>
              </thead>
              <tbody>
                {form.layers.map((l, i) => {
                  const label = t(`enum.medicalLayer.${l.code}`);
                  const cell = (field: 'deductible' | 'ratio' | 'cap', placeholder?: string) => {
                    const error = errorAt(`layers.${i}.${field}`);
                    return (
                      <td className="num">
                        <input
                          className="input mono"
                          value={l[field]}
                          readOnly={readOnly}
                          placeholder={placeholder}
                          aria-label={`${label} ${t(`ui.medical.policy.${field}`)}`}
                          aria-invalid={error ? true : undefined}
                          title={error}
                          onChange={(e) => setLayer(i, { [field]: e.target.value })}
                        />
                        {error && <div className="field-error">{error}</div>}
                      </td>
                    );
                  };
                  return (
                    <tr key={l.code}>
                      <td>{l.position}</td>
                      <td>
                        {label}
                        {l.rates.length > 0 && <div className="field-hint">{t('ui.medical.policy.rates', { count: l.rates.length })}</div>}
                      </td>
                      <td>
                        <EnumSelect className="input select" enumName="medicalLayerBase" value={l.base} disabled={readOnly} aria-label={`${label} ${t('ui.medical.policy.base')}`} onValueChange={(v) => setLayer(i, { base: v as LayerForm['base'] })} />
                      </td>
                      {cell('deductible')}
                      <td>
                        <EnumSelect className="input select" enumName="deductibleScope" value={l.deductibleScope} disabled={readOnly} aria-label={`${label} ${t('ui.medical.policy.deductibleScope')}`} onValueChange={(v) => setLayer(i, { deductibleScope: v as LayerForm['deductibleScope'] })} />
                      </td>
                      {cell('ratio')}
                      {cell('cap', t('ui.medical.policy.capHint'))}
                      <td>
                        <div className="policy-visit-types">
                          {enums.visitType.map((vt) => (
                            <label key={vt} className="check">
                              <input
                                type="checkbox"
                                disabled={readOnly}
                                checked={l.visitTypes.includes(vt)}
                                onChange={(e) => setLayer(i, { visitTypes: e.target.checked ? enums.visitType.filter((x) => x === vt || l.visitTypes.includes(x)) : l.visitTypes.filter((x) => x !== vt) })}
                              />
                              <span>{t(`enum.visitType.${vt}`)}</span>
                            </label>
                          ))}
                        </div>
                        {errorAt(`layers.${i}.visitTypes`) && <div className="field-error">{errorAt(`layers.${i}.visitTypes`)}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Field id="policy-note" label={t('ui.medical.policy.note')}>
              <input id="policy-note" className="input" value={form.note} readOnly={readOnly} maxLength={500} onChange={(e) => setForm({ ...form, note: e.target.value })} />
            </Field>
            {failure && <div className="callout callout-error" role="alert"><ErrorView {...failure} /></div>}
            {isAdmin && (
              <div className="card-footer">
                <ReproposeYear year={form.year} disabled={saving} />
                <button type="button" className="button button-primary" disabled={saving} data-enter-end onClick={() => void save()}>
                  {saving ? t('ui.common.saving') : t('ui.medical.policy.save')}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
