// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startServer } from './main';
import { clientAddress } from './rateLimits';
import { MAX_RECONNECT_DELAY_MS, reconnectDelay } from './rateLimitStore';
import { overHttp, partnerSession, testApp, testConfig } from './testSupport';

const PARTNER_SECRET = 'rate-limit-partner-secret';

const appWith = (env: Record<string, string>) => testApp({ PARTNER_SECRET, TRUST_PROXY: '1', ...env }).app;

const from = (address: string, headers: Record<string, string> = {}) => ({
  headers: { 'x-forwarded-for': address, ...headers },
});

async function expectTooMany(response: Response) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await response.json()).toEqual({
    error: { message: 'Too many requests. Please wait a moment.', status: 429 },
  });
}

describe('/partner per client address', () => {
  it('past RATE_LIMIT_PARTNER_PER_ADDRESS a minute: 429 with Retry-After in the MX error shape; another address goes on', async () => {
    const app = appWith({ RATE_LIMIT_PARTNER_PER_ADDRESS: '3' });
    const create = (address: string, secret = PARTNER_SECRET) =>
      app.request('/partner/users', {
        method: 'POST',
        body: '{"user":{}}',
        ...from(address, { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }),
      });
    // a wrong partner secret counts apart (failed authentications), not against the valid calls
    expect((await create('203.0.113.7', 'not-the-partner-secret')).status).toBe(401);
    expect((await create('203.0.113.7')).status).toBe(200);
    expect((await create('203.0.113.7')).status).toBe(200);
    expect((await create('203.0.113.7')).status).toBe(200);
    await expectTooMany(await create('203.0.113.7'));
    expect((await create('198.51.100.2')).status).toBe(200);
  });

  it("wrong secrets from the partner's own address never lock its back end out: 5 bad, then a valid call is 200", async () => {
    const app = appWith({ RATE_LIMIT_FAILED_AUTH_PER_ADDRESS: '3', RATE_LIMIT_PARTNER_PER_ADDRESS: '100' });
    const create = (secret: string) =>
      app.request('/partner/users', {
        method: 'POST',
        body: '{"user":{}}',
        ...from('203.0.113.9', { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }),
      });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await create(`wrong-secret-${i}`)).status);
    // the guesser: 401 up to the failed-authentication limit, 429 past it
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await create(PARTNER_SECRET)).status).toBe(200);
    // and the guesser is still held back
    await expectTooMany(await create('wrong-secret-again'));
  });

  it('defaults to 3,000 a minute', () => {
    expect(testConfig().RATE_LIMIT_PARTNER_PER_ADDRESS).toBe(3_000);
  });
});

describe('failed authentications per client address', () => {
  it('a flood of bad tokens from one address is refused (401, then 429) without locking out a valid session behind it', async () => {
    const app = appWith({ RATE_LIMIT_FAILED_AUTH_PER_ADDRESS: '5', RATE_LIMIT_PER_SESSION: '50' });
    const { user, token } = await partnerSession(app, PARTNER_SECRET);
    const nat = '192.0.2.10';
    const call = (bearer: string) =>
      app.request(`/api/users/${user}/members`, from(nat, { authorization: `Bearer ${bearer}` }));

    const flood = [];
    for (let i = 0; i < 8; i += 1) flood.push((await call(`forged.token.${i}`)).status);
    expect(flood).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    await expectTooMany(await call('forged.token.again'));

    // the valid session behind the same address: served, and never counted against it
    for (let i = 0; i < 20; i += 1) expect((await call(token)).status).toBe(200);
    // a missing token is a failed authentication too
    expect((await app.request(`/api/users/${user}/members`, from(nat))).status).toBe(429);
    // another address's bad token still gets the plain 401
    expect((await app.request(`/api/users/${user}/members`, from('192.0.2.99'))).status).toBe(401);
  });

  it('a valid session is limited only per session, however many share its address', async () => {
    const app = appWith({ RATE_LIMIT_FAILED_AUTH_PER_ADDRESS: '1', RATE_LIMIT_PER_SESSION: '3' });
    const first = await partnerSession(app, PARTNER_SECRET);
    const second = await partnerSession(app, PARTNER_SECRET);
    const call = ({ user, token }: { user: string; token: string }) =>
      app.request(`/api/users/${user}/members`, from('192.0.2.10', { authorization: `Bearer ${token}` }));
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call(first)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await call(second)).status).toBe(200);
  });
});

describe('Redis down at start-up', () => {
  it('the server starts at once and serves, counting in memory; one log line, never the URL; /readyz stays 200', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // a port nothing listens on
    const closedPort = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Connect</title>');
    const server = await startServer(
      {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        ACCESS_LOG: '0',
        PARTNER_SECRET,
        RATE_LIMIT_PER_SESSION: '3',
        REDIS_URL: `redis://:s3cret@127.0.0.1:${closedPort}`,
      },
      dist,
    );
    try {
      const { user, token } = await partnerSession(overHttp(server.url), PARTNER_SECRET);
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        const res = await fetch(`${server.url}/api/users/${user}/members`, {
          headers: { authorization: `Bearer ${token}` },
        });
        statuses.push(res.status);
      }
      // still limited, per instance
      expect(statuses).toEqual([200, 200, 200, 429]);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ok: true, rateLimitStore: 'unavailable' });
      const lines = warn.mock.calls.map(([line]) => String(line));
      expect(lines.filter((line) => line.includes('Redis unavailable'))).toHaveLength(1);
      for (const line of lines) expect(line).not.toMatch(/s3cret|redis:\/\//);
    } finally {
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('reconnects forever, every 0.1 s doubling to at most 5 s', () => {
    expect([0, 1, 2, 5, 6, 50, 10_000].map(reconnectDelay)).toEqual([100, 200, 400, 3_200, 5_000, 5_000, 5_000]);
    expect(MAX_RECONNECT_DELAY_MS).toBe(5_000);
  });
});

describe('clientAddress behind a trusted proxy (TRUST_PROXY=1)', () => {
  /** The address the limiter keys on for a request with this X-Forwarded-For (no socket in-process). */
  const addressFor = (forwardedFor: string | undefined, trustProxy = true) => {
    const headers = new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor });
    const context = { req: { header: (name: string) => headers.get(name) ?? undefined }, env: {} };
    return clientAddress(context as unknown as Parameters<typeof clientAddress>[0], trustProxy);
  };

  it('takes the last hop when it is an IP address', () => {
    expect(addressFor('198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(addressFor('2001:db8::1')).toBe('2001:db8::1');
  });

  it('ignores a last hop that is not an IP address, or too long to be one, for the socket address', () => {
    for (const junk of ['203.0.113.7, not-an-ip', 'evil.example', `1.2.3.4, ${'9'.repeat(5_000)}`, '1.2.3.4,', '']) {
      expect(addressFor(junk)).toBe('unknown');
    }
  });

  it('ignores the header without TRUST_PROXY', () => {
    expect(addressFor('203.0.113.7', false)).toBe('unknown');
  });
});
