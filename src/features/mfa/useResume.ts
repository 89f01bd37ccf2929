import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { ApiError } from '../../api/errors';
import { useForgetMemberStatus } from '../../api/queries';
import type { AnswerInput } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';
import { memberWrites } from '../../api/memberWrites';

/** PUT …/resume with the answers; like credentials, they leave the cache with the form (gcTime 0). */
export function useResume() {
  const api = useApi();
  const { user_guid } = useConfig();
  const memberGuid = useFlow((s) => s.memberGuid);
  const send = useFlow((s) => s.send);
  const forgetStatus = useForgetMemberStatus();
  return useMutation({
    gcTime: 0,
    mutationFn: (answers: AnswerInput[]) => memberWrites(api).resume(user_guid, memberGuid ?? '', answers),
    onSuccess: (member) => {
      forgetStatus(member.guid);
      send({ type: 'answersSent' });
    },
    onError: (error) => {
      // 409: the challenge is gone (expired or answered elsewhere); polling shows where the member stands now
      if (error instanceof ApiError && error.status === 409 && memberGuid) {
        forgetStatus(memberGuid);
        send({ type: 'answersSent' });
      }
    },
  });
}
