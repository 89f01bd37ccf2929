import { useCallback, useEffect, useRef } from 'react';
import { errorKindOf, waitAskedBy } from '../../api/errors';
import { useBankName } from '../../api/queries';
import { useEmit } from '../../embedding/emitter';
import { useFlow, useFlowStoreApi } from '../../flow/store';
import { useT } from '../../i18n/translate';
import { statusMove, statusRowOf, statusWords } from '../../connectionStatus/statusTable';
import { useAggregate } from '../../connectionStatus/useAggregate';
import { usePollMemberStatus } from '../../connectionStatus/usePollMemberStatus';

/**
 * Polls the member while a polling step is on screen and moves the flow on each status
 * change as the status table decides (statusMove). Renders nothing.
 */
export function MemberStatusWatcher() {
  const t = useT();
  const emit = useEmit();
  const store = useFlowStoreApi();
  const memberGuid = useFlow((s) => s.memberGuid);
  const code = useFlow((s) => s.institutionCode);
  const bank = useBankName(code);
  const step = useFlow((s) => s.step);
  const onBudgetSpent = useCallback(() => store.getState().send({ type: 'failed', errorKind: 'tooLong' }), [store]);
  const { status, error } = usePollMemberStatus(memberGuid, true, { screen: step, onSpent: onBudgetSpent });
  const aggregate = useAggregate();
  const seen = useRef<{ name: string | null | undefined; aggregating?: boolean } | null>(null);
  const reconnectRequested = useRef(false);
  const oauthErrorSent = useRef(false);

  const name = status?.connection_status;
  const aggregating = status?.is_being_aggregated;

  useEffect(() => {
    if (!status || !memberGuid) return;
    const previous = seen.current;
    if (previous && previous.name === name && previous.aggregating === aggregating) return;
    seen.current = { name, aggregating };
    const row = statusRowOf(name);
    const { send, step, isOauth, announce } = store.getState();
    // the polling budget ran out in this very render: the error screen stays
    if (step === 'error') return;

    if (!previous || previous.name !== name) {
      if (row.code !== null)
        emit('mx/connect/memberStatusUpdate', { member_guid: memberGuid, connection_status: row.code });
      announce(t(statusWords(row, isOauth).message, { bank }));
    }

    const move = statusMove(name, { step, isBeingAggregated: aggregating });
    if (move.effect === 'connected') emit('mx/connect/memberConnected', { member_guid: memberGuid });
    if (move.effect === 'failed' && isOauth && !oauthErrorSent.current) {
      oauthErrorSent.current = true;
      emit('mx/connect/oauthError', { member_guid: memberGuid });
    }
    if (move.to) send({ type: 'statusReached', step: move.to });
    if (move.effect === 'reconnect' && !reconnectRequested.current) {
      reconnectRequested.current = true;
      aggregate.mutate(memberGuid);
    }
    // the effect reacts to status changes only; everything else is read fresh from the store
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, name, aggregating, memberGuid]);

  useEffect(() => {
    if (error) store.getState().send({ type: 'failed', errorKind: errorKindOf(error), waitMs: waitAskedBy(error) });
  }, [error, store]);

  return null;
}
