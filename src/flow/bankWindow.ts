import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { FlowState } from './store';

const POPUP_NAME = 'connect-oauth';
const POPUP_FEATURES = 'popup,width=480,height=720';

let current: Window | null = null;

/**
 * The one owner of the window the widget opens for the bank (OAuth). Opening goes through here so
 * that the handle has one owner, which closes it when the flow no longer needs it
 * (useBankWindowOwner): leaving the OAuth step (Cancel, Back, success, failure), a new attempt,
 * and the widget going away. Links opened with `noopener` (openExternal) give no handle and are
 * the user's own pages: they are not closed.
 */
export const bankWindow = {
  /** window.open inside the user's click (popup blockers allow only that); null when blocked */
  open(url: string): Window | null {
    const opened = window.open(url, POPUP_NAME, POPUP_FEATURES);
    if (opened) current = opened;
    return opened;
  },
  close(): void {
    const open = current;
    current = null;
    if (open && !open.closed) open.close();
  },
};

/**
 * Closes the bank's window when the flow moves off the OAuth step or starts a new attempt, when
 * the widget unmounts, and when its document goes away (the host removing the iframe fires
 * pagehide in it).
 */
export function useBankWindowOwner(store: StoreApi<FlowState>) {
  useEffect(() => {
    const off = store.subscribe((state, previous) => {
      if (state.step !== 'oauth' || state.attempt !== previous.attempt) bankWindow.close();
    });
    const onHide = () => bankWindow.close();
    window.addEventListener('pagehide', onHide);
    return () => {
      off();
      window.removeEventListener('pagehide', onHide);
      bankWindow.close();
    };
  }, [store]);
}
