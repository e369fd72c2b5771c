import { useTranslation } from 'react-i18next';
import type { ImportSummary, SheetKind } from '../../../../shared/contract/transfer.js';

/**
 * The sheet in numbers: rows, valid rows, and what would happen (or happened): to households and
 * people for the register, to the ledger's own records for the others (labelled per ledger).
 */
export function ImportSummaryView({ summary, done, kind }: { summary: ImportSummary; done: boolean; kind: SheetKind }) {
  const { t } = useTranslation();
  const bad = summary.issues.length;
  return (
    <div className="import-summary" data-testid="import-summary">
      <h3 className="section-title">{done ? t('ui.import.doneTitle') : t('ui.import.summaryTitle')}</h3>
      <dl className="summary-grid">
        <dt>{t('ui.import.rows')}</dt>
        <dd>{summary.rows}</dd>
        <dt>{t('ui.import.validRows')}</dt>
        <dd>{summary.validRows}</dd>
        {kind !== 'persons' ? (
          <>
            <dt>{t(`ui.import.recordsOf.${kind}`)}</dt>
            <dd>{t('ui.import.changes', summary.records ?? summary.households)}</dd>
            {(summary.reproposed ?? 0) > 0 && (
              <>
                <dt>{t('ui.import.reproposed')}</dt>
                <dd data-testid="import-reproposed">{t('ui.import.reproposedHint', { count: summary.reproposed })}</dd>
              </>
            )}
          </>
        ) : (
          <>
            <dt>{t('ui.import.households')}</dt>
            <dd>{t('ui.import.changes', summary.households)}</dd>
            <dt>{t('ui.import.persons')}</dt>
            <dd>{t('ui.import.changes', summary.persons)}</dd>
          </>
        )}
      </dl>
      {summary.ignoredColumns.length > 0 && (
        <p className="muted">{t('ui.import.ignored', { columns: summary.ignoredColumns.join('、') })}</p>
      )}
      {!done && (
        <p className={bad > 0 ? 'callout callout-warn' : 'callout'}>
          {bad > 0 ? t('ui.import.blockedHint', { count: bad }) : t('ui.import.noBadRows')}
        </p>
      )}
    </div>
  );
}
