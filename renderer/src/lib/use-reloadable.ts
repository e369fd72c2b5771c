/**
 * Data a page loads when it opens and again after each change: a failed load is told as a notice
 * and what was shown stays. `load` is read when called, so it may be a new function each render.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNotices } from '../app/notice-context.js';

export function useReloadable<T>(load: () => Promise<T>): [data: T | null, reload: () => Promise<void>] {
  const notices = useNotices();
  const [data, setData] = useState<T | null>(null);
  const latest = useRef(load);
  latest.current = load;

  const reload = useCallback(async () => {
    try {
      setData(await latest.current());
    } catch (err) {
      notices.error(err);
    }
  }, [notices]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return [data, reload];
}
