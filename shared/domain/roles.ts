/**
 * Who may do what. Every API method names the permission it needs; the main process checks it
 * against the caller's role before any service runs, whatever the screen showed.
 */
export const roles = ['admin', 'reviewer', 'clerk', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** Anyone, logged in or not: login, first-run setup, status. */
  'public',
  /** Look at ledgers and reports. */
  'read',
  /** Enter and correct records. */
  'write',
  /** Approve, return, reopen. */
  'review',
  /** See a full ID or bank-card number (each reveal is audited). */
  'reveal',
  /** Accounts, settings, rules. */
  'admin',
] as const;
export type Permission = (typeof permissions)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['public', 'read', 'write', 'review', 'reveal', 'admin'],
  reviewer: ['public', 'read', 'review', 'reveal'],
  clerk: ['public', 'read', 'write'],
  viewer: ['public', 'read'],
};

export function can(role: Role | null, permission: Permission): boolean {
  if (permission === 'public') return true;
  return role !== null && GRANTS[role].includes(permission);
}
