import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useConfig } from '../config/ConfigProvider';
import { useApi } from './ApiProvider';
import { queryKeys } from './queryKeys';
import type { MemberStatus } from './schemas';

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

/** Reads the last polled status from the cache without starting a fetch. */
export function useCachedMemberStatus(memberGuid: string | null) {
  const { user_guid } = useConfig();
  return useQuery<MemberStatus>({
    queryKey: queryKeys.memberStatus(user_guid, memberGuid ?? ''),
    enabled: false,
  });
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
