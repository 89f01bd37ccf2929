import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useConfig } from '../config/ConfigProvider';
import { useTiming } from '../config/timing';
import { MAX_RETRY_AFTER_MS } from './client';
import { ApiError, isRetryable } from './errors';
import { useApi } from './ApiProvider';
import { queryKeys } from './queryKeys';

/** Hooks several features share; each is a thin TanStack Query wrapper over one client call. */
export function useInstitution(code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.institution(code ?? ''),
    queryFn: ({ signal }) => api.getInstitution(code ?? '', signal),
    enabled: code !== null,
    staleTime: 10 * 60_000,
  });
}

/** The institution's display name, with a neutral fallback while it loads. */
export function useBankName(code: string | null): string {
  return useInstitution(code).data?.name ?? code ?? 'your institution';
}

/**
 * The status query's options. Every observer of the query passes the same ones, because
 * TanStack Query runs a fetch (and its retries) with the options of whichever observer rendered
 * last: a reader without them would turn the poller's retries off.
 */
export function useMemberStatusOptions(memberGuid: string | null) {
  const api = useApi();
  const { user_guid } = useConfig();
  const timing = useTiming();
  const guid = memberGuid ?? '';
  return queryOptions({
    queryKey: queryKeys.memberStatus(user_guid, guid),
    queryFn: ({ signal }) => api.getMemberStatus(user_guid, guid, signal),
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (failures, error) => isRetryable(error) && failures < timing.maxRetries,
    // Retry-After, when the server sends one, is a floor under our own backoff
    retryDelay: (failures, error) =>
      Math.max(
        Math.min(timing.retryBaseMs * 2 ** failures, timing.maxPollMs),
        error instanceof ApiError ? Math.min(error.details.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS) : 0,
      ),
  });
}

/** Reads the last polled status (and its retry state) without starting a fetch. */
export function useCachedMemberStatus(memberGuid: string | null) {
  return useQuery({ ...useMemberStatusOptions(memberGuid), enabled: false });
}

/**
 * Drops the cached status before a new polling round (after MFA, retry, update), so the
 * watcher never acts on the status that sent the user away in the first place.
 */
export function useForgetMemberStatus() {
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  return useCallback(
    (memberGuid: string) => queryClient.removeQueries({ queryKey: queryKeys.memberStatus(user_guid, memberGuid) }),
    [queryClient, user_guid],
  );
}

/** "Reconnecting…": the status query has failed at least once and is trying again right now. */
export function isReconnecting(query: { failureCount: number; fetchStatus: string }): boolean {
  return query.failureCount > 0 && query.fetchStatus === 'fetching';
}
