import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import {
  capabilitiesOptions,
  favoritesOptions,
  institutionSearchOptions,
  SEARCH_PAGE_SIZE as PAGE_SIZE,
  useMembers,
} from '../../api/queries';
import { useConfig } from '../../config/ConfigProvider';
import type { Institution } from '../../api/schemas';
import { isValidRoutingNumber, ROUTING_NUMBER_PATTERN } from '../../../sdk/src/contract/routingNumber';

/** Popular institutions for the empty box, server-side search pages otherwise. */
export function useInstitutionSearch(query: string) {
  const api = useApi();
  // verification mode offers only institutions that can verify accounts
  const verification = useConfig().mode === 'verification';
  const searching = query.trim() !== '';

  // a routing number is searched as one only where the server says its upstream can (MX cannot)
  const routingNumber = searching && isValidRoutingNumber(query.trim());
  const capabilities = useQuery({ ...capabilitiesOptions(api), enabled: routingNumber });
  const byRoutingNumber = routingNumber && capabilities.data?.institution_search.routing_number === true;
  const deciding = routingNumber && capabilities.isLoading;

  // only the list on screen is fetched: favorites for an empty box, search pages otherwise
  const favorites = useQuery({ ...favoritesOptions(api, verification), enabled: !searching });
  const results = useInfiniteQuery({
    ...institutionSearchOptions(api, query.trim(), verification, byRoutingNumber),
    enabled: searching && !deciding,
  });

  // popular leaves out the institutions the user is already connected to (a failed list hides nothing)
  const members = useMembers(!searching).data;
  const connected = new Set((members ?? []).filter((m) => !m.is_manual).map((m) => m.institution_code));

  const active = searching ? results : favorites;
  // never more rows than asked for, whatever a response holds: a server that ignores
  // records_per_page must not make the widget render (and the host size) the whole catalogue
  const institutions: Institution[] = searching
    ? (results.data?.pages.flatMap((p) => p.institutions.slice(0, PAGE_SIZE)) ?? [])
    : (favorites.data?.institutions.slice(0, PAGE_SIZE).filter((i) => !connected.has(i.code)) ?? []);
  const hasMore = searching && results.hasNextPage;
  // what the user can reach: the rows shown, or the server's total while more pages are offered
  const claimed = results.data?.pages[0]?.pagination.total_entries ?? 0;
  const total = hasMore ? Math.max(claimed, institutions.length) : institutions.length;

  const nineDigits = ROUTING_NUMBER_PATTERN.test(query.trim());
  return {
    searching,
    /** the query is a valid routing number, and the results are the institutions that use it */
    byRoutingNumber,
    /** a valid routing number the upstream cannot search by: searched by name, and the user is told so */
    routingNumberByName: routingNumber && !deciding && !byRoutingNumber,
    /** nine digits that fail the ABA checksum: searched by name, and the user is told why */
    invalidRoutingNumber: nineDigits && !isValidRoutingNumber(query.trim()),
    institutions,
    total,
    isLoading: active.isLoading || deciding,
    isError: active.isError,
    /** why the list failed (a 429 shows its countdown) */
    error: active.error,
    retry: () => void active.refetch(),
    hasMore,
    loadMore: () => void results.fetchNextPage(),
    isLoadingMore: results.isFetchingNextPage,
  };
}
