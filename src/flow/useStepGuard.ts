import { useMemo } from 'react';
import { useFlowStoreApi } from './store';

/**
 * For requests whose answer moves the flow: `mark()` when the request starts (a mutation's
 * onMutate), `stillOn(mark)` when it answers. False once the user has left the screen it started
 * on (Back, Cancel, the host's back, a new attempt), and then the answer must neither move the flow
 * nor leave what it made behind: the caller undoes it (a member created for a screen the user
 * left is deleted).
 */
export function useStepGuard() {
  const store = useFlowStoreApi();
  return useMemo(
    () => ({
      mark: (): number => store.getState().visit,
      stillOn: (mark: number | undefined): boolean => mark === store.getState().visit,
    }),
    [store],
  );
}
