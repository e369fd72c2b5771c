/**
 * Whether the signed-in role may call a method, by the same table the main process enforces:
 * buttons for what the role may not do are hidden or disabled (the server refuses them anyway).
 */
import { useCallback } from 'react';
import type { MethodName } from '../../../shared/contract/index.js';
import { methodPermissions } from '../../../shared/contract/permissions.js';
import { can } from '../../../shared/domain/roles.js';
import { useAuth } from '../auth/auth-context.js';

export function useAllowed(): (method: MethodName) => boolean {
  const { me } = useAuth();
  return useCallback((method: MethodName) => can(me.role, methodPermissions[method]), [me.role]);
}
