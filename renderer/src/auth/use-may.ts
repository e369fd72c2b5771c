/**
 * What the signed-in user may do on this workstation, for showing or hiding buttons (the main
 * process checks again on every call). A county workstation holds the townships' ledgers as they
 * arrived in packages: it reads and reports, but entering and reviewing records happen at the
 * township, so `write` and `review` are off there whatever the role.
 */
import { useCallback } from 'react';
import { can, type Permission } from '../../../shared/domain/roles.js';
import { useWorkstation } from '../app/workstation-context.js';
import { useAuth } from './auth-context.js';

export function useMay(): (permission: Permission) => boolean {
  const { me } = useAuth();
  const { settings } = useWorkstation();
  const county = settings.county !== null;
  return useCallback(
    (permission: Permission) => (county && (permission === 'write' || permission === 'review') ? false : can(me.role, permission)),
    [me.role, county],
  );
}

/** A ledger page can show records once the township is set, or on a county workstation. */
export function useHasLedgers(): boolean {
  const { settings } = useWorkstation();
  return settings.orgCode !== null || settings.county !== null;
}
