import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, uploadFile } from '../../api/client.js';
import { FilePickButton } from '../FilePickButton.js';
import { useAllowed } from '../use-allowed.js';
import { queueOf, runQueue, type QueueItem } from './import-queue.js';
import { ImportOutcomeRow } from './ImportOutcomeRow.js';
import { TrustDialog, type TrustRequest } from './TrustDialog.js';

/** Several packages at once, each checked whole and merged on its own, with a line per file. */
export function PackageImportCard({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const allowed = useAllowed();
  const [items, setItems] = useState<QueueItem[]>([]);
  const [allowGap, setAllowGap] = useState(false);
  const [running, setRunning] = useState(false);
  const [trust, setTrust] = useState<TrustRequest | null>(null);

  const update = (changed: QueueItem) => setItems((list) => list.map((i) => (i.key === changed.key ? changed : i)));

  const run = async (queue: QueueItem[], trustFingerprint: string | null) => {
    setRunning(true);
    try {
      await runQueue(queue, async (item) => {
        const [outcome] = await invoke('county/importPackages', { files: [await uploadFile(item.file)], allowGap, trustFingerprint });
        return outcome!;
      }, update);
    } finally {
      setRunning(false);
      onImported();
    }
  };

  const choose = (files: File[]) => {
    const queue = queueOf(files);
    setItems(queue);
    void run(queue, null);
  };

  /** After the clerk confirmed the fingerprint: that township's refused packages go in again. */
  const trusted = (request: TrustRequest) => {
    setTrust(null);
    const again = items
      .filter((i) => i.outcome?.refusal?.code === 'package.unregisteredKey' && i.outcome.townshipCode === request.townshipCode)
      .map((i) => ({ ...i, state: 'waiting' as const }));
    setItems((list) => list.map((i) => again.find((a) => a.key === i.key) ?? i));
    void run(again, request.fingerprint);
  };

  const done = items.filter((i) => i.state === 'done').length;
  return (
    <section className="card" aria-labelledby="import-packages">
      <h2 id="import-packages" className="card-title">{t('ui.packages.importSection')}</h2>
      <p className="muted">{t('ui.packages.importHint')}</p>
      {allowed('county/importPackages') && (
        <div className="card-actions card-actions-start">
          <FilePickButton
            label={running ? t('ui.common.working') : t('ui.packages.choosePackages')}
            inputLabel={t('ui.packages.packageFiles')}
            accept=".tzpkg"
            multiple
            primary
            disabled={running}
            onFiles={choose}
          />
          <label className="check">
            <input type="checkbox" checked={allowGap} disabled={running} onChange={(e) => setAllowGap(e.target.checked)} />
            {t('ui.packages.allowGap')}
          </label>
        </div>
      )}
      {items.length > 0 && (
        <>
          <div className="status-line" role="status">{t('ui.packages.importProgress', { done, total: items.length })}</div>
          <ul className="outcome-list" aria-label={t('ui.packages.importSection')}>
            {items.map((item) => (
              <ImportOutcomeRow
                key={item.key}
                item={item}
                canTrust={allowed('county/registerKey')}
                busy={running}
                onTrust={setTrust}
              />
            ))}
          </ul>
        </>
      )}
      {trust && <TrustDialog request={trust} onConfirm={() => trusted(trust)} onCancel={() => setTrust(null)} />}
    </section>
  );
}
