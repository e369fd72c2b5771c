/**
 * One household's housing repair, entered by keyboard (Enter moves on, Ctrl+S saves). A refused
 * save keeps everything typed and puts each reason, in Chinese, under its field. Once saved the
 * panel stays open with the derived stage and the photo strip.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import type { HousingRepair } from '../../../../shared/contract/housing.js';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { formatYuan } from '../../../../shared/domain/money.js';
import { todayIso } from '../../../../shared/domain/id-number.js';
import { isEditable } from '../../../../shared/domain/review.js';
import { housingStage } from '../../../../shared/domain/housing/housing-stage.js';
import { housingFlags, subsidyTotalFen, validateHousingRepair } from '../../../../shared/domain/housing/housing-rules.js';
import { Modal } from '../../components/Modal.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorView } from '../../components/ErrorView.js';
import { describeError, issuesOf, reasonOf, type ErrorText } from '../../lib/errors.js';
import { handleEnterNavigation } from '../../lib/enter-nav.js';
import { emptyForm, formIssue, formOf, toDraft, type FormField, type RepairForm } from './repair-form.js';
import { RepairFields, repairFieldId } from './RepairFields.js';
import { PhotoPanel } from './PhotoPanel.js';
import { RepairReviewBar } from './RepairReviewBar.js';

export type RepairTarget = { kind: 'new' } | { kind: 'edit'; id: string };

export function RepairEditor({ target, onClose }: { target: RepairTarget; onClose(changed: boolean): void }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const [record, setRecord] = useState<HousingRepair | null>(null);
  const [form, setForm] = useState<RepairForm>(emptyForm);
  const [saved, setSaved] = useState<RepairForm>(emptyForm);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const [saving, setSaving] = useState(false);
  const [changed, setChanged] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  const load = useCallback(async (id: string) => {
    const r = await invoke('housing/get', { id });
    setRecord(r);
    setForm(formOf(r));
    setSaved(formOf(r));
  }, []);

  useEffect(() => {
    if (target.kind === 'edit') load(target.id).catch((err: unknown) => setFailure(describeError(t, err)));
  }, [target, load, t]);

  const locked = record !== null && !isEditable(record.reviewState);
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);

  const preview = useMemo(() => {
    const { draft } = toDraft(form);
    return { stage: housingStage(draft), total: subsidyTotalFen(draft), flags: housingFlags(draft) };
  }, [form]);

  const errorOf = (field: FormField) => {
    const found = issues.find((i) => i.field === field);
    return found ? reasonOf(t, found) : null;
  };

  const setField = (field: FormField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    // The reason stays until the clerk changes that field.
    setIssues((list) => list.filter((i) => i.field !== field));
  };

  const focusFirst = (list: FieldIssue[]) => {
    if (list[0]) setTimeout(() => document.getElementById(repairFieldId(list[0]!.field))?.focus(), 0);
  };

  const save = async () => {
    if (saving || locked) return;
    setFailure(null);
    const { draft, issues: typed } = toDraft(form);
    const local = typed.length > 0 ? typed : validateHousingRepair(draft, todayIso());
    if (local.length > 0) {
      setIssues(local);
      focusFirst(local);
      return;
    }
    setSaving(true);
    try {
      const { id } = await invoke('housing/save', { repair: draft });
      notices.success(t('ui.housing.editor.saved', { householdNo: draft.householdNo }));
      setIssues([]);
      setChanged(true);
      await load(id);
    } catch (err) {
      const found = issuesOf(err).map(formIssue);
      setIssues(found);
      setFailure(found.length ? null : describeError(t, err));
      focusFirst(found);
    } finally {
      setSaving(false);
    }
  };

  const requestClose = () => {
    if (dirty) setConfirmDiscard(true);
    else onClose(changed);
  };

  const keyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  const title = record ? t('ui.housing.editor.editTitle', { householdNo: record.householdNo }) : t('ui.housing.editor.newTitle');
  return (
    <Modal title={title} variant="panel" onCancel={requestClose} onKeyDown={keyDown} hideTitle>
      <div className="editor housing-editor" data-enter-scope onKeyDown={handleEnterNavigation}>
        <header className="editor-header">
          <div className="editor-heading">
            <h2 className="editor-title">{title}</h2>
            <span className={`stage-badge stage-${preview.stage}`} role="status">{t('ui.housing.editor.stage', { stage: t(`housing.stage.${preview.stage}`) })}</span>
            <span className="housing-total">{t('ui.housing.editor.subsidyTotal', { amount: formatYuan(preview.total, { grouping: true }) })}</span>
            {dirty && <span className="dirty-mark">{t('ui.housing.editor.unsaved')}</span>}
          </div>
          <div className="editor-actions">
            {record && <RepairReviewBar record={record} dirty={dirty} onChanged={() => { setChanged(true); void load(record.id); }} onDeleted={() => onClose(true)} />}
            <button type="button" className="button" onClick={requestClose}>{t('ui.housing.editor.close')}</button>
            {!locked && <button type="button" className="button button-primary" disabled={saving} data-enter-end onClick={() => void save()}>{t('ui.housing.editor.save')}</button>}
          </div>
        </header>
        <div className="editor-body">
          {locked && <div className="callout" role="note">{t('ui.housing.editor.locked')}</div>}
          {failure && <ErrorView {...failure} />}
          {preview.flags.length > 0 && (
            <ul className="housing-flags" aria-label={t('ui.housing.col.flags')}>
              {preview.flags.map((f) => <li key={f}>{t(`issue.housing.flag.${f}`)}</li>)}
            </ul>
          )}
          <RepairFields
            form={form}
            locked={locked}
            isNew={record === null}
            errorOf={errorOf}
            onChange={setField}
            onPlate={(v) => setForm((f) => ({ ...f, platePosted: v }))}
          />
          <section className="editor-section" aria-label={t('ui.housing.editor.sectionPhotos')}>
            <h3 className="section-title">{t('ui.housing.editor.sectionPhotos')}</h3>
            {record
              ? <PhotoPanel repairId={record.id} photos={record.photos} locked={locked} onChanged={() => { setChanged(true); void load(record.id); }} />
              : <p className="field-hint">{t('ui.housing.editor.photosAfterSave')}</p>}
          </section>
        </div>
      </div>
      {confirmDiscard && (
        <ConfirmDialog
          title={t('ui.housing.editor.unsaved')}
          body={t('ui.housing.editor.discard')}
          confirmLabel={t('ui.housing.editor.discardConfirm')}
          cancelLabel={t('ui.housing.editor.keepEditing')}
          danger
          onConfirm={() => onClose(changed)}
          onCancel={() => setConfirmDiscard(false)}
        />
      )}
    </Modal>
  );
}
