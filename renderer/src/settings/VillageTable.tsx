import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useWorkstation } from '../app/workstation-context.js';
import { useNotices } from '../app/notice-context.js';
import { VillageRow } from './VillageRow.js';
import { NewVillageRow } from './NewVillageRow.js';

/** The township's villages: rename in place, add at the bottom. */
export function VillageTable({ orgCode }: { orgCode: string }) {
  const { t } = useTranslation();
  const { villages, reloadVillages } = useWorkstation();
  const notices = useNotices();
  const [editing, setEditing] = useState<string | null>(null);

  /** Saves one village; returns the error for the caller to show next to its input. */
  const save = async (code: string, name: string): Promise<unknown> => {
    try {
      const saved = await invoke('villages/save', { code, name });
      await reloadVillages();
      notices.success(t('ui.settings.villageSaved', { name: saved.name }));
      return null;
    } catch (err) {
      return err;
    }
  };

  return (
    <div className="village-table-wrap">
      {villages.length === 0 && <p className="muted">{t('ui.settings.villagesEmpty')}</p>}
      <table className="table village-table">
        <thead>
          <tr>
            <th scope="col" className="col-code">{t('ui.settings.villageCode')}</th>
            <th scope="col">{t('ui.settings.villageName')}</th>
            <th scope="col" className="col-num">{t('ui.settings.householdCount')}</th>
            <th scope="col" className="col-actions"><span className="visually-hidden">{t('ui.common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {villages.map((v) => (
            <VillageRow
              key={v.code}
              village={v}
              editing={editing === v.code}
              onEdit={() => setEditing(v.code)}
              onDone={() => setEditing(null)}
              onSave={(name) => save(v.code, name)}
            />
          ))}
        </tbody>
        <tfoot>
          <NewVillageRow orgCode={orgCode} onSave={save} />
        </tfoot>
      </table>
    </div>
  );
}
