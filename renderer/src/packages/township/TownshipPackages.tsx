import { useCallback, useEffect, useState } from 'react';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import type { KeysInfo } from '../PackagesPage.js';
import { useAllowed } from '../use-allowed.js';
import { CountyKeyCard } from './CountyKeyCard.js';
import { ExportCard } from './ExportCard.js';
import { ReceiptCard } from './ReceiptCard.js';
import { ExportHistory } from './ExportHistory.js';
import { CountySetupCard } from './CountySetupCard.js';

export type PackageSummary = MethodOutput<'packages/summary'>;
export type PackageHistory = MethodOutput<'packages/history'>;

export function TownshipPackages({ keys, onKeysChanged }: { keys: KeysInfo; onKeysChanged(): Promise<void> }) {
  const notices = useNotices();
  const allowed = useAllowed();
  const [summary, setSummary] = useState<PackageSummary | null>(null);
  const [history, setHistory] = useState<PackageHistory | null>(null);

  const reload = useCallback(async () => {
    try {
      const [s, h] = await Promise.all([invoke('packages/summary', {}), invoke('packages/history', {})]);
      setSummary(s);
      setHistory(h);
    } catch (err) {
      notices.error(err);
    }
  }, [notices]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const keysChanged = async () => {
    await onKeysChanged();
    await reload();
  };

  const township = summary?.township ?? null;
  return (
    <>
      <CountyKeyCard keys={keys} onRegistered={() => void keysChanged()} />
      {township && <ExportCard summary={township} county={keys.county} onExported={() => void reload()} />}
      {township && <ReceiptCard summary={township} countyKnown={keys.county !== null} onImported={() => void reload()} />}
      {history && <ExportHistory rows={history.exported} />}
      {township && township.lastSequence === 0 && allowed('county/setup') && <CountySetupCard onDone={() => void keysChanged()} />}
    </>
  );
}
