/**
 * 数据包: on a township workstation, export packages for the county and import its receipts; on
 * the county workstation, import the townships' packages and answer them with receipts.
 */
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client.js';
import { useReloadable } from '../lib/use-reloadable.js';
import type { MethodOutput } from '../../../shared/contract/index.js';
import { OwnKeyCard } from './OwnKeyCard.js';
import { TownshipPackages } from './township/TownshipPackages.js';
import { CountyPackages } from './county/CountyPackages.js';
import '../styles/packages.css';

export type KeysInfo = MethodOutput<'keys/get'>;

export function PackagesPage() {
  const { t } = useTranslation();
  const [keys, reloadKeys] = useReloadable(() => invoke('keys/get', {}));

  return (
    <div className="page page-narrow packages-page">
      <div className="page-header">
        <h1 className="page-title">{t('ui.packages.title')}</h1>
        {keys && (
          <span className="mode-badge" data-mode={keys.mode}>
            {keys.mode === 'county' && keys.county
              ? t('ui.packages.modeCounty', { name: keys.county.name, code: keys.county.code })
              : t('ui.packages.modeTownship')}
          </span>
        )}
      </div>
      {!keys ? (
        <div className="muted" role="status">{t('ui.common.loading')}</div>
      ) : (
        <>
          <p className="muted">{t('ui.packages.hint')}</p>
          <OwnKeyCard keys={keys} />
          {keys.mode === 'county' ? <CountyPackages /> : <TownshipPackages keys={keys} onKeysChanged={reloadKeys} />}
        </>
      )}
    </div>
  );
}
