/** 供水工程: the supplies of the township's villages, with a line to add one or change one. */
import { useMay } from '../auth/use-may.js';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useNotices } from '../app/notice-context.js';
import { useWorkstation } from '../app/workstation-context.js';
import type { Supply } from '../../../shared/contract/water.js';
import { supplyTypes, type SupplyType } from '../../../shared/domain/water/vocabulary.js';
import { ErrorView } from '../components/ErrorView.js';
import { handleEnterNavigation } from '../lib/enter-nav.js';
import { useFormIssues } from './use-form-issues.js';

export function SuppliesTab({ supplies, onChanged }: { supplies: Supply[]; onChanged(): void }) {
  const { t } = useTranslation();
  const may = useMay();
  const notices = useNotices();
  const { villages } = useWorkstation();
  const issues = useFormIssues();
  const [villageCode, setVillageCode] = useState(villages[0]?.code ?? '');
  const [name, setName] = useState('');
  const [supplyType, setSupplyType] = useState<SupplyType>('centralized');
  const [operator, setOperator] = useState('');
  const [smallScale, setSmallScale] = useState(false);
  /** The supply being changed (its id and version go with the save); null while adding. */
  const [editing, setEditing] = useState<Supply | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const fill = (s: Supply | null) => {
    issues.clear();
    setEditing(s);
    setVillageCode(s?.villageCode ?? villages[0]?.code ?? '');
    setName(s?.name ?? '');
    setSupplyType(s?.supplyType ?? 'centralized');
    setOperator(s?.operator ?? '');
    setSmallScale(s?.smallScale ?? false);
    // The clerk types on where the values now are.
    if (s) requestAnimationFrame(() => nameInput.current?.focus());
  };

  const save = async () => {
    issues.clear();
    try {
      const kept = editing ? { id: editing.id, rowVersion: editing.rowVersion, note: editing.note } : {};
      await invoke('water/supplies/save', { ...kept, villageCode, name, supplyType, operator: operator.trim() || null, smallScale });
      notices.success(t('ui.water.supplySaved'));
      fill(null);
      onChanged();
    } catch (err) {
      // What was typed stays in the form; the reason shows above it.
      issues.show(err);
    }
  };

  return (
    <div className="water-supplies">
      {issues.failure && <div className="callout callout-error" role="alert"><ErrorView {...issues.failure} /></div>}
      {may('write') && <div className="toolbar water-supply-new" onKeyDown={handleEnterNavigation}>
        <select className="input select" aria-label={t('ui.water.village')} value={villageCode} onChange={(e) => setVillageCode(e.target.value)}>
          {villages.map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
        </select>
        <input ref={nameInput} className="input" aria-label={t('ui.water.supplyName')} placeholder={t('ui.water.supplyName')} value={name} onChange={(e) => setName(e.target.value)} />
        <select className="input select" aria-label={t('field.supplyType')} value={supplyType} onChange={(e) => setSupplyType(e.target.value as SupplyType)}>
          {supplyTypes.map((s) => <option key={s} value={s}>{t(`ui.water.supplyType.${s}`)}</option>)}
        </select>
        <input className="input" aria-label={t('ui.water.operator')} placeholder={t('ui.water.operator')} value={operator} onChange={(e) => setOperator(e.target.value)} />
        <label className="check"><input type="checkbox" checked={smallScale} onChange={(e) => setSmallScale(e.target.checked)} /> {t('ui.water.smallScale')}</label>
        <button type="button" className="button button-primary" data-enter-end onClick={() => void save()}>
          {editing ? t('ui.water.saveSupply') : t('ui.water.addSupply')}
        </button>
        {editing && <button type="button" className="button" onClick={() => fill(null)}>{t('ui.water.cancel')}</button>}
      </div>}
      {supplies.length === 0 ? <p className="muted">{t('ui.water.noSupplies')}</p> : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('ui.water.village')}</th><th>{t('ui.water.supplyName')}</th><th>{t('field.supplyType')}</th><th>{t('ui.water.operator')}</th>
              <th>{t('ui.water.smallScale')}</th><th>{t('ui.water.latestTest')}</th>{may('write') && <th />}
            </tr>
          </thead>
          <tbody>
            {supplies.map((s) => (
              <tr key={s.id} className={editing?.id === s.id ? 'row-editing' : undefined}>
                <td>{s.villageName}</td><td>{s.name}</td><td>{t(`ui.water.supplyType.${s.supplyType}`)}</td><td>{s.operator ?? ''}</td>
                <td>{s.smallScale ? t('ui.water.yes') : t('ui.water.no')}</td>
                <td className={s.latestTest ? (s.latestTest.passed ? 'water-pass' : 'water-fail') : 'muted'}>
                  {s.latestTest ? `${s.latestTest.sampledOn} ${s.latestTest.passed ? t('ui.water.passed') : t('ui.water.failed')}` : t('ui.water.noTest')}
                </td>
                {may('write') && (
                  <td>
                    <button type="button" className="button button-small" aria-label={t('ui.water.editSupply', { name: s.name })} onClick={() => fill(s)}>
                      {t('ui.water.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
