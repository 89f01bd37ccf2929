import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queryKeys';
import { useConfig } from '../../config/ConfigProvider';
import type { Institution } from '../../api/schemas';

const PAGE_SIZE = 25;

/** Popular institutions for the empty box, server-side search pages otherwise. */
export function useInstitutionSearch(query: string) {
  const api = useApi();
  // verification mode offers only institutions that can verify accounts
  const verification = useConfig().mode === 'verification';
  const searching = query.trim() !== '';

  const favorites = useQuery({
    queryKey: queryKeys.favorites(verification),
    queryFn: ({ signal }) => api.favoriteInstitutions({ perPage: PAGE_SIZE, verification }, signal),
    enabled: !searching,
    staleTime: 10 * 60_000,
  });

  const results = useInfiniteQuery({
    queryKey: queryKeys.institutionSearch(query.trim(), verification),
    queryFn: ({ pageParam, signal }) =>
      api.searchInstitutions({ name: query.trim(), page: pageParam, perPage: PAGE_SIZE, verification }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) =>
      last.pagination.current_page < last.pagination.total_pages ? last.pagination.current_page + 1 : undefined,
    enabled: searching,
    staleTime: 60_000,
  });

  const active = searching ? results : favorites;
  // never more rows than asked for, whatever a response holds: a server that ignores
  // records_per_page must not make the widget render (and the host size) the whole catalogue
  const institutions: Institution[] = searching
    ? (results.data?.pages.flatMap((p) => p.institutions.slice(0, PAGE_SIZE)) ?? [])
    : (favorites.data?.institutions.slice(0, PAGE_SIZE) ?? []);
  const total = searching ? (results.data?.pages[0]?.pagination.total_entries ?? 0) : institutions.length;

  return {
    searching,
    institutions,
    total,
    isLoading: active.isLoading,
    isError: active.isError,
    retry: () => void active.refetch(),
    hasMore: searching && results.hasNextPage,
    loadMore: () => void results.fetchNextPage(),
    isLoadingMore: results.isFetchingNextPage,
  };
}
