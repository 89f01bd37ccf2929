import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { cachedInstitution } from '../api/queries';
import { useConfig } from '../config/ConfigProvider';
import { useEmit, useEmitter } from '../embedding/emitter';
import { stepAfterInstitution } from './routing';
import { useFlowStoreApi } from './store';

/**
 * Every "back to search" in the widget, the one way out of a step: resets the flow and tells the
 * host. With disable_institution_search the partner has fixed the institution, so "search" means
 * starting over at that institution instead.
 */
export function useBackToSearch() {
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const store = useFlowStoreApi();
  const queryClient = useQueryClient();
  const config = useConfig();
  return useCallback(
    (context?: string) => {
      const pinned = config.disable_institution_search
        ? (config.current_institution_code ?? store.getState().institutionCode)
        : null;
      const { send } = store.getState();
      analyticEvent('back_to_search', { context: context ?? 'unknown' });
      if (pinned) {
        // the host never sees search in this mode, so it hears of none either
        const institution = cachedInstitution(queryClient, pinned);
        send({
          type: 'institutionChosen',
          code: pinned,
          next: institution ? stepAfterInstitution(institution, config.mode === 'verification') : 'enterCreds',
        });
        return;
      }
      send({ type: 'reset' });
      emit('mx/connect/backToSearch', context ? { context } : {});
    },
    [
      emit,
      analyticEvent,
      store,
      queryClient,
      config.disable_institution_search,
      config.current_institution_code,
      config.mode,
    ],
  );
}
