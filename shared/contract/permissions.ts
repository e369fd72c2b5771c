/**
 * The permission each method needs (see shared/domain/roles.ts). The type demands an entry
 * for every method, so a new method cannot be added without deciding who may call it.
 */
import type { Permission } from '../domain/roles.js';
import type { MethodName } from './index.js';

export const methodPermissions: Record<MethodName, Permission> = {
  'auth/status': 'public',
  'auth/setup': 'public',
  'auth/login': 'public',
  'auth/logout': 'public',
  'auth/changePassword': 'read',
  'accounts/list': 'admin',
  'accounts/save': 'admin',
  'accounts/resetPassword': 'admin',
  // The township's name shows on the sign-in screen.
  'settings/get': 'public',
  'settings/update': 'admin',
  'villages/list': 'read',
  'villages/save': 'admin',
  'villages/import': 'admin',
  'households/page': 'read',
  'households/get': 'read',
  'households/save': 'write',
  'households/delete': 'write',
  'persons/idHolder': 'read',
  'persons/reveal': 'reveal',
  'import/preview': 'write',
  'import/commit': 'write',
  // An export holds every full ID number: it is a reveal, audited as one.
  'export/sheet': 'reveal',
  'templates/get': 'read',
  'review/submit': 'write',
  'review/approve': 'review',
  'review/return': 'review',
  'review/reopen': 'review',
  // Upload packages. Keys decide whose data the county believes: administrators only. A package
  // holds full ID numbers: made and read by reviewers (who may reveal), like a sheet export.
  'keys/get': 'read',
  'keys/exportPublic': 'read',
  'keys/importCounty': 'admin',
  'county/setup': 'admin',
  'county/registerKey': 'admin',
  'county/townships': 'read',
  'county/importPackages': 'review',
  'county/conflicts': 'read',
  'county/makeReceipt': 'review',
  'packages/summary': 'read',
  'packages/export': 'review',
  'packages/history': 'read',
  'packages/verify': 'read',
  'packages/importReceipt': 'review',
  'packages/recordStates': 'read',
};
