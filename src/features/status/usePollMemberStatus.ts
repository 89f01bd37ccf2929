import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useApi } from '../../api/ApiProvider';
import { ApiError, isRetryable } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import type { MemberStatus } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useTiming } from '../../config/timing';
import { keepsPolling } from './statusTable';

/**
 * Polls GET …/status: about pollMs at first, backing off towards maxPollMs while nothing
 * changes, and not at all once the status is an end state. Network errors, 5xx and 429 retry
 * with backoff (honouring Retry-After) while the screen says "Reconnecting…".
 */
export function usePollMemberStatus(memberGuid: string | null, enabled: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  const timing = useTiming();
  const unchanged = useRef(0);
  const guid = memberGuid ?? '';
  const key = queryKeys.memberStatus(user_guid, guid);

  const query = useQuery({
    queryKey: key,
    enabled: enabled && memberGuid !== null,
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<MemberStatus>(key);
      const next = await api.getMemberStatus(user_guid, guid, signal);
      const same =
        previous?.connection_status === next.connection_status &&
        previous.is_being_aggregated === next.is_being_aggregated;
      unchanged.current = same ? unchanged.current + 1 : 0;
      return next;
    },
    refetchInterval: (q) => {
      if (q.state.status === 'error') return false;
      const data = q.state.data;
      if (data && !keepsPolling(data.connection_status, data.is_being_aggregated)) return false;
      return Math.min(timing.pollMs * 1.5 ** unchanged.current, timing.maxPollMs);
    },
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    staleTime: 0,
    retry: (failures, error) => isRetryable(error) && failures < timing.maxRetries,
    retryDelay: (failures, error) =>
      error instanceof ApiError && error.details.retryAfterMs !== undefined
        ? error.details.retryAfterMs
        : Math.min(timing.retryBaseMs * 2 ** failures, timing.maxPollMs),
  });

  // Leaving the screen stops everything, including a retry that is waiting to fire.
  useEffect(
    () => () => {
      void queryClient.cancelQueries({ queryKey: queryKeys.memberStatus(user_guid, guid) });
    },
    [queryClient, user_guid, guid],
  );

  return {
    status: query.data,
    reconnecting: query.failureCount > 0 && query.fetchStatus === 'fetching',
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
