import { useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';

/**
 * "Cancel" on the OAuth step: the step's back rule (the step table's back column), the same the host's back runs. The
 * member this attempt made is deleted (the host hears memberDeleted), the bank's window closes
 * (bankWindow), and the user is back where they came from. A member still being created is
 * deleted when it arrives (useOauthMember).
 */
export function useCancelOauth() {
  const { analyticEvent } = useEmitter();
  const code = useFlow((s) => s.institutionCode);
  const goBack = useGoBack();
  return () => {
    analyticEvent('oauth_cancelled', { institution_code: code ?? '' });
    goBack();
  };
}
