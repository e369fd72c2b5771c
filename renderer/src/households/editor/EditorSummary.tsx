import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/domain/issue.js';
import { describeIssue } from '../../../../shared/i18n/translate.js';
import type { ErrorText } from '../../lib/errors.js';
import { ErrorView } from '../../components/ErrorView.js';
import { focusPath } from './field-ids.js';

/**
 * What stands between the clerk and a saved record, at the top of the editor: each issue says
 * where and why, and takes the clerk there.
 */
export function EditorSummary({ issues, failure }: { issues: FieldIssue[]; failure: ErrorText | null }) {
  const { t } = useTranslation();
  if (issues.length === 0 && !failure) return null;
  return (
    <div className="editor-summary" role="alert" data-testid="editor-summary">
      {failure && <ErrorView message={failure.message} issues={issues.length ? [] : failure.issues} />}
      {issues.length > 0 && (
        <>
          <div className="error-view-message">{t('error.validation', { count: issues.length })}</div>
          <ul className="summary-list">
            {issues.map((issue, i) => (
              <li key={`${issue.field}-${issue.code}-${i}`}>
                <button type="button" className="button-link" onClick={() => focusPath(issue.field)}>
                  {describeIssue(t, issue)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
