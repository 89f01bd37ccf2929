import { useMutation } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { ApiError } from '../api/errors';
import { useConfig } from '../config/ConfigProvider';
import { memberWrites } from '../api/memberWrites';

/** POST …/aggregate; a 409 means one is already running, which is just as good. */
export function useAggregate() {
  const api = useApi();
  const { user_guid } = useConfig();
  return useMutation({
    mutationFn: async (memberGuid: string) => {
      try {
        await memberWrites(api).aggregate(user_guid, memberGuid);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) throw error;
      }
    },
  });
}
