import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { polledRead } from '../api/queries';
import { DEFAULT_TIMING, TimingContext, type Timing } from '../config/timing';
import { usePolling, type PollingBudget } from './usePolling';

// Virtual time throughout: every figure below is exact, whatever the machine is doing.
const T0 = Date.UTC(2026, 0, 1);
beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

interface Poll {
  status: string;
}

/** A poller over a scripted source: `answers` are returned in order, the last one repeated. */
function pollScript(
  answers: Array<Poll | Error>,
  { timing = DEFAULT_TIMING, budget }: { timing?: Timing; budget?: PollingBudget } = {},
) {
  const calls: number[] = [];
  const queryFn = async (): Promise<Poll> => {
    calls.push(Date.now() - T0);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    // a new object each poll, like a fresh response body: structural sharing decides "unchanged"
    return { ...(answer ?? { status: 'PENDING' }) };
  };
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TimingContext.Provider value={timing}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </TimingContext.Provider>
  );
  const hook = renderHook(
    () =>
      usePolling(
        { queryKey: ['poll'] as const, queryFn, ...polledRead(timing) },
        (data) => data.status === 'PENDING',
        true,
        budget,
      ),
    { wrapper },
  );
  return { calls, hook, client };
}

/** Moves virtual time on by `ms`, running what falls due and the renders it causes. */
const advance = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

/** Gaps between consecutive calls, in ms. */
const gaps = (calls: number[]) => calls.slice(1).map((at, i) => at - (calls[i] ?? 0));

describe('usePolling', () => {
  it('polls every pollMs at first and backs off by 1.5× while nothing changes, up to maxPollMs', async () => {
    const { calls } = pollScript([{ status: 'PENDING' }]);
    await advance(30_000);
    // 1 s, 1.5 s, 2.25 s, 3.375 s, then the 5 s ceiling
    expect(gaps(calls).slice(0, 7)).toEqual([1_000, 1_500, 2_250, 3_375, 5_000, 5_000, 5_000]);
  });

  it('starts again at pollMs when the answer changes', async () => {
    const pending = { status: 'PENDING' };
    const changed = { status: 'PENDING', step: 2 };
    const { calls } = pollScript([pending, pending, pending, pending, changed, changed]);
    await advance(12_000);
    // 1 s, 1.5 s, 2.25 s, 3.375 s while unchanged; the changed answer resets it to 1 s, then 1.5 s
    expect(gaps(calls).slice(0, 6)).toEqual([1_000, 1_500, 2_250, 3_375, 1_000, 1_500]);
  });

  it('stops for good at a settled answer', async () => {
    const { calls } = pollScript([{ status: 'PENDING' }, { status: 'CONNECTED' }]);
    await advance(60_000);
    expect(calls).toEqual([0, 1_000]);
  });

  it('stops when the screen unmounts, a retry waiting to fire included', async () => {
    const { calls, hook } = pollScript([{ status: 'PENDING' }, new ApiError(503, 'busy')]);
    await advance(1_000);
    expect(calls).toEqual([0, 1_000]);
    hook.unmount();
    await advance(60_000);
    expect(calls).toEqual([0, 1_000]);
  });

  it('waits out Retry-After before retrying, and does retry then', async () => {
    const rateLimited = new ApiError(429, 'slow down', { retryAfterMs: 4_000 });
    const { calls, hook } = pollScript([rateLimited, { status: 'PENDING' }]);
    await advance(3_999);
    expect(calls).toEqual([0]);
    await advance(1);
    expect(calls).toEqual([0, 4_000]);
    // the answer renders on the next tick
    await advance(1);
    expect(hook.result.current.data).toEqual({ status: 'PENDING' });
  });

  it('retries a transient failure with doubling delays capped at maxPollMs', async () => {
    const busy = new ApiError(503, 'busy');
    const { calls } = pollScript([busy, busy, busy, busy, { status: 'CONNECTED' }]);
    await advance(30_000);
    // retryBaseMs·2^failures: 1 s, 2 s, 4 s, then the 5 s ceiling; the answer settles it
    expect(gaps(calls)).toEqual([1_000, 2_000, 4_000, 5_000]);
  });

  it('spends its budget once: onSpent after maxPollsPerScreen polls, and no poll after it', async () => {
    const onSpent = vi.fn();
    const timing = { ...DEFAULT_TIMING, maxPollsPerScreen: 5, maxPollMs: 1_000 };
    const { calls } = pollScript([{ status: 'PENDING' }], { timing, budget: { screen: 'connecting', onSpent } });
    await advance(60_000);
    expect(onSpent).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(5);
  });
});
