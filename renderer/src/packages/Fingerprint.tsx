import { useTranslation } from 'react-i18next';
import { useNotices } from '../app/notice-context.js';

/** A key fingerprint in groups of four, as clerks read it to each other over the phone; copyable. */
export function Fingerprint({ grouped, label, copyable = true, small = false }: { grouped: string; label: string; copyable?: boolean; small?: boolean }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(grouped);
      notices.success(t('ui.packages.copied'));
    } catch {
      notices.success(t('ui.packages.copyFailed'));
    }
  };
  return (
    <div className="fingerprint-row">
      <code className={small ? 'fingerprint fingerprint-small' : 'fingerprint'} aria-label={label}>
        {/* Spaces between the groups keep the copied and read text grouped; the grid lays them out. */}
        {grouped.split(' ').map((group, i) => <span key={i}>{group} </span>)}
      </code>
      {copyable && <button type="button" className="button button-small" onClick={() => void copy()}>{t('ui.packages.copy')}</button>}
    </div>
  );
}

/** "ab12cd34…" → "AB12 CD34 …": display only; the main process checks every fingerprint. */
export function groupFingerprint(hex: string): string {
  return hex.toUpperCase().replace(/[^0-9A-F]/g, '').match(/.{1,4}/g)?.join(' ') ?? '';
}
