import { createContext, useContext } from 'react';

/** Polling and debounce timings; tests shrink them, the product uses the defaults. */
export interface Timing {
  pollMs: number;
  maxPollMs: number;
  retryBaseMs: number;
  maxRetries: number;
  debounceMs: number;
  resizeDebounceMs: number;
}

export const DEFAULT_TIMING: Timing = {
  pollMs: 1_000,
  maxPollMs: 5_000,
  retryBaseMs: 1_000,
  maxRetries: 12,
  debounceMs: 250,
  resizeDebounceMs: 100,
};

export const TimingContext = createContext<Timing>(DEFAULT_TIMING);

export function useTiming(): Timing {
  return useContext(TimingContext);
}
