/** What every page needs: this township's settings and its villages, loaded once. */
import { createContext, useContext } from 'react';
import type { Settings, Village } from '../../../shared/contract/settings.js';

export interface Workstation {
  settings: Settings;
  villages: Village[];
  reloadSettings(): Promise<void>;
  reloadVillages(): Promise<void>;
}

export const WorkstationContext = createContext<Workstation | null>(null);

export function useWorkstation(): Workstation {
  const value = useContext(WorkstationContext);
  if (!value) throw new Error('useWorkstation outside WorkstationContext');
  return value;
}
