/** Banners for the whole app: errors stay until dismissed, confirmations fade. */
import { createContext, useContext } from 'react';

export interface Notice {
  id: number;
  kind: 'error' | 'success';
  message: string;
  issues: string[];
}

export interface Notices {
  error(err: unknown): void;
  success(message: string): void;
}

export const NoticeContext = createContext<Notices | null>(null);

export function useNotices(): Notices {
  const value = useContext(NoticeContext);
  if (!value) throw new Error('useNotices outside NoticeProvider');
  return value;
}
