import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isRetryable, reportToConsole } from '../api/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // what failed, for the partner's developer: the screen says only what happened, by kind
    queryCache: new QueryCache({ onError: (error) => reportToConsole('a read failed', error) }),
    mutationCache: new MutationCache({ onError: (error) => reportToConsole('a write failed', error) }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => isRetryable(error) && failures < 2,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
