import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queryKeys';

/** The institution's own credential fields, in display_order. */
export function useCredentialFields(code: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.credentials(code ?? ''),
    queryFn: ({ signal }) => api.getCredentials(code ?? '', signal),
    enabled: code !== null,
    staleTime: 10 * 60_000,
    select: (fields) =>
      [...fields].sort(
        (a, b) => (a.display_order ?? Number.MAX_SAFE_INTEGER) - (b.display_order ?? Number.MAX_SAFE_INTEGER),
      ),
  });
}
