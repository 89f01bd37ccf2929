import { useEffect, type RefObject } from 'react';
import type { Emitter } from '../embedding/emitter';

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
        const height = Math.ceil(element.getBoundingClientRect().height);
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
