import { createContext, useContext } from 'react';

/** Polling and debounce timings; tests shrink them, the product uses the defaults. */
export interface Timing {
  pollMs: number;
  maxPollMs: number;
  retryBaseMs: number;
  maxRetries: number;
  debounceMs: number;
  resizeDebounceMs: number;
  /** polls of one member on one screen before "this is taking longer than usual" */
  maxPollsPerScreen: number;
  /** and the time that may take */
  maxPollingMsPerScreen: number;
}

export const DEFAULT_TIMING: Timing = {
  pollMs: 1_000,
  maxPollMs: 5_000,
  retryBaseMs: 1_000,
  maxRetries: 12,
  debounceMs: 250,
  resizeDebounceMs: 100,
  // a status that alternates forever (CREATED↔RESUMED, say) must still end: about two and a half
  // minutes of 1 s polls, or ten minutes of slower ones
  maxPollsPerScreen: 150,
  maxPollingMsPerScreen: 10 * 60_000,
};

export const TimingContext = createContext<Timing>(DEFAULT_TIMING);

export function useTiming(): Timing {
  return useContext(TimingContext);
}
