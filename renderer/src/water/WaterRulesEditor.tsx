/** 评价标准与限值: the thresholds and the limits tables; administrators edit, everyone else reads. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import type { WaterLimitRow } from '../../../shared/contract/water.js';
import type { WaterThresholds } from '../../../shared/domain/water/assessment.js';
import { limitPlaces, supplyScales, waterParameters, type LimitPlace, type SupplyScale, type WaterParameter } from '../../../shared/domain/water/vocabulary.js';
import { ErrorView } from '../components/ErrorView.js';
import { Field } from '../components/Field.js';
import { handleEnterNavigation } from '../lib/enter-nav.js';
import { useFormIssues } from './use-form-issues.js';

const THRESHOLD_LABELS: [keyof WaterThresholds, string][] = [
  ['minLitresPerPersonDay', 'minLitres'], ['minLitresPerPersonDayScarce', 'minLitresScarce'], ['maxTripMinutes', 'maxTrip'],
  ['maxHorizontalMetres', 'maxHorizontal'], ['maxVerticalMetres', 'maxVertical'], ['maxShortageDays', 'maxShortage'],
];

type LimitLine = Omit<WaterLimitRow, 'min' | 'max'> & { min: string; max: string };

export function WaterRulesEditor({ year: pageYear, canEdit, onSaved }: { year: number; canEdit: boolean; onSaved(): void }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const issues = useFormIssues();
  const [thresholds, setThresholds] = useState<Record<keyof WaterThresholds, string> | null>(null);
  const [limits, setLimits] = useState<LimitLine[]>([]);
  const [year, setYear] = useState(pageYear);
  const [shown, setShown] = useState<{ policyYear: number; years: number[] } | null>(null);

  const load = () => invoke('water/rules/get', { year }).then((rules) => {
    setShown({ policyYear: rules.policyYear, years: rules.years });
    setThresholds(Object.fromEntries(Object.entries(rules.thresholds).map(([k, v]) => [k, String(v)])) as Record<keyof WaterThresholds, string>);
    setLimits(rules.limits.map((l) => ({ ...l, min: l.min ?? '', max: l.max ?? '' })));
  }).catch((err: unknown) => issues.show(err));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), [year]);

  const saveThresholds = async () => {
    if (!thresholds) return;
    issues.clear();
    try {
      const next = Object.fromEntries(THRESHOLD_LABELS.map(([key]) => [key, Number(thresholds[key])])) as unknown as WaterThresholds;
      await invoke('water/thresholds/save', { ...next, year });
      await load();
      notices.success(t('ui.water.rules.saved'));
      onSaved();
    } catch (err) {
      issues.show(err);
    }
  };

  const saveLimits = async () => {
    issues.clear();
    try {
      await invoke('water/limits/save', { year, limits: limits.map((l) => ({ ...l, min: l.min.trim() || null, max: l.max.trim() || null })) });
      notices.success(t('ui.water.rules.saved'));
      await load();
      onSaved();
    } catch (err) {
      issues.show(err);
    }
  };

  const setLimit = (i: number, change: Partial<LimitLine>) => setLimits((ls) => ls.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const limitError = (i: number, field: string) => issues.errorOf(`limits.${i}.${field}`);

  return (
    <div className="water-rules" onKeyDown={handleEnterNavigation}>
      <p className="muted">{t('ui.water.rules.defaultsNote')}{canEdit ? '' : ` · ${t('ui.water.rules.adminOnly')}`}</p>
      <div className="water-rules-year">
        <label>
          {t('ui.water.rules.policyYear')}{' '}
          <input className="input input-inline water-year-input" type="number" min={2000} max={2100} value={year} aria-label={t('ui.water.rules.policyYear')}
            onChange={(e) => {
              const next = Number(e.target.value);
              if (Number.isInteger(next) && next >= 2000 && next <= 2100) setYear(next);
            }} />
        </label>
        {shown && <span className="muted">{t('ui.water.rules.showing', { year, policyYear: shown.policyYear, years: shown.years.join('、') })}</span>}
      </div>
      {issues.failure && <div className="callout callout-error" role="alert"><ErrorView {...issues.failure} /></div>}
      <h3 className="section-title">{t('ui.water.rules.thresholds')}</h3>
      {thresholds && (
        <div className="form-grid form-grid-3">
          {THRESHOLD_LABELS.map(([key, label]) => (
            <Field key={key} id={`water-threshold-${key}`} label={t(`ui.water.rules.${label}`)} error={issues.errorOf(key)}>
              <input id={`water-threshold-${key}`} className="input" inputMode="numeric" readOnly={!canEdit} value={thresholds[key]}
                onChange={(e) => setThresholds({ ...thresholds, [key]: e.target.value })} />
            </Field>
          ))}
        </div>
      )}
      {canEdit && <button type="button" className="button button-primary" onClick={() => void saveThresholds()}>{t('ui.water.rules.saveThresholds')}</button>}
      <h3 className="section-title">{t('ui.water.rules.limits')}</h3>
      <table className="table water-limits">
        <thead><tr><th>{t('field.parameter')}</th><th>{t('field.scale')}</th><th>{t('field.place')}</th><th>{t('field.min')}</th><th>{t('field.max')}</th><th>{t('field.notDetected')}</th><th /></tr></thead>
        <tbody>
          {limits.map((l, i) => (
            <tr key={l.id ?? `new-${i}`}>
              <td>
                <select className="input select" disabled={!canEdit} aria-label={`${t('field.parameter')} ${i + 1}`} value={l.parameter} onChange={(e) => setLimit(i, { parameter: e.target.value as WaterParameter })}>
                  {waterParameters.map((p) => <option key={p} value={p}>{t(`ui.water.parameter.${p}`)}</option>)}
                </select>
                {limitError(i, 'parameter') && <div className="field-error">{limitError(i, 'parameter')}</div>}
              </td>
              <td>
                <select className="input select" disabled={!canEdit} aria-label={`${t('field.scale')} ${i + 1}`} value={l.scale} onChange={(e) => setLimit(i, { scale: e.target.value as SupplyScale })}>
                  {supplyScales.map((s) => <option key={s} value={s}>{t(`ui.water.scale.${s}`)}</option>)}
                </select>
              </td>
              <td>
                <select className="input select" disabled={!canEdit} aria-label={`${t('field.place')} ${i + 1}`} value={l.place} onChange={(e) => setLimit(i, { place: e.target.value as LimitPlace })}>
                  {limitPlaces.map((p) => <option key={p} value={p}>{t(`ui.water.limitPlace.${p}`)}</option>)}
                </select>
              </td>
              <td>
                <input className="input input-inline" readOnly={!canEdit} aria-label={`${t('field.min')} ${i + 1}`} value={l.min} onChange={(e) => setLimit(i, { min: e.target.value })} />
                {limitError(i, 'min') && <div className="field-error">{limitError(i, 'min')}</div>}
              </td>
              <td>
                <input className="input input-inline" readOnly={!canEdit} aria-label={`${t('field.max')} ${i + 1}`} value={l.max} onChange={(e) => setLimit(i, { max: e.target.value })} />
                {limitError(i, 'max') && <div className="field-error">{limitError(i, 'max')}</div>}
              </td>
              <td><input type="checkbox" disabled={!canEdit} aria-label={`${t('field.notDetected')} ${i + 1}`} checked={l.notDetected} onChange={(e) => setLimit(i, { notDetected: e.target.checked })} /></td>
              <td>{canEdit && <button type="button" className="button button-small button-quiet" onClick={() => setLimits((ls) => ls.filter((_, j) => j !== i))}>{t('ui.water.rules.removeLimit')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setLimits((ls) => [...ls, { parameter: 'ph', scale: 'standard', place: 'any', min: '', max: '', notDetected: false, note: null }])}>{t('ui.water.rules.addLimit')}</button>
          <button type="button" className="button button-primary" onClick={() => void saveLimits()}>{t('ui.water.rules.saveLimits')}</button>
        </div>
      )}
    </div>
  );
}
