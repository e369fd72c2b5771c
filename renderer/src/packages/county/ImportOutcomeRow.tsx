import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/ErrorView.js';
import { describeError } from '../../lib/errors.js';
import { refusalText } from '../refusal-text.js';
import type { QueueItem } from './import-queue.js';
import type { TrustRequest } from './TrustDialog.js';

/** One file of an import: its state, then what went in, or why it was refused (check and file). */
export function ImportOutcomeRow({ item, canTrust, busy, onTrust }: {
  item: QueueItem;
  canTrust: boolean;
  busy: boolean;
  onTrust(request: TrustRequest): void;
}) {
  const { t } = useTranslation();
  const o = item.outcome;
  const status = item.state !== 'done' ? item.state : o ? o.status : 'refused';
  const township = o?.townshipCode ? `${o.townshipName ?? ''}（${o.townshipCode}）` : null;
  const failure = item.failure ? describeError(t, item.failure) : null;
  const trustable = o?.refusal?.code === 'package.unregisteredKey' && o.townshipCode && typeof o.refusal.params.fingerprint === 'string';

  return (
    <li className="outcome" data-status={status}>
      <div className="outcome-head">
        <span className="outcome-badge" data-status={status}>{t(`ui.packages.status.${status}`)}</span>
        <span className="outcome-file">{item.file.name}</span>
        {o && township && o.sequence !== null && o.kind && (
          <span className="muted">{t('ui.packages.outcomeTitle', { township, sequence: o.sequence, kind: t(`ui.packages.kind.${o.kind}`) })}</span>
        )}
      </div>
      {o?.result && <div>{t('ui.packages.outcomeCounts', { ...o.result.counts })}</div>}
      {o && o.missing.length > 0 && (
        <div className="warn-text">{t('ui.packages.missing', { township: o.townshipCode ?? '', missing: o.missing.join('、') })}</div>
      )}
      {o?.refusal && <div className={o.status === 'refused' ? 'refusal-text' : 'muted'}>{refusalText(t, o.refusal)}</div>}
      {failure && <ErrorView message={failure.message} issues={failure.issues} />}
      {trustable && item.state === 'done' && (
        canTrust ? (
          <div>
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => onTrust({ townshipCode: o.townshipCode!, townshipName: o.townshipName ?? '', fingerprint: String(o.refusal!.params.fingerprint) })}
            >
              {t('ui.packages.trustAndImport')}
            </button>
          </div>
        ) : <div className="muted">{t('ui.packages.trustAdminOnly')}</div>
      )}
    </li>
  );
}
