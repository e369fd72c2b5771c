/**
 * One water test by keyboard: the supply, when, where, by whom, then one row per parameter
 * (a number or 未检出). Empty value rows are left out. A refused save keeps everything typed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import type { Supply, TestDraft } from '../../../shared/contract/water.js';
import { parameterUnits, testKinds, testPlaces, waterParameters, type TestKind, type TestPlace, type WaterParameter } from '../../../shared/domain/water/vocabulary.js';
import { Field, fieldAria } from '../components/Field.js';
import { useFormIssues } from './use-form-issues.js';
import { WaterFormModal } from './WaterFormModal.js';

export type TestTarget = { kind: 'new' } | { kind: 'edit'; id: string };

interface ValueRow {
  parameter: WaterParameter;
  value: string;
}

interface FormState {
  id?: string;
  rowVersion?: number;
  supplyId: string;
  sampledOn: string;
  testKind: TestKind;
  lab: string;
  labCma: boolean;
  testPlace: TestPlace;
  placeNote: string;
  rows: ValueRow[];
  note: string;
}

const FIELD_IDS = { supplyId: 'water-test-supply', sampledOn: 'water-test-date', lab: 'water-test-lab' };
const COMMON: WaterParameter[] = ['total_coliforms', 'e_coli', 'total_bacteria', 'turbidity', 'ph', 'free_chlorine'];
const blank = (): FormState => ({
  supplyId: '', sampledOn: new Date().toLocaleDateString('sv-SE'), testKind: 'monthly', lab: '', labCma: true, testPlace: 'works', placeNote: '',
  rows: COMMON.map((parameter) => ({ parameter, value: '' })), note: '',
});

export function TestForm({ target, supplies, onClose }: { target: TestTarget; supplies: Supply[]; onClose(changed: boolean): void }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const issues = useFormIssues();
  const [form, setForm] = useState<FormState>(blank);
  const [sent, setSent] = useState<number[]>([]);
  const [saving, setSaving] = useState(false);
  const [supplyMissing, setSupplyMissing] = useState(false);

  useEffect(() => {
    if (target.kind !== 'edit') return;
    invoke('water/tests/get', { id: target.id }).then((x) => setForm({
      id: x.id, rowVersion: x.rowVersion, supplyId: x.supplyId, sampledOn: x.sampledOn, testKind: x.testKind, lab: x.lab, labCma: x.labCma,
      testPlace: x.testPlace, placeNote: x.placeNote ?? '', rows: x.values.map((v) => ({ parameter: v.parameter, value: v.value })), note: x.note ?? '',
    })).catch((err: unknown) => issues.show(err));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setRow = (i: number, row: Partial<ValueRow>) => setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? { ...r, ...row } : r)) }));

  const save = async () => {
    if (saving) return;
    issues.clear();
    setSupplyMissing(!form.supplyId);
    if (!form.supplyId) {
      document.getElementById('water-test-supply')?.focus();
      return;
    }
    // Which form row each sent value came from, so an issue on values.N lands on its row.
    const kept = form.rows.flatMap((r, i) => (r.value.trim() === '' ? [] : [i]));
    setSent(kept);
    const draft: TestDraft = {
      ...(form.id ? { id: form.id, rowVersion: form.rowVersion } : {}),
      supplyId: form.supplyId, sampledOn: form.sampledOn, testKind: form.testKind, lab: form.lab, labCma: form.labCma, testPlace: form.testPlace,
      placeNote: form.placeNote.trim() || null, values: kept.map((i) => ({ parameter: form.rows[i]!.parameter, value: form.rows[i]!.value.trim() })),
      note: form.note.trim() || null,
    };
    setSaving(true);
    try {
      const result = await invoke('water/tests/save', draft);
      notices.success(result.passed ? t('ui.water.testSaved') : t('ui.water.testSavedFailed', { count: result.markedForReassessment }));
      onClose(true);
    } catch (err) {
      issues.show(err, (field) => (FIELD_IDS as Record<string, string>)[field] ?? '');
    } finally {
      setSaving(false);
    }
  };

  const err = (field: string) => issues.errorOf(field) ?? (field === 'supplyId' && supplyMissing ? t('issue.required') : null);
  const rowError = (i: number, part: 'parameter' | 'value') => {
    const at = sent.indexOf(i);
    return at < 0 ? null : err(`values.${at}.${part}`);
  };

  return (
    <WaterFormModal
      title={target.kind === 'new' ? t('ui.water.newTest') : t('ui.water.editTest', { supply: supplies.find((s) => s.id === form.supplyId)?.name ?? '', date: form.sampledOn })}
      failure={issues.failure}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
      remove={form.id && form.rowVersion ? (reason) => invoke('water/tests/delete', { id: form.id!, rowVersion: form.rowVersion!, reason }) : null}
    >
      <div className="form-grid form-grid-3">
        <Field id="water-test-supply" label={t('field.supplyId')} error={err('supplyId')}>
          <select id="water-test-supply" className="input select" data-autofocus value={form.supplyId} {...fieldAria('water-test-supply', err('supplyId'))} onChange={(e) => set('supplyId', e.target.value)}>
            <option value="">…</option>
            {supplies.map((s) => <option key={s.id} value={s.id}>{`${s.villageName} / ${s.name}`}</option>)}
          </select>
        </Field>
        <Field id="water-test-date" label={t('field.sampledOn')} error={err('sampledOn')}>
          <input id="water-test-date" type="date" className="input" value={form.sampledOn} {...fieldAria('water-test-date', err('sampledOn'))} onChange={(e) => set('sampledOn', e.target.value)} />
        </Field>
        <Field id="water-test-kind" label={t('field.testKind')} error={err('testKind')}>
          <select id="water-test-kind" className="input select" value={form.testKind} onChange={(e) => set('testKind', e.target.value as TestKind)}>
            {testKinds.map((k) => <option key={k} value={k}>{t(`ui.water.testKind.${k}`)}</option>)}
          </select>
        </Field>
        <Field id="water-test-lab" label={t('field.lab')} error={err('lab')}>
          <input id="water-test-lab" className="input" value={form.lab} {...fieldAria('water-test-lab', err('lab'))} onChange={(e) => set('lab', e.target.value)} />
        </Field>
        <Field id="water-test-place" label={t('field.testPlace')} error={err('testPlace')}>
          <select id="water-test-place" className="input select" value={form.testPlace} onChange={(e) => set('testPlace', e.target.value as TestPlace)}>
            {testPlaces.map((p) => <option key={p} value={p}>{t(`ui.water.testPlace.${p}`)}</option>)}
          </select>
        </Field>
        <Field id="water-test-placeNote" label={t('field.placeNote')} error={err('placeNote')}>
          <input id="water-test-placeNote" className="input" value={form.placeNote} onChange={(e) => set('placeNote', e.target.value)} />
        </Field>
        <div className="field field-check">
          <label className="check"><input type="checkbox" checked={form.labCma} onChange={(e) => set('labCma', e.target.checked)} /> {t('field.labCma')}</label>
        </div>
      </div>
      <h3 className="section-title">{t('field.values')}</h3>
      {err('values') && <div className="field-error">{err('values')}</div>}
      <table className="table water-values">
        <thead><tr><th>{t('field.parameter')}</th><th>{t('field.value')}</th><th>{t('ui.water.unitOf', { unit: '' })}</th><th /></tr></thead>
        <tbody>
          {form.rows.map((row, i) => (
            <tr key={i}>
              <td>
                <select className="input select" aria-label={`${t('field.parameter')} ${i + 1}`} value={row.parameter} onChange={(e) => setRow(i, { parameter: e.target.value as WaterParameter })}>
                  {waterParameters.map((p) => <option key={p} value={p}>{t(`ui.water.parameter.${p}`)}</option>)}
                </select>
                {rowError(i, 'parameter') && <div className="field-error">{rowError(i, 'parameter')}</div>}
              </td>
              <td>
                <input className="input" aria-label={t(`ui.water.parameter.${row.parameter}`)} placeholder={t('ui.water.valueHint')} value={row.value}
                  aria-invalid={rowError(i, 'value') ? true : undefined} onChange={(e) => setRow(i, { value: e.target.value })} />
                {rowError(i, 'value') && <div className="field-error">{rowError(i, 'value')}</div>}
              </td>
              <td className="muted">{parameterUnits[row.parameter]}</td>
              <td>
                <button type="button" className="button button-small button-quiet" aria-label={t('ui.water.removeValue')}
                  onClick={() => setForm((f) => ({ ...f, rows: f.rows.filter((_, j) => j !== i) }))}>×</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button-small" onClick={() => setForm((f) => ({ ...f, rows: [...f.rows, { parameter: waterParameters.find((p) => !f.rows.some((r) => r.parameter === p)) ?? 'ph', value: '' }] }))}>
        {t('ui.water.addValue')}
      </button>
      <Field id="water-test-note" label={t('field.note')} error={err('note')}>
        <input id="water-test-note" className="input" value={form.note} onChange={(e) => set('note', e.target.value)} />
      </Field>
    </WaterFormModal>
  );
}
