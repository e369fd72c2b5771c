import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { NoticeContext, type Notice, type Notices } from '../app/notice-context.js';
import { describeError } from '../lib/errors.js';
import { ErrorView } from './ErrorView.js';

const SUCCESS_MS = 4000;
const MAX_SHOWN = 3;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const push = useCallback((notice: Omit<Notice, 'id'>) => {
    const id = nextId.current++;
    setNotices((list) => [...list, { ...notice, id }].slice(-MAX_SHOWN));
    if (notice.kind === 'success') setTimeout(() => dismiss(id), SUCCESS_MS);
  }, [dismiss]);

  const api = useMemo<Notices>(() => ({
    error: (err) => push({ kind: 'error', ...describeError(t, err) }),
    success: (message) => push({ kind: 'success', message, issues: [] }),
  }), [push, t]);

  return (
    <NoticeContext value={api}>
      {children}
      {createPortal(
        <div className="notices" data-keep-interactive="">
          {notices.map((n) => (
            <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
              <ErrorView message={n.message} issues={n.issues} />
              <button type="button" className="notice-close" aria-label={t('ui.common.dismiss')} onClick={() => dismiss(n.id)}>×</button>
            </div>
          ))}
        </div>,
        document.body,
      )}
    </NoticeContext>
  );
}
