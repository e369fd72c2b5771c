import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, uploadFile } from '../../api/client.js';
import type { ImportSummary, SheetKind } from '../../../../shared/contract/transfer.js';
import { Modal } from '../../components/Modal.js';
import { ErrorView } from '../../components/ErrorView.js';
import { describeError, type ErrorText } from '../../lib/errors.js';
import { downloadFile, type DownloadFile } from '../../lib/files.js';
import { ImportSummaryView } from './ImportSummaryView.js';
import { ImportIssuesGrid } from './ImportIssuesGrid.js';

/** The chosen sheet, stored once in the main process: the preview and the commit read the same file. */
type StoredFile = { fileName: string; uploadId: string };

type Phase =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; file: StoredFile; summary: ImportSummary }
  | { step: 'committing'; file: StoredFile; summary: ImportSummary }
  | { step: 'done'; summary: ImportSummary; rejects: DownloadFile | null };

/**
 * 导入: choose a sheet, see what it would do and every bad row, then import all of it (only when
 * nothing is wrong) or, on purpose, only the valid rows, keeping the rejected rows as a CSV.
 * `kind`: which ledger's sheet (the register's persons sheet unless told); `hint`: what the sheet holds.
 */
export function ImportDialog({ onClose, onImported, kind = 'persons', title, hint }: {
  onClose(): void;
  onImported(): void;
  kind?: SheetKind;
  title?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [failure, setFailure] = useState<ErrorText | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const preview = async (chosen: File) => {
    setFailure(null);
    setFileName(chosen.name);
    setPhase({ step: 'checking', fileName: chosen.name });
    try {
      const file = await uploadFile(chosen);
      const summary = await invoke('import/preview', { ...file, kind });
      setPhase({ step: 'preview', file, summary });
    } catch (err) {
      setFailure(describeError(t, err));
      setPhase({ step: 'choose' });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const commit = async (file: StoredFile, summary: ImportSummary, skipInvalid: boolean) => {
    setFailure(null);
    setPhase({ step: 'committing', file, summary });
    try {
      const result = await invoke('import/commit', { ...file, kind, skipInvalid });
      if (result.committed) onImported();
      setPhase({ step: 'done', summary: result, rejects: result.rejects });
    } catch (err) {
      setFailure(describeError(t, err));
      setPhase({ step: 'preview', file, summary });
    }
  };

  const [fileName, setFileName] = useState<string | null>(null);
  const summary = phase.step === 'preview' || phase.step === 'committing' || phase.step === 'done' ? phase.summary : null;
  const bad = summary?.issues.length ?? 0;
  return (
    <Modal title={title ?? t('ui.import.title')} onCancel={onClose} className="import-dialog">
      <div className="import-choose">
        <input
          ref={fileInput}
          id="import-file"
          type="file"
          accept=".xlsx,.csv"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('ui.import.chooseFile')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void preview(file);
          }}
        />
        <button
          type="button"
          className="button"
          data-autofocus
          disabled={phase.step === 'checking' || phase.step === 'committing'}
          onClick={() => fileInput.current?.click()}
        >
          {t('ui.import.chooseButton')}
        </button>
        <span className={fileName ? 'import-file-name' : 'muted'}>{fileName ?? hint ?? t('ui.import.fileHint')}</span>
      </div>
      {phase.step === 'checking' && <p role="status" className="muted">{t('ui.import.checking', { fileName: phase.fileName })}</p>}
      {failure && <div className="callout callout-error" role="alert"><ErrorView {...failure} /></div>}
      {summary && <ImportSummaryView summary={summary} done={phase.step === 'done'} kind={kind} />}
      {summary && bad > 0 && <ImportIssuesGrid issues={summary.issues} />}
      <div className="modal-actions">
        {phase.step === 'done' && phase.rejects && (
          <button type="button" className="button" onClick={() => phase.rejects && downloadFile(phase.rejects)}>{t('ui.import.downloadRejects')}</button>
        )}
        <button type="button" className="button" onClick={onClose}>{phase.step === 'done' ? t('ui.common.close') : t('ui.common.cancel')}</button>
        {(phase.step === 'preview' || phase.step === 'committing') && (
          <>
            {bad > 0 && (
              <button
                type="button"
                className="button"
                disabled={phase.step === 'committing' || phase.summary.validRows === 0}
                onClick={() => void commit(phase.file, phase.summary, true)}
              >
                {t('ui.import.commitValid', { count: phase.summary.validRows })}
              </button>
            )}
            <button
              type="button"
              className="button button-primary"
              disabled={phase.step === 'committing' || bad > 0 || phase.summary.validRows === 0}
              title={bad > 0 ? t('ui.import.blockedHint', { count: bad }) : undefined}
              onClick={() => void commit(phase.file, phase.summary, false)}
            >
              {phase.step === 'committing' ? t('ui.import.committing') : t('ui.import.commit')}
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}
