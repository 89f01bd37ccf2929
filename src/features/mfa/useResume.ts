import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { ApiError } from '../../api/errors';
import { useForgetMemberStatus } from '../../api/queries';
import type { AnswerInput } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';
import { useStepGuard } from '../../flow/useStepGuard';
import { memberWrites } from '../../api/memberWrites';

/** PUT …/resume with the answers; like credentials, they leave the cache with the form (gcTime 0). */
export function useResume() {
  const api = useApi();
  const { user_guid } = useConfig();
  const memberGuid = useFlow((s) => s.memberGuid);
  const send = useFlow((s) => s.send);
  const forgetStatus = useForgetMemberStatus();
  const guard = useStepGuard();
  return useMutation({
    gcTime: 0,
    onMutate: guard.mark,
    mutationFn: (answers: AnswerInput[]) => memberWrites(api).resume(user_guid, memberGuid ?? '', answers),
    // answers sent after the user cancelled stay sent (the member was kept, or is being deleted); only the screen stays put
    onSuccess: (member, _, mark) => {
      forgetStatus(member.guid);
      if (guard.stillOn(mark)) send({ type: 'answersSent' });
    },
    onError: (error, _, mark) => {
      if (!guard.stillOn(mark)) return;
      // 409: the challenge is gone (expired or answered elsewhere); polling shows where the member stands now
      if (error instanceof ApiError && error.status === 409 && memberGuid) {
        forgetStatus(memberGuid);
        send({ type: 'answersSent' });
      }
    },
  });
}
