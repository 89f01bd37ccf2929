import { createContext, useCallback, useContext, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether the person is acting inside the widget right now. The widget lives on someone else's
 * page: it may move focus only while the user is working in it, never while they type in the
 * host page (focus moved there would take their keystrokes and scroll the partner's page).
 */
export interface FocusPolicy {
  userIsHere(): boolean;
}

/** Outside a tracker (start-up screens): the widget's document has focus or it does not. */
const documentPolicy: FocusPolicy = { userIsHere: () => document.hasFocus() };

export const FocusPolicyContext = createContext<FocusPolicy>(documentPolicy);

/**
 * Focuses `element` without scrolling any page, and only when `policy` says the user is in the
 * widget. Returns whether focus was moved; a caller whose change the user did not see should then
 * say it through the live region.
 */
export function moveFocus(element: HTMLElement | null | undefined, policy: FocusPolicy): boolean {
  if (!element || !policy.userIsHere()) return false;
  element.focus({ preventScroll: true });
  return element.ownerDocument.activeElement === element;
}

/** `moveFocus` with the widget's policy: the one way a screen moves focus. */
export function useMoveFocus(): (element: HTMLElement | null | undefined) => boolean {
  const policy = useContext(FocusPolicyContext);
  return useCallback((element: HTMLElement | null | undefined) => moveFocus(element, policy), [policy]);
}

/**
 * Watches the widget's document for the user: a press or a key inside it means they are here
 * until its window loses focus (a click or Tab into the host page). `document.hasFocus()` alone
 * is the browser's answer; the input flag covers the moment after the focused control is removed
 * (a button whose click changes the screen), where some engines report no focus at all.
 *
 * It also keeps focus off `<body>`: when the element that had focus is removed or disabled by
 * what the user just did, focus goes to the screen's heading (`h1` inside `root`). `dispose`
 * removes every listener.
 */
export function watchFocus(root: HTMLElement): FocusPolicy & { dispose(): void } {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  let acting = false;
  let last: Element | null = null;
  const policy: FocusPolicy = { userIsHere: () => doc.hasFocus() || acting };

  const onInput = () => {
    acting = true;
  };
  const onWindowBlur = (event: Event) => {
    // blur does not bubble: only the window's own reaches this listener
    if (event.target instanceof Node) return;
    acting = false;
  };
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof Element) last = event.target;
  };
  const lostFocus = () => {
    const active = doc.activeElement;
    // browsers drop focus from a disabled control to <body>; some engines leave it on the control
    if (active?.matches(':disabled')) return true;
    if (active !== null && active !== doc.body) return false;
    return last !== null && (!last.isConnected || last.matches(':disabled'));
  };
  const observer = new MutationObserver(() => {
    if (!lostFocus()) return;
    const heading = root.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      moveFocus(heading, policy);
    }
  });

  doc.addEventListener('pointerdown', onInput, true);
  doc.addEventListener('keydown', onInput, true);
  doc.addEventListener('focusin', onFocusIn, true);
  win?.addEventListener('blur', onWindowBlur);
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return {
    ...policy,
    dispose() {
      observer.disconnect();
      doc.removeEventListener('pointerdown', onInput, true);
      doc.removeEventListener('keydown', onInput, true);
      doc.removeEventListener('focusin', onFocusIn, true);
      win?.removeEventListener('blur', onWindowBlur);
    },
  };
}

/**
 * The widget's focus policy for everything rendered inside `ref` (give it to
 * `FocusPolicyContext`): `watchFocus` on the element while it is mounted, the document's own
 * focus before that.
 */
export function useFocusWatcher(ref: RefObject<HTMLElement | null>): FocusPolicy {
  const watcher = useRef<FocusPolicy | null>(null);
  const [policy] = useState<FocusPolicy>(() => ({
    userIsHere: () => (watcher.current ?? documentPolicy).userIsHere(),
  }));
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const watching = watchFocus(element);
    watcher.current = watching;
    return () => {
      watching.dispose();
      watcher.current = null;
    };
  }, [ref]);
  return policy;
}
