import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { cachedMemberStatus } from '../api/queries';
import type { AnalyticPath } from '../../sdk/src/contract/events';
import type { Emitter } from '../embedding/emitter';
import type { FlowState } from '../flow/store';
import type { Step } from '../flow/steps';

const PATHS: Record<Exclude<Step, 'loginError' | 'error' | 'enterCreds' | `microdeposit${string}`>, AnalyticPath> = {
  consent: '/consent',
  connections: '/connections',
  disconnect: '/disconnect',
  disconnected: '/disconnected',
  manualAccount: '/manual-account',
  manualAccountAdded: '/manual-account/added',
  help: '/help',
  search: '/search',
  institutionUnavailable: '/institution-unavailable',
  chooseMethod: '/choose-method',
  oauth: '/oauth',
  connecting: '/connecting',
  mfa: '/mfa',
  connected: '/connected',
};

/** The stable path of the screen a flow state shows (README "Analytics"). */
export function pageviewPath(state: FlowState, statusName: string | null | undefined): AnalyticPath {
  switch (state.step) {
    case 'enterCreds':
      return state.credentialsMode === 'update' ? '/credentials/update' : '/credentials';
    case 'loginError':
      return `/status/${(statusName ?? 'unknown').toLowerCase()}`;
    case 'error':
      return `/error/${state.errorKind ?? 'server'}`;
    default:
      // microdepositHowItWorks → /microdeposits/how-it-works
      return state.step.startsWith('microdeposit')
        ? `/microdeposits/${state.step
            .slice(12)
            .replace(/\B[A-Z]/g, (c) => `-${c}`)
            .toLowerCase()}`
        : PATHS[state.step as keyof typeof PATHS];
  }
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
