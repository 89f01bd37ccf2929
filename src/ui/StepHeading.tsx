import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { FlowStoreContext } from '../flow/store';
import { useMoveFocus } from './focus';
import { STEP_HEADING_CLASS } from './stepHeadingClass';

/**
 * The one heading of a step. When the step appears while the user is acting in the widget, it
 * takes focus (without scrolling) so screen-reader and keyboard users land at the top of the new
 * content (WCAG 2.4.3). A step that arrives on its own while the user is elsewhere (a connection
 * finishing while they type in the partner's page) leaves focus where it is and is said in the
 * live region instead; the widget's first screen is not announced.
 */
export function StepHeading({ children, focusOnMount = true }: { children: ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const moveFocus = useMoveFocus();
  const store = useContext(FlowStoreContext);
  useEffect(() => {
    if (!focusOnMount || moveFocus(ref.current)) return;
    const state = store?.getState();
    const text = ref.current?.textContent?.trim();
    if (state && state.history.length > 0 && text) state.announce(text);
  }, [focusOnMount, moveFocus, store]);
  return (
    <h1 ref={ref} tabIndex={-1} className={STEP_HEADING_CLASS}>
      {children}
    </h1>
  );
}
