import { invoke } from '../../api/client.js';
import { useReloadable } from '../../lib/use-reloadable.js';
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
  const allowed = useAllowed();
  const [data, reload] = useReloadable(async () => {
    const [summary, history] = await Promise.all([invoke('packages/summary', {}), invoke('packages/history', {})]);
    return { summary, history };
  });
  const history = data?.history ?? null;

  const keysChanged = async () => {
    await onKeysChanged();
    await reload();
  };

  const township = data?.summary.township ?? null;
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
