import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-error.ts';

/**
 * Server state for the whole app. A refusal (4xx) is an answer, not a glitch: it is not retried. Network
 * failures and 5xx are retried twice. Windows are not refetched on focus (people switch to Excel often).
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
