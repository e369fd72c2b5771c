/** 导入 / 导出 Excel / 导出 CSV / 下载导入模板 for one sheet kind. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import type { SheetKind } from '../../../shared/contract/transfer.js';
import { ImportDialog } from '../households/import/ImportDialog.js';
import { useDownload } from '../lib/use-download.js';
import { useMay } from '../auth/use-may.js';

export function SheetButtons({ kind, onImported }: { kind: SheetKind; onImported(): void }) {
  const { t } = useTranslation();
  const may = useMay();
  const download = useDownload((fileName) => t('ui.water.downloaded', { fileName }));
  const [importing, setImporting] = useState(false);
  return (
    <>
      {may('write') && <button type="button" className="button" onClick={() => setImporting(true)}>{t('ui.water.import')}</button>}
      {/* A sheet export holds full ID numbers: a right of roles that may reveal them. */}
      {may('reveal') && (
        <>
          <button type="button" className="button" disabled={download.busy} onClick={() => void download.run(() => invoke('export/sheet', { kind, format: 'xlsx' }))}>{t('ui.water.exportXlsx')}</button>
          <button type="button" className="button" disabled={download.busy} onClick={() => void download.run(() => invoke('export/sheet', { kind, format: 'csv' }))}>{t('ui.water.exportCsv')}</button>
        </>
      )}
      <button type="button" className="button button-quiet" disabled={download.busy} onClick={() => void download.run(() => invoke('templates/get', { kind }))}>{t('ui.water.template')}</button>
      {importing && <ImportDialog kind={kind} onClose={() => setImporting(false)} onImported={onImported} />}
    </>
  );
}
