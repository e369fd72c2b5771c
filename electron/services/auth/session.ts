/**
 * Who is calling. Each transport keeps its own sessions (a cookie in browser mode, the window
 * in Electron); the CLI and tests call as the trusted local system.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles.js';

export interface SignedIn {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

export interface CallSession {
  accountId: string | null;
  signIn(accountId: string): void;
  signOut(): void;
}

/** The CLI and tests: whoever can run the program already holds the database file. */
export function systemAccount(username: string): SignedIn {
  return { id: 'system', username, displayName: username, role: 'admin' };
}

const IDLE_MS = 8 * 60 * 60 * 1000;

/** In-memory sessions for one running app; a restart signs everyone out. */
export class SessionStore {
  private readonly sessions = new Map<string, { accountId: string; lastSeen: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** The CallSession for a transport-level session id (creating the id when there is none). */
  session(id: string | null, onNewId: (id: string | null) => void): CallSession {
    const entry = id ? this.sessions.get(id) : undefined;
    const now = this.clock();
    const live = entry && now - entry.lastSeen < IDLE_MS ? entry : undefined;
    if (entry && !live && id) this.sessions.delete(id);
    if (live) live.lastSeen = now;
    return {
      accountId: live?.accountId ?? null,
      signIn: (accountId) => {
        if (id) this.sessions.delete(id);
        // A new id at every sign-in, so a session id seen before login is worth nothing after.
        const fresh = randomBytes(24).toString('base64url');
        this.sessions.set(fresh, { accountId, lastSeen: this.clock() });
        onNewId(fresh);
      },
      signOut: () => {
        if (id) this.sessions.delete(id);
        onNewId(null);
      },
    };
  }

  /** Ends every session of an account (disabled, password reset). */
  dropAccount(accountId: string): void {
    for (const [id, s] of this.sessions) if (s.accountId === accountId) this.sessions.delete(id);
  }
}
