// @vitest-environment node
// A Redis that stops answering but keeps its connections open (a frozen host, a dead NAT entry):
// Debian's redis-server behind a small TCP proxy that stops forwarding without closing anything.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type StartedServer } from './main';
import { COMMAND_TIMEOUT_MS, CONNECT_TIMEOUT_MS } from './rateLimitStore';
import { redisAnswers, redisServerEnv } from './redisTestSupport';
import { overHttp, partnerSession } from './testSupport';

const REDIS_SERVER = '/usr/bin/redis-server';
const PARTNER_SECRET = 'silent-redis-test-partner-secret';
/** Ports this suite may use (the machine's test port plan), first free one wins. */
const PORT_RANGE = { from: 6360, to: 6399 };

const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Connect</title>');

const portIsFree = (port: number) =>
  new Promise<boolean>((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });

async function freePortInRange(after = 0) {
  for (let port = Math.max(PORT_RANGE.from, after + 1); port <= PORT_RANGE.to; port += 1) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${PORT_RANGE.from}-${PORT_RANGE.to}`);
}

/** Forwards to `target` until `silence()`: from then on it swallows every byte and closes nothing. */
function silenceableProxy(port: number, target: number) {
  let silent = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = createConnection({ port: target, host: '127.0.0.1' });
    sockets.add(upstream);
    client.on('data', (data) => {
      if (!silent) upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (!silent) client.write(data);
    });
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
  });
  return {
    listening: new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done())),
    silence: () => {
      silent = true;
    },
    resume: () => {
      silent = false;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

let redis: ChildProcess | undefined;
let proxy: ReturnType<typeof silenceableProxy> | undefined;
let server: StartedServer | undefined;

beforeAll(async () => {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} is not installed: these tests need Debian's redis-server package`);
  }
  const redisPort = await freePortInRange();
  redis = spawn(
    REDIS_SERVER,
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await redisAnswers(redisPort);
  const proxyPort = await freePortInRange(redisPort);
  proxy = silenceableProxy(proxyPort, redisPort);
  await proxy.listening;
  server = await startServer(redisServerEnv(proxyPort, `connect-silent-${proxyPort}:`, PARTNER_SECRET), dist);
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    const body = (await (await fetch(`${server.url}/readyz`)).json()) as { rateLimitStore?: string };
    if (body.rateLimitStore === 'redis') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server never counted in Redis');
}, 20_000);

afterAll(async () => {
  await server?.close();
  await proxy?.close();
  if (redis && redis.exitCode === null) {
    const exited = new Promise((done) => redis?.once('exit', done));
    redis.kill('SIGKILL');
    await exited;
  }
  rmSync(dist, { recursive: true, force: true });
});

describe('a Redis that stops answering on open connections', () => {
  it('requests still answer within about a second, /readyz says unavailable, one log line; found again when it answers', async () => {
    if (!server || !proxy) throw new Error('set up');
    const url = server.url;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { user, token } = await partnerSession(overHttp(url), PARTNER_SECRET);
    proxy.silence();
    // the first call waits for the store's own timer; the ones after it count in memory at once
    for (let i = 0; i < 10; i += 1) {
      const started = Date.now();
      const res = await fetch(`${url}/api/users/${user}/members`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS * 2);
    }
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ rateLimitStore: 'unavailable' });
    const outage = warn.mock.calls.filter(([line]) => String(line).includes('Redis unavailable'));
    expect(outage).toHaveLength(1);
    expect(String(outage[0]?.[0])).toContain(`no answer within ${COMMAND_TIMEOUT_MS} ms`);

    // it answers again: a new connection is found (the stuck one was dropped) and used
    proxy.resume();
    const until = Date.now() + 2 * CONNECT_TIMEOUT_MS + 1_000;
    let state = '';
    while (Date.now() < until && state !== 'redis') {
      await new Promise((r) => setTimeout(r, 100));
      state = ((await (await fetch(`${url}/readyz`)).json()) as { rateLimitStore: string }).rateLimitStore;
    }
    expect(state).toBe('redis');
    const res = await fetch(`${url}/api/users/${user}/members`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(warn.mock.calls.filter(([line]) => String(line).includes('Redis answers again'))).toHaveLength(1);
  });

  it("SIGTERM's close is prompt while Redis is silent: nothing waits for replies that will not come", async () => {
    if (!server || !proxy) throw new Error('set up');
    const { url } = server;
    const { user, token } = await partnerSession(overHttp(url), PARTNER_SECRET);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    proxy.silence();
    expect(
      (await fetch(`${url}/api/users/${user}/members`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const closing = Date.now();
    await server.close();
    server = undefined;
    expect(Date.now() - closing).toBeLessThan(1_000);
  });
});
