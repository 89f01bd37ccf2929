import {
  infiniteQueryOptions,
  queryOptions,
  skipToken,
  useQueries,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { useConfig } from '../config/ConfigProvider';
import { useTiming, type Timing } from '../config/timing';
import type { ApiClient } from './client';
import { ApiError, isRetryable, NetworkError, waitAskedBy } from './errors';
import { useApi } from './ApiProvider';
import { SEARCH_PAGE_SIZE } from './paths';
import { queryKeys } from './queryKeys';
import type { Institution, InstitutionPage, MemberStatus } from './schemas';
import { isValidRoutingNumber } from '../../sdk/src/contract/routingNumber';

/**
 * Server data, one pattern: one options factory per resource, built on its key from queryKeys.ts.
 * A missing parameter (no institution yet, no member yet) is `skipToken`, never a '' fallback.
 * Hooks below are one-line reads of a factory; anything that changes server data drops or
 * refreshes it through the same keys (useForgetMemberStatus, useRefreshMemberStatus).
 */
const CATALOGUE_STALE_MS = 10 * 60_000;
export { SEARCH_PAGE_SIZE };
/** "Show more" stops after this many pages (1,000 rows): the list and the host's iframe stay bounded. */
export const MAX_SEARCH_PAGES = 40;

/** How many times a read the first screen waits on is tried again after it first fails. */
export const FIRST_READ_RETRIES = 3;
/** the first retry's wait (ms); each next one doubles it, up to FIRST_READ_MAX_BACKOFF_MS */
const FIRST_READ_BACKOFF_MS = 500;
const FIRST_READ_MAX_BACKOFF_MS = 4_000;
/**
 * The longest Retry-After (ms) waited out behind the loading spinner; a 429 asking for more ends
 * the retries at once, so the user sees the countdown and a button instead.
 */
const MAX_SILENT_WAIT_MS = 5_000;

/**
 * How a read the first screen waits on behaves (the user's members, the institution or member the
 * URL names, favorites): at most FIRST_READ_RETRIES retries (a timed-out one, which already cost
 * the client's whole timeout, once), with doubling backoff and the server's Retry-After as a floor.
 * Nothing is retried that retrying cannot fix: 401, 403, 404, a body that failed its schema
 * (errors.ts isRetryable). A read that failed is not read again because another screen starts
 * watching it (retryOnMount false): only the user's "Try again" reads it again, so a failing
 * upstream is never polled in a loop.
 */
/** The read or the server's call upstream ran out of time (504): another try may cost as long again. */
const timedOut = (error: Error) =>
  (error instanceof NetworkError && error.timedOut) || (error instanceof ApiError && error.status === 504);

export const firstRead = {
  retry: (failures: number, error: Error) =>
    isRetryable(error) &&
    failures < (timedOut(error) ? 1 : FIRST_READ_RETRIES) &&
    (waitAskedBy(error) ?? 0) <= MAX_SILENT_WAIT_MS,
  retryDelay: (failures: number, error: Error) =>
    Math.max(Math.min(FIRST_READ_BACKOFF_MS * 2 ** failures, FIRST_READ_MAX_BACKOFF_MS), waitAskedBy(error) ?? 0),
  retryOnMount: false,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
} as const;

export const institutionOptions = (api: ApiClient, code: string | null) =>
  queryOptions({
    queryKey: queryKeys.institution(code ?? ''),
    queryFn: code === null ? skipToken : ({ signal }) => api.getInstitution(code, signal),
    staleTime: CATALOGUE_STALE_MS,
    ...firstRead,
  });

/**
 * The popular list. MX's favorites route has no filter, so verification mode keeps what does not
 * say it cannot verify (an institution without the flag is offered; its method screen decides).
 */
export const favoritesOptions = (api: ApiClient, verification: boolean) =>
  queryOptions({
    queryKey: queryKeys.favorites(),
    queryFn: ({ signal }) => api.favoriteInstitutions({ perPage: SEARCH_PAGE_SIZE }, signal),
    staleTime: CATALOGUE_STALE_MS,
    select: verification ? verifiableOnly : undefined,
    ...firstRead,
  });
const verifiableOnly = (page: InstitutionPage): InstitutionPage => ({
  ...page,
  institutions: page.institutions.filter((i) => i.supports_account_verification !== false),
});

/** What the upstream can search by: read once a session, and only when a search needs to know. */
export const capabilitiesOptions = (api: ApiClient) =>
  queryOptions({
    queryKey: queryKeys.capabilities(),
    queryFn: ({ signal }) => api.getCapabilities(signal),
    staleTime: Infinity,
    // a failed read searches by name (with a line saying so) at once; the next routing number asks again
    retry: false,
  });

/**
 * Search by name, or by routing number when the query is a valid one (nine digits, ABA checksum)
 * and the upstream can search by it (`byRoutingNumber`, from capabilitiesOptions).
 */
export const institutionSearchOptions = (
  api: ApiClient,
  name: string,
  verification: boolean,
  byRoutingNumber = false,
) => {
  const routingNumber = byRoutingNumber && isValidRoutingNumber(name) ? name : undefined;
  return infiniteQueryOptions({
    queryKey: queryKeys.institutionSearch(name, verification, routingNumber ? 'routingNumber' : 'name'),
    queryFn: ({ pageParam, signal }) =>
      api.searchInstitutions({ name, routingNumber, page: pageParam, perPage: SEARCH_PAGE_SIZE, verification }, signal),
    initialPageParam: 1,
    // another page only after a page that had rows, up to the pages the server claims and a bound
    // of our own; counted from the page asked for, not the current_page a server says it sent
    getNextPageParam: (last, pages, lastPage) =>
      last.institutions.length > 0 && lastPage < last.pagination.total_pages && pages.length < MAX_SEARCH_PAGES
        ? lastPage + 1
        : undefined,
    staleTime: 60_000,
  });
};

/** The institution's own credential fields, in display_order. */
export const credentialsOptions = (api: ApiClient, code: string | null) =>
  queryOptions({
    queryKey: queryKeys.credentials(code ?? ''),
    queryFn: code === null ? skipToken : ({ signal }) => api.getCredentials(code, signal),
    staleTime: CATALOGUE_STALE_MS,
    select: (fields) =>
      [...fields].sort(
        (a, b) => (a.display_order ?? Number.MAX_SAFE_INTEGER) - (b.display_order ?? Number.MAX_SAFE_INTEGER),
      ),
  });

export const memberOptions = (api: ApiClient, userGuid: string, memberGuid: string | null) =>
  queryOptions({
    queryKey: queryKeys.member(userGuid, memberGuid ?? ''),
    queryFn: memberGuid === null ? skipToken : ({ signal }) => api.getMember(userGuid, memberGuid, signal),
    ...firstRead,
  });

/** The user's connections (first page, up to 100: a person has a handful). */
/** How long (ms) the list of connections counts as fresh: from the start's prefetch to the screens' mount. */
const MEMBERS_FRESH_MS = 5_000;

export const membersOptions = (api: ApiClient, userGuid: string) =>
  queryOptions({
    queryKey: queryKeys.members(userGuid),
    queryFn: ({ signal }) => api.listMembers(userGuid, signal),
    ...firstRead,
    // the start prefetches the list (the page's early read answers it) and the first screen then
    // mounts on it: an answer this fresh is not read again for that mount; a change invalidates it
    staleTime: MEMBERS_FRESH_MS,
  });

export const accountsOptions = (api: ApiClient, userGuid: string, memberGuid: string | null) =>
  queryOptions({
    queryKey: queryKeys.accounts(userGuid, memberGuid ?? ''),
    queryFn: memberGuid === null ? skipToken : ({ signal }) => api.listAccounts(userGuid, memberGuid, signal),
  });

/**
 * The status query's options. Every observer of the query passes the same ones, because
 * TanStack Query runs a fetch (and its retries) with the options of whichever observer rendered
 * last: a reader without them would turn the poller's retries off.
 */
export const memberStatusOptions = (api: ApiClient, userGuid: string, memberGuid: string | null, timing: Timing) =>
  queryOptions({
    queryKey: queryKeys.memberStatus(userGuid, memberGuid ?? ''),
    queryFn: memberGuid === null ? skipToken : ({ signal }) => api.getMemberStatus(userGuid, memberGuid, signal),
    ...polledRead(timing),
  });

/**
 * How a polled read behaves (a member's status, a microdeposit): never refetched on focus or
 * reconnect (the poller decides), transient failures retried with backoff, Retry-After (when the
 * server sends one) a floor under that backoff.
 */
export const polledRead = (timing: Timing) => ({
  staleTime: 0,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: (failures: number, error: Error) => isRetryable(error) && failures < timing.maxRetries,
  retryDelay: (failures: number, error: Error) =>
    Math.max(Math.min(timing.retryBaseMs * 2 ** failures, timing.maxPollMs), waitAskedBy(error) ?? 0),
});

export function useInstitution(code: string | null) {
  return useQuery(institutionOptions(useApi(), code));
}

/**
 * Several institutions by code, in the order given (undefined while one loads or when its code is
 * null), each from the same cache entry `useInstitution` reads.
 */
export function useInstitutions(codes: readonly (string | null)[]): (Institution | undefined)[] {
  const api = useApi();
  return useQueries({ queries: codes.map((code) => institutionOptions(api, code)) }).map((q) => q.data);
}

/** The institution's display name, with a neutral fallback while it loads. */
export function useBankName(code: string | null): string {
  return useInstitution(code).data?.name ?? code ?? 'your institution';
}

export function useCredentialFields(code: string | null) {
  return useQuery(credentialsOptions(useApi(), code));
}

export function useMember(memberGuid: string | null) {
  return useQuery(memberOptions(useApi(), useConfig().user_guid, memberGuid));
}

export function useAccounts(memberGuid: string | null) {
  return useQuery(accountsOptions(useApi(), useConfig().user_guid, memberGuid));
}

export function useMembers(enabled = true) {
  return useQuery({ ...membersOptions(useApi(), useConfig().user_guid), enabled });
}

/** The list of connections changed (a member made, deleted, a manual account added): read it again. */
export function useRefreshMembers() {
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  return useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.members(user_guid) }),
    [queryClient, user_guid],
  );
}

export function useMemberStatusOptions(memberGuid: string | null) {
  return memberStatusOptions(useApi(), useConfig().user_guid, memberGuid, useTiming());
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

/** Asks for the member's status now (e.g. when the OAuth window says it is done). */
export function useRefreshMemberStatus() {
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  return useCallback(
    (memberGuid: string) =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.memberStatus(user_guid, memberGuid) }),
    [queryClient, user_guid],
  );
}

/*
 * Reading and writing the cache outside a hook goes through these, on the keys the factories above
 * use, so no caller builds a key of its own.
 */

/** An institution the user picked from a list is already known: its detail query need not ask again. */
export function seedInstitution(queryClient: QueryClient, institution: Institution) {
  queryClient.setQueryData(queryKeys.institution(institution.code), institution);
}

export function cachedInstitution(queryClient: QueryClient, code: string): Institution | undefined {
  return queryClient.getQueryData<Institution>(queryKeys.institution(code));
}

export function cachedMemberStatus(queryClient: QueryClient, userGuid: string, memberGuid: string) {
  return queryClient.getQueryData<MemberStatus>(queryKeys.memberStatus(userGuid, memberGuid));
}

/** A manual member is never polled: its (null) status goes straight into the cache. */
export function seedManualMemberStatus(queryClient: QueryClient, userGuid: string, memberGuid: string) {
  const status: MemberStatus = { guid: memberGuid, connection_status: null, is_being_aggregated: false };
  queryClient.setQueryData(queryKeys.memberStatus(userGuid, memberGuid), status);
}

/** "Reconnecting…": the status query has failed at least once and is trying again right now. */
export function isReconnecting(query: { failureCount: number; fetchStatus: string }): boolean {
  return query.failureCount > 0 && query.fetchStatus === 'fetching';
}
