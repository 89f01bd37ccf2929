import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { useForgetMemberStatus, useRefreshMembers } from '../../api/queries';
import { useConfig } from '../../config/ConfigProvider';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
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
  return useMutation({
    mutationFn: ({ memberGuid }: { memberGuid: string; reason: DisconnectReason }) =>
      memberWrites(api).remove(user_guid, memberGuid),
    onSuccess: (_, { memberGuid, reason }) => {
      forgetStatus(memberGuid);
      refreshMembers();
      emit('mx/connect/memberDeleted', { member_guid: memberGuid });
      analyticEvent('member_disconnected', { reason });
      send({ type: 'memberDisconnected' });
    },
  });
}
