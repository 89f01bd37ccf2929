import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { ApiError, endsSession, errorKindOf, type ErrorKind } from '../api/errors';
import type { Emitter } from '../embedding/emitter';
import type { FlowState } from '../flow/store';

/**
 * Whatever request meets a refused session (401, or 403: it may not act for the user the URL names),
 * the flow ends on its screen and the host hears it once (connect-widget/sessionExpired), so the
 * partner can open a new one.
 */
export function useSessionExpiry(store: StoreApi<FlowState>, emitter: Emitter) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let told = false;
    const expire = (kind: ErrorKind) => {
      if (!told) {
        told = true;
        emitter.sessionExpired();
      }
      if (!endsSession(store.getState().errorKind)) store.getState().send({ type: 'failed', errorKind: kind });
    };
    const check = (error: unknown) => {
      const kind = error instanceof ApiError ? errorKindOf(error) : null;
      if (kind && endsSession(kind)) expire(kind);
    };
    const initial = store.getState().errorKind;
    if (initial && endsSession(initial)) expire(initial);
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated') check(event.query.state.error);
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated') check(event.mutation?.state.error);
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, store, emitter]);
}
