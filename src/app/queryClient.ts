import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isRetryable, reportToConsole, waitAskedBy } from '../api/errors';

/** the longest Retry-After (ms) a read waits out by itself; past it the screen shows the countdown */
const MAX_SILENT_WAIT_MS = 5_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // what failed, for the partner's developer: the screen says only what happened, by kind
    queryCache: new QueryCache({ onError: (error) => reportToConsole('a read failed', error) }),
    mutationCache: new MutationCache({ onError: (error) => reportToConsole('a write failed', error) }),
    defaultOptions: {
      queries: {
        // at most two retries, never sooner than the server's Retry-After asked (errors.ts clamps it)
        retry: (failures, error) =>
          isRetryable(error) && failures < 2 && (waitAskedBy(error) ?? 0) <= MAX_SILENT_WAIT_MS,
        retryDelay: (failures, error) => Math.max(Math.min(1_000 * 2 ** failures, 30_000), waitAskedBy(error) ?? 0),
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
