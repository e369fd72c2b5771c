import { useCallback, useEffect, useState } from 'react';
import { invoke } from '../../api/client.js';
import { useNotices } from '../../app/notice-context.js';
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
  const notices = useNotices();
  const [data, setData] = useState<CountyData | null>(null);

  const reload = useCallback(async () => {
    try {
      const [townships, conflicts, history] = await Promise.all([
        invoke('county/townships', {}), invoke('county/conflicts', {}), invoke('packages/history', {}),
      ]);
      setData({ townships, conflicts, imported: history.imported });
    } catch (err) {
      notices.error(err);
    }
  }, [notices]);

  useEffect(() => {
    void reload();
  }, [reload]);

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
