import { useCallback } from 'react';
import { useEmit } from '../embedding/emitter';
import { useFlow } from './store';

/** Every "back to search" in the widget: resets the flow and tells the host. */
export function useBackToSearch() {
  const emit = useEmit();
  const backToSearch = useFlow((s) => s.backToSearch);
  return useCallback(
    (context?: string) => {
      emit('mx/connect/backToSearch', context ? { context } : {});
      backToSearch();
    },
    [emit, backToSearch],
  );
}
