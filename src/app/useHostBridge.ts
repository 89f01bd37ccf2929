import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { WidgetConfig } from '../config/config';
import type { Emitter } from '../embedding/emitter';
import { useAppMessages } from '../embedding/appChannel';
import { listenToHost } from '../embedding/hostMessages';
import type { FlowState } from '../flow/store';
import { useGoBack } from '../flow/useGoBack';

/**
 * stepChange for every transition, and answers to the host's back/ping messages. The host's back
 * runs the same function as the screen's own Back or Cancel control (useGoBack, the step table's back column).
 */
export function useHostBridge(store: StoreApi<FlowState>, emitter: Emitter, config: WidgetConfig, framed: boolean) {
  const goBack = useGoBack();
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.step !== previous.step) {
          emitter.emit('mx/connect/stepChange', { previous: previous.step, current: state.step });
        }
      }),
    [store, emitter],
  );

  // in a WebView the app injects its messages into the page itself
  const appMessages = useAppMessages();
  useEffect(
    () =>
      appMessages?.((message) => {
        if (message.kind === 'back') emitter.emit('mx/navigation', { did_go_back: goBack() });
      }),
    [appMessages, emitter, goBack],
  );

  useEffect(() => {
    if (!framed || !config.parent_origin) return undefined;
    return listenToHost(window, {
      parentOrigin: config.parent_origin,
      parent: window.parent,
      onMessage: (message) => {
        if (message.type === 'mx/navigation') {
          emitter.emit('mx/navigation', { did_go_back: goBack() });
        } else if (message.type === 'ping') {
          emitter.emit('mx/ping', {});
        }
        // anything else (the SDK's mx/sdk/info, say) needs no answer
      },
    });
  }, [framed, config.parent_origin, emitter, goBack]);
}
