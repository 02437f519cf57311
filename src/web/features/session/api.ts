import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordBody, LoginBody, Me } from '../../../contracts/session.ts';
import { api, setCsrfToken } from '../../lib/api.ts';
import { isApiError, type ApiError } from '../../lib/api-error.ts';
import { SESSION_QUERY_KEY } from '../../lib/session.tsx';

/** POST /api/v1/session → Me. A refusal (wrong password, account locked …) arrives as ApiError. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiError, LoginBody>({
    mutationFn: (body) => api.post<Me>('/session', body, { signInOn401: false }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, me);
    },
  });
}

/** DELETE /api/v1/session; whatever the answer, the page forgets the user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: async () => {
      try {
        await api.delete<void>('/session', { signInOn401: false });
      } catch (e) {
        // an already expired session is as good as a closed one
        if (!(isApiError(e) && e.status === 401)) throw e;
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}

/** POST /api/v1/session/password; afterwards the session is read again (mustChangePassword clears). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, ChangePasswordBody>({
    mutationFn: (body) => api.post<unknown>('/session/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
  });
}
