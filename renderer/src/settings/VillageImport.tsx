import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useWorkstation } from '../app/workstation-context.js';
import { useNotices } from '../app/notice-context.js';
import { describeIssue } from '../../../shared/i18n/translate.js';
import type { FieldIssue } from '../../../shared/domain/issue.js';
import { readFileAsBase64 } from '../lib/files.js';
import { ErrorView } from '../components/ErrorView.js';

interface Result {
  added: number;
  renamed: number;
  issues: FieldIssue[];
}

/** 村代码, 村名 from a sheet; what could not be taken is listed row by row. */
export function VillageImport() {
  const { t } = useTranslation();
  const { reloadVillages } = useWorkstation();
  const notices = useNotices();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const upload = await readFileAsBase64(file);
      const outcome = await invoke('villages/import', upload);
      setResult(outcome);
      await reloadVillages();
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <div className="village-import">
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,.csv"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('ui.settings.importFile')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <div className="village-import-row">
        <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          {busy ? t('ui.common.working') : t('ui.settings.importVillages')}
        </button>
        <span className="muted">{t('ui.settings.importHint')}</span>
      </div>
      {result && (
        <div className={result.issues.length ? 'callout callout-warn' : 'callout'} role="status">
          <ErrorView
            message={t('ui.settings.importDone', { added: result.added, renamed: result.renamed })}
            issues={result.issues.map((i) => describeIssue(t, i))}
          />
        </div>
      )}
    </div>
  );
}
