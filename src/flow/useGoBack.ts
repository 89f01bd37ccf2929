import { useCallback } from 'react';
import { useApi } from '../api/ApiProvider';
import { useRefreshMembers } from '../api/queries';
import { useConfig } from '../config/ConfigProvider';
import { useEmit } from '../embedding/emitter';
import { backRuleOf } from './steps';
import { useFlowStoreApi } from './store';
import { useBackToSearch } from './useBackToSearch';

/**
 * Deletes a member the user walked away from (the host hears memberDeleted, the connections list
 * is read again). Fire and forget: the user has already left; a delete that fails leaves the
 * member as MX would (PENDING or CHALLENGED), and nothing on screen waits for it.
 */
export function useAbandonMember(): (memberGuid: string) => void {
  const api = useApi();
  const { user_guid } = useConfig();
  const emit = useEmit();
  const refreshMembers = useRefreshMembers();
  return useCallback(
    (memberGuid: string) => {
      // memberWrites loads with the steps that write (it is not in the first bundle)
      void import('../api/memberWrites')
        .then(({ memberWrites }) => memberWrites(api).remove(user_guid, memberGuid))
        .then(
          () => {
            emit('mx/connect/memberDeleted', { member_guid: memberGuid });
            refreshMembers();
          },
          () => undefined,
        );
    },
    [api, user_guid, emit, refreshMembers],
  );
}

/**
 * Back, as the current step's rule says (the step table's back column): what every screen's own Back or Cancel control
 * calls and what the host's navigateBack calls. Returns false only on a step without back
 * (rule `none`); the host hears that as `did_go_back: false`.
 */
export function useGoBack(): () => boolean {
  const store = useFlowStoreApi();
  const backToSearch = useBackToSearch();
  const abandon = useAbandonMember();
  return useCallback(() => {
    const state = store.getState();
    const rule = backRuleOf(state);
    if (rule.kind === 'none') return false;
    if (rule.abandons && state.memberIsNew && state.memberGuid) abandon(state.memberGuid);
    // back to search is always useBackToSearch (the host hears backToSearch; a pinned institution starts over)
    const toSearch = state.history.at(-1) === 'search';
    if (rule.kind === 'previous' && !toSearch && state.back()) return true;
    if (rule.kind === 'previous' && !toSearch && rule.otherwise === 'connections') {
      state.send({ type: 'connectionsChosen' });
    } else backToSearch(state.step);
    return true;
  }, [store, backToSearch, abandon]);
}
