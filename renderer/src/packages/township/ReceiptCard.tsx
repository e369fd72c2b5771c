import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, uploadFile } from '../../api/client.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { ErrorView } from '../../components/ErrorView.js';
import { describeError } from '../../lib/errors.js';
import { invalidateCountyStates } from '../../households/county-state-cache.js';
import { FilePickButton } from '../FilePickButton.js';
import { useAllowed } from '../use-allowed.js';
import type { PackageSummary } from './TownshipPackages.js';

type ReceiptResult = MethodOutput<'packages/importReceipt'>;

/** The county's receipt: checked against the county's key, then each record gets its county state. */
export function ReceiptCard({ summary, countyKnown, onImported }: {
  summary: NonNullable<PackageSummary['township']>;
  countyKnown: boolean;
  onImported(): void;
}) {
  const { t } = useTranslation();
  const allowed = useAllowed();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReceiptResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const importReceipt = async ([file]: File[]) => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      const outcome = await invoke('packages/importReceipt', await uploadFile(file));
      setResult(outcome);
      invalidateCountyStates();
      onImported();
    } catch (err) {
      // Shown in the card, next to the file picker, rather than as a passing notice.
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const states = summary.countyStates;
  const failed = failure ? describeError(t, failure) : null;
  return (
    <section className="card" aria-labelledby="import-receipt">
      <h2 id="import-receipt" className="card-title">{t('ui.packages.receiptSection')}</h2>
      {states.accepted + states.rejected + states.conflict > 0 && (
        <p>{t('ui.packages.countyStates', { ...states })}</p>
      )}
      {!countyKnown && <p className="muted">{t('ui.packages.receiptNeedsCountyKey')}</p>}
      {allowed('packages/importReceipt') && (
        <div>
          <FilePickButton
            label={busy ? t('ui.common.working') : t('ui.packages.chooseReceipt')}
            inputLabel={t('ui.packages.receiptFile')}
            accept=".tzrct"
            disabled={busy || !countyKnown}
            onFiles={(files) => void importReceipt(files)}
          />
        </div>
      )}
      {result && (
        <div className="callout" role="status">
          {t(result.status === 'duplicate' ? 'ui.packages.receiptDuplicate' : 'ui.packages.receiptImported', {
            sequence: result.packageSequence, ...result.counts,
          })}
        </div>
      )}
      {failed && (
        <div className="callout callout-error" role="alert">
          <ErrorView message={failed.message} issues={failed.issues} />
        </div>
      )}
    </section>
  );
}
