import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../../api/ApiProvider';
import { microdepositCalls, microdepositOptions, type Microdeposit, type MicrodepositInput } from './microdepositsApi';
import { useInstitutions } from '../../api/queries';
import { queryKeys } from '../../api/queryKeys';
import type { Institution } from '../../api/schemas';
import { useConfig } from '../../config/ConfigProvider';
import { useTiming } from '../../config/timing';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useStepGuard } from '../../flow/useStepGuard';
import { usePolling } from '../../polling/usePolling';
import { microdepositRowOf } from './microdepositStatusTable';

function useCalls() {
  const api = useApi();
  return useMemo(() => microdepositCalls(api), [api]);
}

/** The server's routing-number check. A blocked number is reported to the host (never the account number). */
export function useRoutingCheck() {
  const calls = useCalls();
  const emit = useEmit();
  const microdepositGuid = useFlow((s) => s.microdepositGuid);
  return useMutation({
    mutationFn: (routingNumber: string) => calls.checkRoutingNumber(routingNumber),
    onSuccess: (check) => {
      if (check.check === 'VALID') return;
      emit('mx/connect/microdeposits/blockedRoutingNumber', {
        routing_number: check.routing_number,
        reason: check.check,
        ...(microdepositGuid ? { microdeposit_guid: microdepositGuid } : {}),
      });
    },
  });
}

/**
 * Sends the details (the only request that carries the account number) and moves on to its
 * status. gcTime 0 drops the mutation, and the number it carried, from the cache with the form.
 */
export function useSubmitMicrodeposit() {
  const calls = useCalls();
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  const emit = useEmit();
  const send = useFlow((s) => s.send);
  const guard = useStepGuard();
  return useMutation({
    gcTime: 0,
    onMutate: guard.mark,
    mutationFn: (input: MicrodepositInput) => calls.create(user_guid, input),
    onSuccess: (microdeposit, _, mark) => {
      // details sent from a screen the user left: the microdeposit is deleted, and the flow stays where they went
      if (!guard.stillOn(mark)) {
        void calls.remove(user_guid, microdeposit.guid).catch(() => undefined);
        return;
      }
      queryClient.setQueryData(queryKeys.microdeposit(user_guid, microdeposit.guid), microdeposit);
      emit('mx/connect/microdeposits/detailsSubmitted', { microdeposit_guid: microdeposit.guid });
      send({ type: 'microdepositSubmitted', guid: microdeposit.guid });
    },
  });
}

/** The two amounts; the answer (VERIFIED, DENIED, PREVENTED) replaces the cached microdeposit. */
export function useVerifyAmounts(guid: string) {
  const calls = useCalls();
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  const { analyticEvent } = useEmitter();
  return useMutation({
    mutationFn: ({ amounts }: { amounts: [number, number]; attempt: number }) => calls.verify(guid, amounts),
    onSuccess: (microdeposit, { attempt }) => {
      analyticEvent('microdeposit_amounts_submitted', { attempt });
      queryClient.setQueryData(queryKeys.microdeposit(user_guid, guid), microdeposit);
    },
  });
}

/** The microdeposit, polled while its status table row says it moves on by itself. */
export function usePollMicrodeposit(guid: string | null) {
  const api = useApi();
  const { user_guid } = useConfig();
  const timing = useTiming();
  return usePolling(
    microdepositOptions(api, user_guid, guid, timing),
    (data: Microdeposit) => microdepositRowOf(data.status).polls,
    guid !== null,
  );
}

/** "Start over" on an ended microdeposit: the host hears which one, then the details form starts again. */
export function useStartOver(microdeposit: Microdeposit | undefined) {
  const emit = useEmit();
  const send = useFlow((s) => s.send);
  return () => {
    if (microdeposit)
      emit('mx/connect/microdeposits/error/primaryAction', {
        microdeposit_guid: microdeposit.guid,
        status: microdeposit.status ?? 'UNKNOWN',
      });
    send({ type: 'microdepositsChosen' });
  };
}

/** At most this many instant-verification institutions are offered for one routing number. */
const MAX_OFFERED = 5;

/** The institutions a routing number's "instant verification preferred" answer names, as they load. */
export function useOfferedInstitutions(codes: readonly string[]): Institution[] {
  return useInstitutions(codes.slice(0, MAX_OFFERED)).filter((i): i is Institution => i !== undefined);
}
