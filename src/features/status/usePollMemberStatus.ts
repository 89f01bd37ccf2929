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
  const unchangedPolls = useRef(0);

  const query = useQuery({
    ...options,
    enabled: enabled && memberGuid !== null,
    refetchInterval: (q) => {
      if (q.state.status === 'error') return false;
      const data = q.state.data;
      if (data && !keepsPolling(data.connection_status, data.is_being_aggregated)) return false;
      return Math.min(timing.pollMs * 1.5 ** unchangedPolls.current, timing.maxPollMs);
    },
    refetchIntervalInBackground: true,
  });

  // Structural sharing keeps `data` the same object while nothing changes: count those polls.
  const lastData = useRef(query.data);
  useEffect(() => {
    if (query.data !== lastData.current) {
      lastData.current = query.data;
      unchangedPolls.current = 0;
    } else {
      unchangedPolls.current += 1;
    }
  }, [query.data, query.dataUpdatedAt]);

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
