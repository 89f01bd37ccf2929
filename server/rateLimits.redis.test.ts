// @vitest-environment node
// Several instances for real: Debian's redis-server on a free port, two servers started through
// the production start-up (startServer) sharing it, then Redis killed under them and brought back.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type StartedServer } from './main';
import { MAX_RECONNECT_DELAY_MS, RETRY_AFTER_FAILURE_MS } from './rateLimitStore';
import { redisAnswers, redisServerEnv } from './redisTestSupport';
import { overHttp, partnerSession } from './testSupport';

const REDIS_SERVER = '/usr/bin/redis-server';
const PARTNER_SECRET = 'redis-test-partner-secret';

const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Connect</title>');

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

function startRedis(port: number): ChildProcess {
  return spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
}

const stopRedis = (redis: ChildProcess) =>
  new Promise<void>((done) => {
    if (redis.exitCode !== null || redis.signalCode !== null) return done();
    redis.once('exit', () => done());
    redis.kill('SIGKILL');
  });

/** Polls /readyz until its rateLimitStore is `state` (the client connects and reconnects on its own). */
async function storeBecomes(server: StartedServer, state: string, withinMs: number) {
  const until = Date.now() + withinMs;
  let last: unknown;
  while (Date.now() < until) {
    const res = await fetch(`${server.url}/readyz`);
    last = await res.json();
    if ((last as { rateLimitStore?: string }).rateLimitStore === state) return { status: res.status, body: last };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`rateLimitStore did not become ${state} within ${withinMs} ms; /readyz said ${JSON.stringify(last)}`);
}

let redisPort = 0;
let redis: ChildProcess | undefined;
const servers: StartedServer[] = [];

beforeAll(async () => {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} is not installed: these tests need Debian's redis-server package (apt-get install redis-server; .ci/run installs it)`,
    );
  }
  redisPort = await freePort();
  redis = startRedis(redisPort);
  await redisAnswers(redisPort);
  const env = redisServerEnv(redisPort, `connect-test-${redisPort}:`, PARTNER_SECRET, {
    // these tests are about counts shared through Redis and about Redis going away; on a busy
    // machine a live Redis can take over the default 500 ms, and the limits would count in memory
    // meanwhile (as designed). The slow-Redis path has its own test (rateLimits.silentRedis.test.ts).
    REDIS_COMMAND_TIMEOUT_MS: '2000',
  });
  servers.push(await startServer(env, dist), await startServer(env, dist));
  for (const server of servers) await storeBecomes(server, 'redis', 5_000);
  // starting Redis and two servers is the suite's usual test budget, not vitest's 10 s hook default
}, 20_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  if (redis) await stopRedis(redis);
  rmSync(dist, { recursive: true, force: true });
});

/** A partner's back end minting a session on instance `at`: the token works on every instance. */
async function sessionOn(at: StartedServer) {
  return partnerSession(overHttp(at.url), PARTNER_SECRET);
}

describe('two instances sharing one Redis', () => {
  it("a session's 601st call in the minute is refused by whichever instance gets it", async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers');
    const { token } = await sessionOn(a);
    const call = (server: StartedServer) =>
      fetch(`${server.url}/api/capabilities`, { headers: { authorization: `Bearer ${token}` } });
    const statuses = new Map<number, number>();
    // 600 calls, alternating instances, twenty at a time as a busy widget's would overlap
    for (let i = 0; i < 600; i += 20) {
      const batch = Array.from({ length: 20 }, (_, k) => call((i + k) % 2 === 0 ? a : b));
      for (const { status } of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // each instance saw 300: alone, neither would have refused anything
    expect(Object.fromEntries(statuses)).toEqual({ 200: 600 });
    const refused = await call(a);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(b)).status).toBe(429);
  });

  it('when Redis goes away both keep serving (in memory, per instance), say so once and in /readyz; back when it returns', async () => {
    if (!redis) throw new Error('redis');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const outageLines = () => warn.mock.calls.filter(([line]) => String(line).includes('Redis unavailable'));
    await stopRedis(redis);
    for (const server of servers) {
      const { user, token } = await sessionOn(server);
      for (let i = 0; i < 20; i += 1) {
        const res = await fetch(`${server.url}/api/users/${user}/members`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
      }
      const ready = await storeBecomes(server, 'unavailable', 1_000);
      // an outage every instance shares is no reason to leave the load balancer's rotation
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ ok: true, rateLimitStore: 'unavailable' });
    }
    // one line per instance for the whole outage, not one per request; never the URL
    expect(outageLines()).toHaveLength(2);
    for (const [line] of outageLines()) expect(String(line)).not.toContain(String(redisPort));

    redis = startRedis(redisPort);
    await redisAnswers(redisPort);
    for (const server of servers) {
      await storeBecomes(server, 'redis', MAX_RECONNECT_DELAY_MS + RETRY_AFTER_FAILURE_MS + 2_000);
    }
    // counting in Redis again: the second instance sees the first one's call
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers');
    const { token } = await sessionOn(a);
    const remaining = async (server: StartedServer) => {
      const res = await fetch(`${server.url}/api/capabilities`, { headers: { authorization: `Bearer ${token}` } });
      return /remaining=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1];
    };
    expect(await remaining(a)).toBe('599');
    expect(await remaining(b)).toBe('598');
  });
});
