import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queryKeys';
import { useConfig } from '../../config/ConfigProvider';

export function useAccounts(memberGuid: string | null) {
  const api = useApi();
  const { user_guid } = useConfig();
  return useQuery({
    queryKey: queryKeys.accounts(user_guid, memberGuid ?? ''),
    queryFn: ({ signal }) => api.listAccounts(user_guid, memberGuid ?? '', signal),
    enabled: memberGuid !== null,
  });
}
