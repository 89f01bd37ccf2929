import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { useForgetMemberStatus } from '../../api/queries';
import type { AnswerInput } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';

/**
 * Creates the member (or updates it in update mode). gcTime 0 drops the mutation, and the
 * credentials it carried, from the cache as soon as the form is gone.
 */
export function useSubmitCredentials() {
  const api = useApi();
  const { user_guid } = useConfig();
  const forgetStatus = useForgetMemberStatus();
  const goTo = useFlow((s) => s.goTo);
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const mode = useFlow((s) => s.credentialsMode);

  return useMutation({
    gcTime: 0,
    mutationFn: (credentials: AnswerInput[]) =>
      mode === 'update' && memberGuid
        ? api.updateMember(user_guid, memberGuid, credentials)
        : api.createMember(user_guid, { institutionCode: code ?? '', credentials }),
    onSuccess: (member) => {
      forgetStatus(member.guid);
      goTo('connecting', { memberGuid: member.guid, isOauth: false, notice: null });
    },
  });
}
