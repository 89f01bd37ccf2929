import { useEffect, useState } from 'react';

/**
 * `value` once it has held still for `delayMs` ms; `initial` until then (by default `value` itself,
 * at once).
 */
export function useDebouncedValue<T>(value: T, delayMs: number, initial: T = value): T {
  const [debounced, setDebounced] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
