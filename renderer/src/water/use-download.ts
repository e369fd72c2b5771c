/** Runs a download (export, template, report) with a busy flag and a notice. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../app/notice-context.js';
import { downloadFile, type DownloadFile } from '../lib/files.js';

export function useDownload() {
  const { t } = useTranslation();
  const notices = useNotices();
  const [busy, setBusy] = useState(false);
  const run = async (make: () => Promise<DownloadFile>) => {
    setBusy(true);
    try {
      const file = await make();
      downloadFile(file);
      notices.success(t('ui.water.downloaded', { fileName: file.fileName }));
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
