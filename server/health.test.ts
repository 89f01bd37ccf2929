// @vitest-environment node
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadiness } from './health';
import { MX_TEST_ENV, testApp } from './testSupport';
import { createMockUpstream } from './upstreams/mock/upstream';
import { createMxUpstream } from './upstreams/mx/upstream';
import type { Upstream } from './upstreams/types';

const listen = (server: Server) =>
  new Promise<number>((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : 0);
    }),
  );

// MX as it is when down: a port nothing listens on, and one that accepts and never answers
let closedPort = 0;
const held = new Set<Socket>();
const silent = createServer((socket) => held.add(socket));
let silentPort = 0;
beforeAll(async () => {
  const probe = createServer();
  closedPort = await listen(probe);
  await new Promise((done) => probe.close(done));
  silentPort = await listen(silent);
});
afterAll(() => {
  for (const socket of held) socket.destroy();
  return new Promise((done) => silent.close(done));
});

const mxAt = (port: number, timeoutMs = 1_000) =>
  createMxUpstream({ baseUrl: `http://127.0.0.1:${port}`, clientId: 'id', apiKey: 'key', timeoutMs, version: 'v1' });

/** The upstream, counting the requests it is asked. */
function counted(inner: Upstream) {
  const counter = { calls: 0 };
  const upstream: Upstream = (request) => {
    counter.calls += 1;
    return inner(request);
  };
  return { upstream, counter };
}

describe('GET /healthz and GET /readyz', () => {
  it('with the mock: both 200', async () => {
    const { app } = testApp();
    const live = await app.request('/healthz');
    expect(live.status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, upstream: 'mock', rateLimitStore: 'memory' });
  });

  it('with MX unreachable: /healthz stays 200 without asking it, /readyz is 503 with the reason', async () => {
    const { upstream, counter } = counted(mxAt(closedPort));
    const { app } = testApp(MX_TEST_ENV, { upstream: () => upstream, sandbox: false });
    expect((await app.request('/healthz')).status).toBe(200);
    expect(counter.calls).toBe(0);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ok: false,
      upstream: 'mx',
      reason: 'GET /institutions answered 502: The bank data service could not be reached.',
      rateLimitStore: 'memory',
    });
  });

  it('a silent upstream is not ready within the probe’s own bound', async () => {
    const readiness = createReadiness({ upstream: mxAt(silentPort, 10_000), upstreamName: 'mx', timeoutMs: 100 });
    const started = Date.now();
    expect(await readiness.check()).toEqual({
      ok: false,
      upstream: 'mx',
      reason: 'the upstream did not answer within 100 ms',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('readiness does not flood the upstream', () => {
  it('a flood of checks while it is down makes one probe until the failure expires', async () => {
    let clock = 0;
    const { upstream, counter } = counted(mxAt(closedPort));
    const readiness = createReadiness({ upstream, upstreamName: 'mx', failureCacheMs: 5_000, now: () => clock });
    const answers = await Promise.all(Array.from({ length: 50 }, () => readiness.check()));
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(counter.calls).toBe(1);
    clock = 4_999;
    expect((await readiness.check()).ok).toBe(false);
    expect(counter.calls).toBe(1);
    clock = 5_000;
    await readiness.check();
    expect(counter.calls).toBe(2);
  });

  it('a success, a probe’s or the widget’s own, holds for 30 s', async () => {
    let clock = 0;
    const mock = counted(createMockUpstream({ mode: 'test' }).upstream);
    const readiness = createReadiness({ upstream: mock.upstream, upstreamName: 'mock', now: () => clock });
    expect(await readiness.check()).toEqual({ ok: true, upstream: 'mock' });
    clock = 29_999;
    await readiness.check();
    expect(mock.counter.calls).toBe(1);
    // widget traffic answered at 29.999 s: still fresh at 59 s, no probe
    await readiness.observe(mock.upstream)({ method: 'GET', path: '/institutions', search: '' });
    clock = 59_000;
    expect((await readiness.check()).ok).toBe(true);
    expect(mock.counter.calls).toBe(2);
    clock = 60_000;
    await readiness.check();
    expect(mock.counter.calls).toBe(3);
  });
});
