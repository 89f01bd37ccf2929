import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useMemberStatusOptions } from '../../api/queries';
import { queryKeys } from '../../api/queryKeys';
import { useConfig } from '../../config/ConfigProvider';
import { useTiming } from '../../config/timing';
import { keepsPolling } from './statusTable';

/**
 * Polls GET …/status: about pollMs at first, backing off towards maxPollMs while nothing
 * changes, and not at all once the status is an end state. Network errors, 5xx and 429 retry
 * with backoff (honouring Retry-After) while the screen says "Reconnecting…".
 */
export function usePollMemberStatus(memberGuid: string | null, enabled: boolean) {
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  const timing = useTiming();
  const options = useMemberStatusOptions(memberGuid);
  /** the last poll result seen and how many polls in a row it has not changed */
  const backoff = useRef<{ updatedAt: number; data: unknown; unchanged: number }>({
    updatedAt: 0,
    data: undefined,
    unchanged: 0,
  });

  const query = useQuery({
    ...options,
    enabled: enabled && memberGuid !== null,
    refetchInterval: (q) => {
      if (q.state.status === 'error') return false;
      const data = q.state.data;
      if (data && !keepsPolling(data.connection_status, data.is_being_aggregated)) return false;
      // Structural sharing keeps `data` the same object while nothing changes: count those polls.
      // Counted here, per poll result, so that neither mounting nor a re-render counts as a poll.
      const seen = backoff.current;
      if (q.state.dataUpdatedAt !== seen.updatedAt) {
        seen.unchanged = q.state.data === seen.data ? seen.unchanged + 1 : 0;
        seen.data = q.state.data;
        seen.updatedAt = q.state.dataUpdatedAt;
      }
      return Math.min(timing.pollMs * 1.5 ** seen.unchanged, timing.maxPollMs);
    },
    refetchIntervalInBackground: true,
  });

  // Leaving the screen stops everything, including a retry that is waiting to fire.
  const guid = memberGuid ?? '';
  useEffect(
    () => () => {
      void queryClient.cancelQueries({ queryKey: queryKeys.memberStatus(user_guid, guid) });
    },
    [queryClient, user_guid, guid],
  );

  return { status: query.data, error: query.error };
}
