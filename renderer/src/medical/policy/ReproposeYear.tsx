/**
 * After the rules of a year change, the claims already entered still carry proposals and warnings
 * worked out under the old rules; an administrator has them worked out again here (the main
 * process changes proposals and warnings only, audited, never the typed amounts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client.js';
import type { MethodOutput } from '../../../../shared/contract/index.js';
import { ErrorView } from '../../components/ErrorView.js';
import { describeError, type ErrorText } from '../../lib/errors.js';

export function ReproposeYear({ year, disabled }: { year: number; disabled: boolean }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<MethodOutput<'medical/policy/repropose'> | null>(null);
  const [failure, setFailure] = useState<ErrorText | null>(null);

  const run = async () => {
    setRunning(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await invoke('medical/policy/repropose', { year }));
    } catch (err) {
      setFailure(describeError(t, err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="repropose-year">
      <button type="button" className="button" disabled={disabled || running} onClick={() => void run()}>
        {running ? t('ui.medical.policy.reproposing') : t('ui.medical.policy.repropose', { year })}
      </button>
      <p className="muted">{t('ui.medical.policy.reproposeHint')}</p>
      {result && result.year === year && (
        <div className="callout" role="status" data-testid="repropose-result">{t('ui.medical.policy.reproposed', result)}</div>
      )}
      {failure && <div className="callout callout-error" role="alert"><ErrorView {...failure} /></div>}
    </div>
  );
}
