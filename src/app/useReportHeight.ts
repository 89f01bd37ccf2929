import { useEffect, type RefObject } from 'react';
import type { Emitter } from '../embedding/emitter';

/**
 * The tallest frame the widget asks for. Past it the widget scrolls inside its frame, so that no
 * response (a list of thousands of rows, say) can make the partner's page millions of pixels tall.
 */
export const MAX_REPORTED_HEIGHT = 1_200;

/** Tells the host the content height when it changes (debounced) so it can size the iframe. */
export function useReportHeight(ref: RefObject<HTMLElement | null>, emitter: Emitter, debounceMs: number) {
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    let last = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const height = Math.min(MAX_REPORTED_HEIGHT, Math.ceil(element.getBoundingClientRect().height));
        if (height !== last) {
          last = height;
          emitter.resize(height);
        }
      }, debounceMs);
    });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [ref, emitter, debounceMs]);
}
