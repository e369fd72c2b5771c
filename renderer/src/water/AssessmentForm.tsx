/**
 * One household's assessment, by keyboard: Enter moves on, Ctrl+S saves, Esc closes. The four
 * indicators are shown as they would come out with the current thresholds while the clerk types;
 * the service computes them again when saving. A refused save keeps everything typed.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import type { AssessmentDraft, Supply } from '../../../shared/contract/water.js';
import type { WaterThresholds } from '../../../shared/domain/water/assessment.js';
import { assessHousehold } from '../../../shared/domain/water/assessment.js';
import { indicators, onsiteResults, supplyTypes, type OnsiteResult, type SupplyType } from '../../../shared/domain/water/vocabulary.js';
import { Field, fieldAria } from '../components/Field.js';
import { HouseholdPicker, type PickedHousehold } from './HouseholdPicker.js';
import { useFormIssues } from './use-form-issues.js';
import { WaterFormModal } from './WaterFormModal.js';
import { indicatorList } from './water-format.js';

export type AssessmentTarget = { kind: 'new' } | { kind: 'edit'; id: string };

const NUMBER_FIELDS = ['litresPerPersonDay', 'shortageDays', 'tripMinutes', 'horizontalMetres', 'verticalMetres'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

interface FormState {
  id?: string;
  rowVersion?: number;
  household: PickedHousehold | null;
  assessedOn: string;
  supplyType: SupplyType;
  supplyId: string;
  tapInHome: boolean;
  waterScarceArea: boolean;
  numbers: Record<NumberField, string>;
  onsiteCheck: OnsiteResult | '';
  assessor: string;
  note: string;
}

const today = () => new Date().toLocaleDateString('sv-SE');
const blank = (): FormState => ({
  household: null, assessedOn: today(), supplyType: 'centralized', supplyId: '', tapInHome: true, waterScarceArea: false,
  numbers: { litresPerPersonDay: '', shortageDays: '', tripMinutes: '', horizontalMetres: '', verticalMetres: '' }, onsiteCheck: '', assessor: '', note: '',
});

/** '' → null; digits → the number; anything else → undefined (refused before sending). */
function wholeNumber(text: string): number | null | undefined {
  const v = text.normalize('NFKC').trim();
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

interface Props {
  target: AssessmentTarget;
  supplies: Supply[];
  onClose(changed: boolean): void;
}

export function AssessmentForm({ target, supplies, onClose }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const issues = useFormIssues();
  const [form, setForm] = useState<FormState>(blank);
  const [localErrors, setLocalErrors] = useState<Partial<Record<NumberField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [householdMissing, setHouseholdMissing] = useState(false);
  const [title, setTitle] = useState(t('ui.water.newAssessment'));

  useEffect(() => {
    if (target.kind !== 'edit') return;
    invoke('water/assessments/get', { id: target.id }).then((a) => {
      setTitle(t('ui.water.editAssessment', { householdNo: a.householdNo, headName: a.headName ?? '' }));
      setForm({
        id: a.id, rowVersion: a.rowVersion,
        household: { id: a.householdId, householdNo: a.householdNo, headName: a.headName, villageCode: a.villageCode, villageName: a.villageName },
        assessedOn: a.assessedOn, supplyType: a.supplyType, supplyId: a.supplyId ?? '', tapInHome: a.tapInHome, waterScarceArea: a.waterScarceArea,
        numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, a[f] === null ? '' : String(a[f])])) as Record<NumberField, string>,
        onsiteCheck: a.onsiteCheck ?? '', assessor: a.assessor ?? '', note: a.note ?? '',
      });
    }).catch((err: unknown) => issues.show(err));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  // The preview follows the thresholds of the assessment's own year.
  const assessedYear = Number(form.assessedOn.slice(0, 4));
  const [thresholds, setThresholds] = useState<WaterThresholds | null>(null);
  useEffect(() => {
    if (!Number.isInteger(assessedYear) || assessedYear < 2000 || assessedYear > 2100) return;
    invoke('water/rules/get', { year: assessedYear }).then((r) => setThresholds(r.thresholds)).catch(() => setThresholds(null));
  }, [assessedYear]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setNumber = (key: NumberField, value: string) => setForm((f) => ({ ...f, numbers: { ...f.numbers, [key]: value } }));

  const draft = (): AssessmentDraft | null => {
    const parsed = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, wholeNumber(form.numbers[f])])) as Record<NumberField, number | null | undefined>;
    const bad = NUMBER_FIELDS.filter((f) => parsed[f] === undefined);
    setLocalErrors(Object.fromEntries(bad.map((f) => [f, t('issue.invalid')])));
    if (bad.length > 0 || !form.household) return null;
    return {
      ...(form.id ? { id: form.id, rowVersion: form.rowVersion } : {}),
      householdId: form.household.id, assessedOn: form.assessedOn, supplyType: form.supplyType, supplyId: form.supplyId || null,
      tapInHome: form.tapInHome, waterScarceArea: form.waterScarceArea,
      litresPerPersonDay: parsed.litresPerPersonDay ?? null, shortageDays: parsed.shortageDays ?? null, tripMinutes: parsed.tripMinutes ?? null,
      horizontalMetres: parsed.horizontalMetres ?? null, verticalMetres: parsed.verticalMetres ?? null,
      onsiteCheck: form.onsiteCheck || null, assessor: form.assessor.trim() || null, note: form.note.trim() || null,
    };
  };

  const preview = useMemo(() => {
    if (!thresholds) return null;
    const n = (f: NumberField) => wholeNumber(form.numbers[f]) ?? null;
    const supply = supplies.find((s) => s.id === form.supplyId);
    const latest = supply?.latestTest && supply.latestTest.sampledOn <= form.assessedOn ? supply.latestTest : null;
    return assessHousehold({
      supplyType: form.supplyType, supplyId: form.supplyId || null, tapInHome: form.tapInHome, waterScarceArea: form.waterScarceArea,
      litresPerPersonDay: n('litresPerPersonDay'), tripMinutes: n('tripMinutes'), horizontalMetres: n('horizontalMetres'), verticalMetres: n('verticalMetres'),
      shortageDays: n('shortageDays'), onsiteCheck: form.onsiteCheck || null,
    }, thresholds, latest);
  }, [form, supplies, thresholds]);

  const save = async () => {
    if (saving) return;
    issues.clear();
    const d = draft();
    setHouseholdMissing(!form.household);
    if (!d) return;
    setSaving(true);
    try {
      const result = await invoke('water/assessments/save', d);
      const failing = indicators.filter((i) => !result.results[i]);
      notices.success(t('ui.water.saved', { result: result.passed ? t('ui.water.savedPassed') : t('ui.water.savedFailed', { indicators: indicatorList(t, failing) }) }));
      onClose(true);
    } catch (err) {
      issues.show(err, (field) => (field === 'householdId' ? 'water-household' : `water-${field}`));
    } finally {
      setSaving(false);
    }
  };

  const err = (field: string) => issues.errorOf(field) ?? (localErrors as Record<string, string>)[field] ?? null;
  const householdError = issues.errorOf('householdId') ?? (householdMissing && !form.household ? t('issue.required') : null);
  const numberInput = (field: NumberField) => (
    <Field id={`water-${field}`} label={t(`field.${field}`)} error={err(field)}>
      <input id={`water-${field}`} className="input" inputMode="numeric" value={form.numbers[field]} {...fieldAria(`water-${field}`, err(field))}
        onChange={(e) => setNumber(field, e.target.value)} />
    </Field>
  );

  return (
    <WaterFormModal
      title={title}
      failure={issues.failure}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
      remove={form.id && form.rowVersion ? (reason) => invoke('water/assessments/delete', { id: form.id!, rowVersion: form.rowVersion!, reason }) : null}
    >
      <div className="form-grid form-grid-3">
        {target.kind === 'new'
          ? <HouseholdPicker value={form.household} onPick={(h) => set('household', h)} error={householdError} />
          : <Field id="water-household-fixed" label={t('ui.water.findHousehold')}><input id="water-household-fixed" className="input" readOnly value={`${form.household?.householdNo ?? ''} ${form.household?.headName ?? ''}`} /></Field>}
        <Field id="water-assessedOn" label={t('field.assessedOn')} error={err('assessedOn')}>
          <input id="water-assessedOn" type="date" className="input" value={form.assessedOn} {...fieldAria('water-assessedOn', err('assessedOn'))} onChange={(e) => set('assessedOn', e.target.value)} />
        </Field>
        <Field id="water-supplyType" label={t('field.supplyType')} error={err('supplyType')}>
          <select id="water-supplyType" className="input select" value={form.supplyType} onChange={(e) => set('supplyType', e.target.value as SupplyType)}>
            {supplyTypes.map((s) => <option key={s} value={s}>{t(`ui.water.supplyType.${s}`)}</option>)}
          </select>
        </Field>
        <Field id="water-supplyId" label={t('field.supplyId')} error={err('supplyId')}>
          <select id="water-supplyId" className="input select" value={form.supplyId} {...fieldAria('water-supplyId', err('supplyId'))} onChange={(e) => set('supplyId', e.target.value)}>
            <option value="">{t('ui.water.noSupply')}</option>
            {supplies.map((s) => <option key={s.id} value={s.id}>{`${s.villageName} / ${s.name}`}</option>)}
          </select>
        </Field>
        <div className="field field-check">
          <label className="check"><input type="checkbox" checked={form.tapInHome} onChange={(e) => set('tapInHome', e.target.checked)} /> {t('field.tapInHome')}</label>
          <label className="check"><input type="checkbox" checked={form.waterScarceArea} onChange={(e) => set('waterScarceArea', e.target.checked)} /> {t('field.waterScarceArea')}</label>
        </div>
        {numberInput('litresPerPersonDay')}
        {numberInput('shortageDays')}
        {numberInput('tripMinutes')}
        {numberInput('horizontalMetres')}
        {numberInput('verticalMetres')}
        <Field id="water-onsiteCheck" label={t('field.onsiteCheck')} error={err('onsiteCheck')}>
          <select id="water-onsiteCheck" className="input select" value={form.onsiteCheck} {...fieldAria('water-onsiteCheck', err('onsiteCheck'))} onChange={(e) => set('onsiteCheck', e.target.value as OnsiteResult | '')}>
            <option value="">{t('ui.water.onsite.none')}</option>
            {onsiteResults.map((o) => <option key={o} value={o}>{t(`ui.water.onsite.${o}`)}</option>)}
          </select>
        </Field>
        <Field id="water-assessor" label={t('field.assessor')} error={err('assessor')}>
          <input id="water-assessor" className="input" value={form.assessor} onChange={(e) => set('assessor', e.target.value)} />
        </Field>
        <Field id="water-note" label={t('field.note')} error={err('note')}>
          <input id="water-note" className="input" value={form.note} onChange={(e) => set('note', e.target.value)} />
        </Field>
      </div>
      {preview && (
        <section className="water-preview" aria-label={t('ui.water.preview')}>
          <h3 className="section-title">{t('ui.water.preview')}</h3>
          <ul className="water-verdicts">
            {indicators.map((i) => (
              <li key={i} className={preview.indicators[i].passed ? 'water-pass' : 'water-fail'}>
                <strong>{t(`ui.water.indicator.${i}`)}</strong> {preview.indicators[i].passed ? `✓ ${t('ui.water.pass')}` : `✗ ${t('ui.water.fail')}`}
                <span className="muted"> · {t(`issue.${preview.indicators[i].code}`, preview.indicators[i].params)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </WaterFormModal>
  );
}
