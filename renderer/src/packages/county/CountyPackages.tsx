import { invoke } from '../../api/client.js';
import { useReloadable } from '../../lib/use-reloadable.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { PackageImportCard } from './PackageImportCard.js';
import { TownshipsCard } from './TownshipsCard.js';
import { ConflictsCard } from './ConflictsCard.js';
import { ImportedHistory } from './ImportedHistory.js';

export interface CountyData {
  townships: MethodOutput<'county/townships'>;
  conflicts: MethodOutput<'county/conflicts'>;
  imported: MethodOutput<'packages/history'>['imported'];
}

export function CountyPackages() {
  const [data, reload] = useReloadable<CountyData>(async () => {
    const [townships, conflicts, history] = await Promise.all([
      invoke('county/townships', {}), invoke('county/conflicts', {}), invoke('packages/history', {}),
    ]);
    return { townships, conflicts, imported: history.imported };
  });

  return (
    <>
      <PackageImportCard onImported={() => void reload()} />
      {data && (
        <>
          <TownshipsCard townships={data.townships} onRegistered={() => void reload()} />
          <ImportedHistory rows={data.imported} townships={data.townships} />
          <ConflictsCard conflicts={data.conflicts} townships={data.townships} />
        </>
      )}
    </>
  );
}
