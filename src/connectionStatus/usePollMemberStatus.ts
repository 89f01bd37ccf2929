import { useMemberStatusOptions } from '../api/queries';
import { usePolling, type PollingBudget } from '../polling/usePolling';
import { keepsPolling } from './statusTable';

export type { PollingBudget } from '../polling/usePolling';

/** Polls GET …/status until the status table says the member has settled (polling/usePolling.ts). */
export function usePollMemberStatus(memberGuid: string | null, enabled: boolean, budget?: PollingBudget) {
  const query = usePolling(
    useMemberStatusOptions(memberGuid),
    (data) => keepsPolling(data.connection_status, data.is_being_aggregated),
    enabled && memberGuid !== null,
    budget,
  );
  return { status: query.data, error: query.error };
}
