import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { useConfig } from '../../config/ConfigProvider';
import { useEmit } from '../../embedding/emitter';
import { useBackToSearch } from '../../flow/useBackToSearch';

/**
 * "Cancel" on the OAuth step: the pending member is deleted (the host hears memberDeleted), then
 * the user leaves the way every step leaves, whether the delete worked or not.
 */
export function useCancelOauth(memberGuid: string | null) {
  const api = useApi();
  const emit = useEmit();
  const { user_guid } = useConfig();
  const backToSearch = useBackToSearch();
  return useMutation({
    mutationFn: async () => {
      if (!memberGuid) return;
      await api.deleteMember(user_guid, memberGuid);
      emit('mx/connect/memberDeleted', { member_guid: memberGuid });
    },
    onSettled: () => backToSearch('oauth'),
  });
}
