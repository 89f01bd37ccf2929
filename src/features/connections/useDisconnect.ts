import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { useForgetMemberStatus, useRefreshMembers } from '../../api/queries';
import { useConfig } from '../../config/ConfigProvider';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useStepGuard } from '../../flow/useStepGuard';
import type { DisconnectReason } from '../../../sdk/src/contract/events';
import { memberWrites } from '../../api/memberWrites';

/** DELETE the member; the host hears memberDeleted, the list is read again, the flow moves on. */
export function useDisconnect() {
  const api = useApi();
  const { user_guid } = useConfig();
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const send = useFlow((s) => s.send);
  const refreshMembers = useRefreshMembers();
  const forgetStatus = useForgetMemberStatus();
  const guard = useStepGuard();
  return useMutation({
    onMutate: guard.mark,
    mutationFn: ({ memberGuid }: { memberGuid: string; reason: DisconnectReason }) =>
      memberWrites(api).remove(user_guid, memberGuid),
    // the member is gone whether or not the user stayed: the host and the list hear it either way
    onSuccess: (_, { memberGuid, reason }, mark) => {
      forgetStatus(memberGuid);
      refreshMembers();
      emit('mx/connect/memberDeleted', { member_guid: memberGuid });
      analyticEvent('member_disconnected', { reason });
      if (guard.stillOn(mark)) send({ type: 'memberDisconnected' });
    },
  });
}
