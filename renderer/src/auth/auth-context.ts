import { createContext, use } from 'react';
import type { Me } from '../../../shared/contract/auth.js';

export interface Auth {
  me: Me;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthGate');
  return auth;
}
