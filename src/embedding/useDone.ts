import { useCallback } from 'react';
import { useEmit, useEmitter } from './emitter';

/** "Done" on a success screen: the host hears MX's primary action (it usually closes the widget). */
export function useDone() {
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  return useCallback(() => {
    emit('mx/connect/connected/primaryAction', {});
    analyticEvent('done_clicked', {});
  }, [emit, analyticEvent]);
}
