import { afterEach, describe, expect, it, vi } from 'vitest';
import { MEMBERS_TIMEOUT_MS } from '../api/client';
import { earlyNoConnections, startEarlyReads } from './earlyReads';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * An outside review of issue #27's first paint: main.tsx renders nothing at all (no box, no spinner)
 * until earlyNoConnections settles, so a members read that never answers must not hold it longer
 * than the API client's own limit for that read (issue #23: at search within 10 s).
 */
describe('the first paint’s look at the early members read', () => {
  it('settles (no connections known) within the members read’s own limit when the read never answers', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    const search = '?user_guid=USR-hangs';
    startEarlyReads(search, 'secret');
    const answer = earlyNoConnections(search);
    expect(answer).toBeDefined();
    let settled: boolean | 'pending' = 'pending';
    void answer?.then((value) => (settled = value));
    await vi.advanceTimersByTimeAsync(MEMBERS_TIMEOUT_MS);
    expect(settled).toBe(false);
  });

  it('settles within the same limit when the answer’s headers come but its body never ends', async () => {
    vi.useFakeTimers();
    // headers at once, then a body that stalls after its first bytes
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"members": ['));
      },
    });
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(stalled, { status: 200, headers: { 'content-type': 'application/json' } })),
    );
    const search = '?user_guid=USR-stalls';
    startEarlyReads(search, 'secret');
    let settled: boolean | 'pending' = 'pending';
    void earlyNoConnections(search)?.then((value) => (settled = value));
    await vi.advanceTimersByTimeAsync(MEMBERS_TIMEOUT_MS);
    expect(settled).toBe(false);
  });
});
