import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { NetworkError } from '../../api/errors';
import { useForgetMemberStatus } from '../../api/queries';
import type { AnswerInput } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';
import { useAbandonMember } from '../../flow/useGoBack';
import { useStepGuard } from '../../flow/useStepGuard';
import { memberWrites } from '../../api/memberWrites';

/**
 * Creates the member (or updates it in update mode). gcTime 0 drops the mutation, and the
 * credentials it carried, from the cache as soon as the form is gone.
 */
export function useSubmitCredentials() {
  const api = useApi();
  const { user_guid } = useConfig();
  const forgetStatus = useForgetMemberStatus();
  const send = useFlow((s) => s.send);
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const mode = useFlow((s) => s.credentialsMode);
  const guard = useStepGuard();
  const abandon = useAbandonMember();

  /**
   * A create that timed out may still have happened on the server. Before the user is offered to
   * submit again (and told they made a duplicate), look for a member at this institution that was
   * not there before the attempt, and carry on with it.
   */
  const createOnce = async (institutionCode: string, credentials: AnswerInput[]) => {
    const before = await api.listMembers(user_guid).catch(() => null);
    try {
      return await memberWrites(api).create(user_guid, { institutionCode, credentials });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      const known = new Set(before?.map((m) => m.guid));
      const after = await api.listMembers(user_guid).catch(() => []);
      const created = after.filter(
        (m) => m.institution_code === institutionCode && before !== null && !known.has(m.guid),
      );
      if (created.length === 1 && created[0]) return created[0];
      throw error;
    }
  };

  return useMutation({
    gcTime: 0,
    onMutate: guard.mark,
    mutationFn: (credentials: AnswerInput[]) =>
      mode === 'update' && memberGuid
        ? memberWrites(api).update(user_guid, memberGuid, credentials)
        : createOnce(code ?? '', credentials),
    onSuccess: (member, _, mark) => {
      forgetStatus(member.guid);
      if (guard.stillOn(mark)) send({ type: 'credentialsSent', memberGuid: member.guid });
      // a member created for a screen the user left is undone; an update keeps the member it fixed
      else if (mode === 'create') abandon(member.guid);
    },
  });
}
