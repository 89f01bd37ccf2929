import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { ApiError } from '../api/errors';
import type { Emitter } from '../embedding/emitter';
import type { FlowState } from '../flow/store';

/**
 * Whatever request meets a refused session (401), the flow ends on the "session expired" screen
 * and the host hears it once (connect-widget/sessionExpired), so the partner can open a new one.
 */
export function useSessionExpiry(store: StoreApi<FlowState>, emitter: Emitter) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let told = false;
    const expire = () => {
      if (!told) {
        told = true;
        emitter.sessionExpired();
      }
      if (store.getState().errorKind !== 'sessionExpired')
        store.getState().send({ type: 'failed', errorKind: 'sessionExpired' });
    };
    const refused = (error: unknown) => error instanceof ApiError && error.status === 401;
    if (store.getState().errorKind === 'sessionExpired') expire();
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && refused(event.query.state.error)) expire();
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && refused(event.mutation?.state.error)) expire();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, store, emitter]);
}
