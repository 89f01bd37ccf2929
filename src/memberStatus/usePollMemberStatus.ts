import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useMemberStatusOptions } from '../api/queries';
import { queryKeys } from '../api/queryKeys';
import { useConfig } from '../config/ConfigProvider';
import { useTiming } from '../config/timing';
import { keepsPolling } from './statusTable';

/**
 * Polls GET …/status: about pollMs at first, backing off towards maxPollMs while nothing
 * changes, and not at all once the status is an end state. Network errors, 5xx and 429 retry
 * with backoff (honouring Retry-After) while the screen says "Reconnecting…".
 */
export interface PollingBudget {
  /** the screen polling for; the budget starts again on each */
  screen: string;
  /** called once when the screen's polls or time run out while the status is still transient */
  onSpent: () => void;
}

export function usePollMemberStatus(memberGuid: string | null, enabled: boolean, budget?: PollingBudget) {
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

  // polls and time spent on this screen; startedAt 0 until the screen's effect has run
  const spent = useRef({ startedAt: 0, polls: 0, reported: false });
  const screen = budget?.screen;
  useEffect(() => {
    spent.current = { startedAt: Date.now(), polls: 0, reported: false };
  }, [screen, memberGuid]);
  /**
   * Counts one poll result, once, whoever sees it first: TanStack's interval callback or the
   * effect after the render. Structural sharing keeps `data` the same object while nothing
   * changes, which is what the backoff counts; neither mounting nor a re-render is a poll.
   */
  const notePoll = (updatedAt: number, data: unknown) => {
    const seen = backoff.current;
    if (updatedAt === 0 || updatedAt === seen.updatedAt) return;
    seen.unchanged = data === seen.data ? seen.unchanged + 1 : 0;
    seen.data = data;
    seen.updatedAt = updatedAt;
    spent.current.polls += 1;
  };
  const overBudget = () =>
    spent.current.startedAt !== 0 &&
    (spent.current.polls >= timing.maxPollsPerScreen ||
      Date.now() - spent.current.startedAt >= timing.maxPollingMsPerScreen);

  const query = useQuery({
    ...options,
    enabled: enabled && memberGuid !== null,
    refetchInterval: (q) => {
      if (q.state.status === 'error') return false;
      const data = q.state.data;
      if (data && !keepsPolling(data.connection_status, data.is_being_aggregated)) return false;
      notePoll(q.state.dataUpdatedAt, data);
      if (overBudget()) return false;
      return Math.min(timing.pollMs * 1.5 ** backoff.current.unchanged, timing.maxPollMs);
    },
    refetchIntervalInBackground: true,
  });

  const data = query.data;
  const updatedAt = query.dataUpdatedAt;
  const onSpent = budget?.onSpent;
  useEffect(() => {
    notePoll(updatedAt, data);
    if (!data || !onSpent || spent.current.reported) return;
    if (keepsPolling(data.connection_status, data.is_being_aggregated) && overBudget()) {
      spent.current.reported = true;
      onSpent();
    }
    // checked on every poll result; notePoll and overBudget read refs and timing only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, updatedAt, onSpent]);

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
