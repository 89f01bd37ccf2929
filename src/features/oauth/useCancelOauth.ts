import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { useConfig } from '../../config/ConfigProvider';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useBackToSearch } from '../../flow/useBackToSearch';
import { memberWrites } from '../../api/memberWrites';

/**
 * "Cancel" on the OAuth step: the pending member is deleted (the host hears memberDeleted), then
 * the user leaves the way every step leaves, whether the delete worked or not.
 */
export function useCancelOauth(memberGuid: string | null) {
  const api = useApi();
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const code = useFlow((s) => s.institutionCode);
  const { user_guid } = useConfig();
  const backToSearch = useBackToSearch();
  return useMutation({
    mutationFn: async () => {
      analyticEvent('oauth_cancelled', { institution_code: code ?? '' });
      if (!memberGuid) return;
      await memberWrites(api).remove(user_guid, memberGuid);
      emit('mx/connect/memberDeleted', { member_guid: memberGuid });
    },
    onSettled: () => backToSearch('oauth'),
  });
}
