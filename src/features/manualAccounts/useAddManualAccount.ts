import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { createManualAccount, type ManualAccountInput } from './manualAccountsApi';
import { useRefreshMembers } from '../../api/queries';
import { useConfig } from '../../config/ConfigProvider';
import { useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useStepGuard } from '../../flow/useStepGuard';

/** POST the account; the list of connections is read again and the flow shows it added. */
export function useAddManualAccount() {
  const api = useApi();
  const { user_guid } = useConfig();
  const { analyticEvent } = useEmitter();
  const send = useFlow((s) => s.send);
  const refreshMembers = useRefreshMembers();
  const guard = useStepGuard();
  return useMutation({
    onMutate: guard.mark,
    mutationFn: (input: ManualAccountInput) => createManualAccount(api, user_guid, input),
    // the account is complete and the user's own (it lists under their connections): kept even when
    // they left before it was saved, but the flow stays where they went
    onSuccess: (account, input, mark) => {
      refreshMembers();
      analyticEvent('manual_account_added', { account_type: input.account_type });
      if (account.member_guid && guard.stillOn(mark))
        send({ type: 'manualAccountAdded', memberGuid: account.member_guid });
    },
  });
}
