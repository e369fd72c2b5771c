/**
 * One school-aid record, by keyboard: Enter goes to the next field, Ctrl+S saves, Esc closes.
 * A refused save keeps everything typed and puts each reason under its field; a duplicate
 * offers to open the record that is already there.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import { Modal } from '../../components/Modal.js';
import { Field, fieldAria } from '../../components/Field.js';
import { EnumSelect } from '../../components/EnumSelect.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { describeIssue } from '../../../../shared/i18n/translate.js';
import { describeError, issuesOf, reasonOf } from '../../lib/errors.js';
import { handleEnterNavigation } from '../../lib/enter-nav.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { ReasonDialog } from '../../components/ReasonDialog.js';
import { draftOf, emptyForm, formOf, type SchoolForm } from './school-form.js';

interface SchoolAidFormProps {
  id: string | null;
  onClose(): void;
  onSaved(): void;
  onOpen(id: string): void;
}

const FIELDS = ['idNumber', 'schoolYear', 'schoolTerm', 'schoolStage', 'schoolName', 'aidItem', 'amount', 'paidDate', 'outOfProvince', 'note'] as const;

export function SchoolAidForm({ id, onClose, onSaved, onOpen }: SchoolAidFormProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [form, setForm] = useState<SchoolForm>(() => emptyForm(new Date()));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const [deleting, setDeleting] = useState(false);
  const [holder, setHolder] = useState<string | null>(null);
  const typedId = useDebounced(form.idNumber, 250);

  // Who the ID number belongs to, while typing: the clerk sees the student's name before saving.
  useEffect(() => {
    let live = true;
    if (typedId.trim().length < 15) {
      setHolder(null);
      return;
    }
    invoke('persons/idHolder', { idNumber: typedId }).then(
      (h) => live && setHolder(h ? t('ui.school.form.holder', { name: h.personName, householdNo: h.householdNo }) : null),
      () => live && setHolder(null),
    );
    return () => {
      live = false;
    };
  }, [typedId, t]);

  useEffect(() => {
    if (!id) return;
    invoke('school/get', { id }).then((r) => setForm(formOf(r)), (err: unknown) => notices.error(err));
  }, [id, notices]);

  const set = <K extends keyof SchoolForm>(key: K, value: SchoolForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const issueOf = (field: string) => issues.find((i) => i.field === field);
  const errorOf = (field: string) => {
    const found = issueOf(field);
    return found ? reasonOf(t, found) : null;
  };
  const other = issues.filter((i) => !(FIELDS as readonly string[]).includes(i.field));

  const save = async (andNew: boolean) => {
    if (saving) return;
    setSaving(true);
    try {
      const result = await invoke('school/save', draftOf(form));
      setIssues([]);
      setFailure(null);
      const name = form.personName || form.idNumber;
      notices.success(result.warnings.length > 0
        ? `${t('ui.school.form.savedWithWarnings', { count: result.warnings.length })}：${result.warnings.map((w) => describeIssue(t, w)).join('；')}`
        : t('ui.school.form.saved', { name }));
      onSaved();
      if (andNew) {
        // The next slip is usually the same school, 学段 and item: keep them, clear the student.
        setForm(emptyForm(new Date(), { schoolYear: form.schoolYear, schoolTerm: form.schoolTerm, schoolStage: form.schoolStage, schoolName: form.schoolName, aidItem: form.aidItem, paidDate: form.paidDate }));
        first.current?.focus();
      } else onClose();
    } catch (err) {
      const found = issuesOf(err);
      setIssues(found);
      setFailure(found.length > 0 ? t('ui.school.form.refused') : describeError(t, err).message);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (reason: string) => {
    setDeleting(false);
    if (!form.id) return;
    try {
      await invoke('school/delete', { id: form.id, rowVersion: form.rowVersion ?? 1, reason });
      notices.success(t('ui.school.form.deleted'));
      onSaved();
      onClose();
    } catch (err) {
      notices.error(err);
    }
  };

  const keys = (event: globalThis.KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save(event.shiftKey);
    }
  };

  const duplicate = issues.find((i) => i.code === 'school.duplicate');
  const input = (field: (typeof FIELDS)[number], extra: { hint?: string | null; mono?: boolean } = {}) => {
    const fid = `school-${field}`;
    const error = errorOf(field);
    return (
      <Field id={fid} label={t(`field.${field === 'idNumber' ? 'idNumber' : field}`)} error={error} hint={extra.hint ?? null}>
        <input
          id={fid}
          ref={field === 'idNumber' ? first : undefined}
          className={`input ${extra.mono ? 'mono' : ''}`}
          value={form[field] as string}
          onChange={(e) => set(field, e.target.value as never)}
          {...fieldAria(fid, error, extra.hint)}
        />
      </Field>
    );
  };
  const select = (field: 'schoolTerm' | 'schoolStage' | 'aidItem', enumName: 'schoolTerm' | 'schoolStage' | 'schoolAidItem') => {
    const fid = `school-${field}`;
    const error = errorOf(field);
    return (
      <Field id={fid} label={t(`field.${field}`)} error={error}>
        <EnumSelect id={fid} className="input select" enumName={enumName} value={form[field]} onValueChange={(v) => set(field, v as never)} {...fieldAria(fid, error)} />
      </Field>
    );
  };

  return (
    <Modal title={id ? t('ui.school.form.editTitle', { name: form.personName }) : t('ui.school.form.newTitle')} onCancel={onClose} onKeyDown={keys} className="school-form-dialog">
      <div className="school-form" onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => handleEnterNavigation(e)}>
        <div className="school-form-grid">
          {input('idNumber', { mono: true, hint: holder })}
          {input('schoolYear', { hint: t('ui.school.form.hintYear') })}
          {select('schoolTerm', 'schoolTerm')}
          {select('schoolStage', 'schoolStage')}
          {input('schoolName')}
          {select('aidItem', 'schoolAidItem')}
          {input('amount', { hint: t('ui.school.form.hintAmount'), mono: true })}
          {input('paidDate', { hint: t('ui.school.form.hintDate'), mono: true })}
          <Field id="school-outOfProvince" label={t('field.outOfProvince')} error={errorOf('outOfProvince')}>
            <input id="school-outOfProvince" type="checkbox" checked={form.outOfProvince} onChange={(e) => set('outOfProvince', e.target.checked)} />
          </Field>
          {input('note')}
        </div>
        {failure && (
          <div className="callout callout-error" role="alert">
            <p>{failure}</p>
            {other.length > 0 && <ul>{other.map((i, n) => <li key={n}>{describeIssue(t, i)}</li>)}</ul>}
            {duplicate?.params?.firstId && (
              <button type="button" className="button button-small" onClick={() => onOpen(String(duplicate.params!.firstId))}>{t('ui.school.form.openFirst')}</button>
            )}
          </div>
        )}
        <div className="modal-actions">
          {id && <button type="button" className="button button-danger-text" onClick={() => setDeleting(true)}>{t('ui.school.form.delete')}</button>}
          <button type="button" className="button" onClick={onClose}>{t('ui.common.cancel')}</button>
          {!id && <button type="button" className="button" disabled={saving} onClick={() => void save(true)}>{t('ui.school.form.saveAndNew')}</button>}
          <button type="button" className="button button-primary" data-enter-end disabled={saving} onClick={() => void save(false)}>{t('ui.school.form.save')}</button>
        </div>
      </div>
      {deleting && (
        <ReasonDialog
          title={t('ui.school.form.delete')}
          body={t('ui.school.form.deleteBody')}
          confirmLabel={t('ui.school.form.deleteConfirm')}
          onConfirm={(reason) => void remove(reason)}
          onCancel={() => setDeleting(false)}
        />
      )}
    </Modal>
  );
}
