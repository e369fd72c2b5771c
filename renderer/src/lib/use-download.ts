/** Runs a download (export, template, report, key file) with a busy flag and a notice. */
import { useState } from 'react';
import { useNotices } from '../app/notice-context.js';
import { downloadFile, type DownloadFile } from './files.js';

/** `downloaded`: the notice naming the file, in the ledger's own words. */
export function useDownload(downloaded: (fileName: string) => string) {
  const notices = useNotices();
  const [busy, setBusy] = useState(false);
  const run = async (make: () => Promise<DownloadFile>) => {
    setBusy(true);
    try {
      const file = await make();
      downloadFile(file);
      notices.success(downloaded(file.fileName));
    } catch (err) {
      notices.error(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
