import { useEffect, type RefObject } from 'react';
import type { Emitter } from '../embedding/emitter';

/**
 * The tallest frame the widget asks for. Past it the widget scrolls inside its frame, so that no
 * response (a list of thousands of rows, say) can make the partner's page millions of pixels tall.
 */
export const MAX_REPORTED_HEIGHT = 1_200;

/**
 * The shortest frame the widget asks for: the host SDK's starting height (`initialHeight`, 600 px).
 * The first screens differ by hundreds of pixels (a loading spinner ~70 px, consent ~540, the
 * credentials form ~400); a frame that follows each of them moves the partner's page up and down
 * as the user goes. Below this the frame keeps its height and the widget's background fills it.
 */
export const MIN_REPORTED_HEIGHT = 600;

/**
 * Tells the host the content height in CSS pixels when it changes (at most once per `debounceMs`) so
 * it can size the iframe, kept within MIN_REPORTED_HEIGHT..MAX_REPORTED_HEIGHT.
 */
export function useReportHeight(ref: RefObject<HTMLElement | null>, emitter: Emitter, debounceMs: number) {
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    let last = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // At most one report per `debounceMs`, measured when it goes out, and never postponed by the
    // next change: a frame shorter than its content shows a scrollbar, the scrollbar narrows the
    // content, which can reflow it on every frame; a debounce restarted by each change would then
    // never report, and the frame would stay too short (seen at 320 px).
    const observer = new ResizeObserver(() => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        const content = Math.ceil(element.getBoundingClientRect().height);
        const height = Math.min(MAX_REPORTED_HEIGHT, Math.max(MIN_REPORTED_HEIGHT, content));
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
