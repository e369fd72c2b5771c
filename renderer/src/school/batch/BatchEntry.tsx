/**
 * 批量录入: the school's list typed in one go. 学年, 学期, 学段 and 项目 are chosen once; then
 * each row is an ID number and an amount. Enter in the ID number goes to the amount, Enter in the
 * amount to the next row (a new one at the end). Ctrl+S saves every row not yet saved; refused
 * rows stay, as typed, with their reason, and saved rows are locked.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import type { SchoolAidItem, SchoolStage, SchoolTerm } from '../../../../shared/domain/enums.js';
import { describeIssue } from '../../../../shared/i18n/translate.js';
import { handleEnterNavigation } from '../../lib/enter-nav.js';
import { currentSchoolYear } from '../form/school-form.js';

interface BatchRow {
  key: number;
  idNumber: string;
  amount: string;
  state: 'pending' | 'saved' | 'refused';
  personName: string | null;
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

let nextKey = 1;
const newRow = (amount: string): BatchRow => ({ key: nextKey++, idNumber: '', amount, state: 'pending', personName: null, errors: [], warnings: [] });

export function BatchEntry() {
  const { t } = useTranslation();
  const notices = useNotices();
  const today = new Date();
  const [schoolYear, setSchoolYear] = useState(currentSchoolYear(today));
  const [term, setTerm] = useState<SchoolTerm>(today.getMonth() >= 8 ? 'autumn' : 'spring');
  const [stage, setStage] = useState<SchoolStage>('primary');
  const [item, setItem] = useState<SchoolAidItem>('living_allowance');
  const [schoolName, setSchoolName] = useState('');
  const [paidDate, setPaidDate] = useState('');
  const [outOfProvince, setOutOfProvince] = useState(false);
  const [defaultAmount, setDefaultAmount] = useState('');
  const [rows, setRows] = useState<BatchRow[]>(() => [newRow('')]);
  const [saving, setSaving] = useState(false);
  const table = useRef<HTMLTableSectionElement>(null);

  const update = (key: number, patch: Partial<BatchRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch, ...(r.state === 'refused' ? { state: 'pending' as const } : {}) } : r)));
  // Synchronous: a fast typist's next keys must land in the new cell, not the one just left.
  const focusCell = (rowKey: number, cell: 'id' | 'amount') => {
    table.current?.querySelector<HTMLInputElement>(`[data-row="${rowKey}"][data-cell="${cell}"]`)?.focus();
  };
  const appendRow = () => {
    const added = newRow(defaultAmount);
    flushSync(() => setRows((rs) => [...rs, added]));
    focusCell(added.key, 'id');
  };

  const rowKeys = (event: KeyboardEvent<HTMLInputElement>, row: BatchRow, cell: 'id' | 'amount') => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    if (cell === 'id') return focusCell(row.key, 'amount');
    const open = rows.filter((r) => r.state !== 'saved');
    const index = open.findIndex((r) => r.key === row.key);
    const next = open[index + 1];
    if (next) return focusCell(next.key, 'id');
    appendRow();
  };

  const save = async () => {
    const toSave = rows.filter((r) => r.state !== 'saved' && r.idNumber.trim() !== '');
    if (toSave.length === 0) {
      notices.success(t('ui.school.batch.nothing'));
      return;
    }
    setSaving(true);
    try {
      const result = await invoke('school/saveBatch', {
        schoolYear, schoolTerm: term, schoolStage: stage, aidItem: item, schoolName: schoolName.trim() || null,
        paidDate: paidDate.trim() || null, outOfProvince, rows: toSave.map((r) => ({ idNumber: r.idNumber, amount: r.amount })),
      });
      const byKey = new Map(result.rows.map((r) => [toSave[r.index]!.key, r]));
      setRows((rs) => {
        const updated = rs.map((r) => {
          const res = byKey.get(r.key);
          return res ? { ...r, state: res.saved ? 'saved' as const : 'refused' as const, personName: res.personName, errors: res.errors, warnings: res.warnings } : r;
        });
        // Always an empty row to go on typing in.
        return updated.some((r) => r.state === 'pending' && r.idNumber === '') ? updated : [...updated, newRow(defaultAmount)];
      });
      notices.success(t('ui.school.batch.savedSummary', { saved: result.saved, refused: result.refused }));
    } catch (err) {
      notices.error(err);
    } finally {
      setSaving(false);
    }
  };

  const keys = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  const resultText = (r: BatchRow) => {
    if (r.state === 'refused') return r.errors.map((e) => describeIssue(t, e)).join('；');
    if (r.state === 'saved') return [t('ui.school.batch.saved'), ...r.warnings.map((w) => describeIssue(t, w))].join('；');
    return '';
  };

  return (
    <div className="school-batch" onKeyDown={keys}>
      <p className="muted">{t('ui.school.batch.intro')}</p>
      <fieldset className="school-batch-header" onKeyDown={handleEnterNavigation}>
        <legend className="section-title">{t('ui.school.batch.header')}</legend>
        <label className="inline-field"><span>{t('field.schoolYear')}</span><input aria-label={t('field.schoolYear')} className="input mono" value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)} /></label>
        <label className="inline-field"><span>{t('field.schoolTerm')}</span><EnumSelect aria-label={t('field.schoolTerm')} className="input select" enumName="schoolTerm" value={term} onValueChange={(v) => setTerm(v as SchoolTerm)} /></label>
        <label className="inline-field"><span>{t('field.schoolStage')}</span><EnumSelect aria-label={t('field.schoolStage')} className="input select" enumName="schoolStage" value={stage} onValueChange={(v) => setStage(v as SchoolStage)} /></label>
        <label className="inline-field"><span>{t('field.aidItem')}</span><EnumSelect aria-label={t('field.aidItem')} className="input select" enumName="schoolAidItem" value={item} onValueChange={(v) => setItem(v as SchoolAidItem)} /></label>
        <label className="inline-field"><span>{t('field.schoolName')}</span><input aria-label={t('field.schoolName')} className="input" value={schoolName} onChange={(e) => setSchoolName(e.target.value)} /></label>
        <label className="inline-field"><span>{t('field.paidDate')}</span><input aria-label={t('field.paidDate')} className="input mono" title={t('ui.school.form.hintDate')} value={paidDate} onChange={(e) => setPaidDate(e.target.value)} /></label>
        <label className="inline-field"><span>{t('ui.school.batch.defaultAmount')}</span><input aria-label={t('ui.school.batch.defaultAmount')} className="input mono" title={t('ui.school.batch.defaultAmountHint')} value={defaultAmount} onChange={(e) => setDefaultAmount(e.target.value)} /></label>
        <label className="inline-check"><input type="checkbox" checked={outOfProvince} onChange={(e) => setOutOfProvince(e.target.checked)} />{t('field.outOfProvince')}</label>
      </fieldset>
      <table className="school-batch-table">
        <caption className="visually-hidden">{t('ui.school.batch.rows')}</caption>
        <thead>
          <tr><th>#</th><th>{t('ui.school.batch.idNumber')}</th><th>{t('ui.school.batch.amount')}</th><th>{t('ui.school.batch.student')}</th><th>{t('ui.school.batch.result')}</th><th /></tr>
        </thead>
        <tbody ref={table}>
          {rows.map((r, i) => (
            <tr key={r.key} className={`batch-${r.state}${r.state === 'saved' && r.warnings.length > 0 ? ' batch-warn' : ''}`}>
              <td className="muted">{i + 1}</td>
              <td>
                <input
                  className="input input-cell mono"
                  data-row={r.key}
                  data-cell="id"
                  aria-label={`${t('ui.school.batch.row', { n: i + 1 })} ${t('ui.school.batch.idNumber')}`}
                  aria-invalid={r.state === 'refused' || undefined}
                  readOnly={r.state === 'saved'}
                  value={r.idNumber}
                  onChange={(e) => update(r.key, { idNumber: e.target.value })}
                  onKeyDown={(e) => rowKeys(e, r, 'id')}
                />
              </td>
              <td>
                <input
                  className="input input-cell mono"
                  data-row={r.key}
                  data-cell="amount"
                  aria-label={`${t('ui.school.batch.row', { n: i + 1 })} ${t('ui.school.batch.amount')}`}
                  readOnly={r.state === 'saved'}
                  value={r.amount}
                  onChange={(e) => update(r.key, { amount: e.target.value })}
                  onKeyDown={(e) => rowKeys(e, r, 'amount')}
                />
              </td>
              <td>{r.personName ?? ''}</td>
              <td className={r.state === 'refused' ? 'batch-error' : r.warnings.length > 0 ? 'batch-warning' : ''} role={r.state === 'refused' ? 'alert' : undefined}>
                {resultText(r)}
              </td>
              <td>
                {r.state !== 'saved' && rows.length > 1 && (
                  <button type="button" className="button button-quiet button-small" tabIndex={-1} aria-label={t('ui.school.batch.removeRow')} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>×</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" className="button" onClick={appendRow}>{t('ui.school.batch.addRow')}</button>
        <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>{saving ? t('ui.school.batch.saving') : t('ui.school.batch.save')}</button>
      </div>
    </div>
  );
}
