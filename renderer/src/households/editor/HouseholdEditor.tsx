import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import { useWorkstation } from '../../app/workstation-context.js';
import { useNotices } from '../../app/notice-context.js';
import { Modal } from '../../components/Modal.js';
import { formFromHousehold, newHouseholdForm, type EditorForm } from './form-model.js';
import { EditorPanel } from './EditorPanel.js';
import { useAuth } from '../../auth/auth-context.js';
import { useMay } from '../../auth/use-may.js';
import type { Household } from '../../../../shared/contract/households.js';

export type EditorTarget = { kind: 'new' } | { kind: 'edit'; id: string };

interface HouseholdEditorProps {
  target: EditorTarget;
  /** `changed`: something was saved or deleted, the list should reload. */
  onClose(changed: boolean): void;
  /** A household was saved and a new empty one follows (保存并新增). */
  onSavedNew(): void;
}

interface Session {
  key: number;
  form: EditorForm;
  /** The review state as loaded; null for a new household. */
  review?: Pick<Household, 'reviewState' | 'reviewReason'>;
}

/** Village and type carry over to the next new household: clerks enter one village at a time. */
let lastNewDefaults: { villageCode: string; status: string } | null = null;

export function HouseholdEditor({ target, onClose, onSavedNew }: HouseholdEditorProps) {
  const { t } = useTranslation();
  const { villages } = useWorkstation();
  const notices = useNotices();
  const [session, setSession] = useState<Session | null>(null);
  const [changed, setChanged] = useState(false);
  const { me } = useAuth();
  const may = useMay();

  const freshForm = () => newHouseholdForm(lastNewDefaults ?? { villageCode: villages.length === 1 ? villages[0]!.code : '' });

  useEffect(() => {
    if (target.kind === 'new') {
      setSession({ key: 1, form: freshForm() });
      return;
    }
    let live = true;
    invoke('households/get', { id: target.id })
      .then((household) => live && setSession({ key: 1, form: formFromHousehold(household), review: { reviewState: household.reviewState, reviewReason: household.reviewReason } }))
      .catch((err: unknown) => {
        if (!live) return;
        notices.error(err);
        onClose(false);
      });
    return () => {
      live = false;
    };
    // Runs once: the target is fixed for the editor's life; the list opens a new editor for another.
  }, []);

  if (!session) {
    return (
      <Modal title={t('ui.editor.loading')} variant="panel" onCancel={() => onClose(false)}>
        <p className="muted" role="status">{t('ui.common.loading')}</p>
      </Modal>
    );
  }

  // The server refuses these saves anyway; the editor says so before anyone types.
  const state = session.review?.reviewState;
  const lockNote = !may('write') ? t('ui.review.readOnly.role')
    : state === 'approved' || state === 'submitted' ? t(`ui.review.readOnly.${state}`)
    : null;
  return (
    <EditorPanel
      key={session.key}
      initial={session.form}
      lockNote={lockNote}
      returnedReason={state === 'returned' ? (session.review?.reviewReason ?? null) : null}
      onClose={(saved) => onClose(saved || changed)}
      onSaved={(form, next) => {
        if (!form.household.id) lastNewDefaults = { villageCode: form.household.villageCode, status: form.household.status };
        if (next === 'new') {
          setChanged(true);
          onSavedNew();
          setSession((s) => ({ key: (s?.key ?? 0) + 1, form: freshForm() }));
        }
      }}
    />
  );
}
