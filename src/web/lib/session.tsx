import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Me } from '../../contracts/session.ts';
import type { Permission } from '../../core/access/roles.ts';
import { api, setCsrfToken } from './api.ts';
import type { ApiError } from './api-error.ts';

/**
 * The signed-in user. `useMe()` asks the server (GET /api/v1/session; 401 when nobody is signed in);
 * inside the app layout, `useSession()` returns the user without a loading state and `useCan()` checks
 * a permission.
 */
export const SESSION_QUERY_KEY = ['session'] as const;

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const me = await api.get<Me>('/session', { signInOn401: false, ...(signal ? { signal } : {}) });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMe(): UseQueryResult<Me, ApiError> {
  return useQuery<Me, ApiError>({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: (count, e) => e.status !== 401 && e.status !== 403 && count < 2,
  });
}

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only inside the app layout (which shows the login page otherwise). */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession must be used inside the signed-in app layout');
  return me;
}

export function hasPermission(me: Pick<Me, 'permissions'>, permission: Permission | string): boolean {
  return me.permissions.includes(permission);
}

/** `const can = useCan(); can('templates.write')` */
export function useCan(): (permission: Permission) => boolean {
  const me = useSession();
  return useCallback((p: Permission) => hasPermission(me, p), [me]);
}
