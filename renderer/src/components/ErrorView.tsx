import { useTranslation } from 'react-i18next';

const SHOWN_ISSUES = 20;

/** A message and its issues, each on its own line; long lists are cut with a count. */
export function ErrorView({ message, issues }: { message: string; issues: string[] }) {
  const { t } = useTranslation();
  const shown = issues.slice(0, SHOWN_ISSUES);
  const hidden = issues.length - shown.length;
  return (
    <div className="error-view">
      <div className="error-view-message">{message}</div>
      {shown.length > 0 && (
        <ul className="error-view-issues">
          {shown.map((text, i) => <li key={i}>{text}</li>)}
          {hidden > 0 && <li className="muted">{t('ui.common.moreIssues', { count: hidden })}</li>}
        </ul>
      )}
    </div>
  );
}
