import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { cachedMemberStatus } from '../api/queries';
import type { AnalyticPath } from '../../sdk/src/contract/events';
import type { Emitter } from '../embedding/emitter';
import type { FlowState } from '../flow/store';
import { stepPath } from '../flow/steps';

/** The stable path of the screen a flow state shows (README "Analytics"): its row of the step table. */
export function pageviewPath(state: FlowState, statusName: string | null | undefined): AnalyticPath {
  return stepPath(state, statusName);
}

/** One pageview for the first screen and for every screen after it. */
export function usePageviews(store: StoreApi<FlowState>, emitter: Emitter, userGuid: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const statusOf = (state: FlowState) =>
      state.memberGuid ? cachedMemberStatus(queryClient, userGuid, state.memberGuid)?.connection_status : null;
    let last = pageviewPath(store.getState(), statusOf(store.getState()));
    emitter.pageview(last);
    return store.subscribe((state) => {
      const path = pageviewPath(state, statusOf(state));
      if (path === last) return;
      last = path;
      emitter.pageview(path);
    });
  }, [store, emitter, queryClient, userGuid]);
}
