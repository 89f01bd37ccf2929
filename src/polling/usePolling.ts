import { useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTiming } from '../config/timing';

/**
 * The one polling hook (a member's status, a microdeposit): about pollMs at first, backing off
 * towards maxPollMs while nothing changes, and not at all once `keepsPolling` says the data is
 * settled. Failures retry as the query's options say (polledRead) while the screen says
 * "Reconnecting…".
 */
export interface PollingBudget {
  /** the screen polling for; the budget starts again on each */
  screen: string;
  /** called once when the screen's polls or time run out while the data is still transient */
  onSpent: () => void;
}

export function usePolling<T, K extends QueryKey>(
  options: UseQueryOptions<T, Error, T, K> & { queryKey: K },
  keepsPolling: (data: T) => boolean,
  enabled: boolean,
  budget?: PollingBudget,
) {
  const queryClient = useQueryClient();
  const timing = useTiming();
  /** the last poll result seen and how many polls in a row it has not changed */
  const backoff = useRef<{ updatedAt: number; data: unknown; unchanged: number }>({
    updatedAt: 0,
    data: undefined,
    unchanged: 0,
  });

  // polls and time spent on this screen; startedAt 0 until the screen's effect has run
  const spent = useRef({ startedAt: 0, polls: 0, reported: false });
  const screen = budget?.screen;
  const key = JSON.stringify(options.queryKey);
  useEffect(() => {
    spent.current = { startedAt: Date.now(), polls: 0, reported: false };
  }, [screen, key]);
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
    enabled,
    refetchInterval: (q) => {
      if (q.state.status === 'error') return false;
      const data = q.state.data;
      if (data !== undefined && !keepsPolling(data)) return false;
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
    if (data === undefined || !onSpent || spent.current.reported) return;
    if (keepsPolling(data) && overBudget()) {
      spent.current.reported = true;
      onSpent();
    }
    // checked on every poll result; notePoll, overBudget and keepsPolling read refs, timing and data only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, updatedAt, onSpent]);

  // Leaving the screen stops everything, including a retry that is waiting to fire.
  const queryKey = options.queryKey;
  useEffect(
    () => () => {
      void queryClient.cancelQueries({ queryKey });
    },
    // the key's content, not its identity: a new array each render is the same query
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryClient, key],
  );

  return query;
}
