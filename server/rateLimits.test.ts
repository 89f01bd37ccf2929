// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createServerApp } from './app';
import { loadConfig } from './config';
import { partnerSession } from './testSupport';
import { createMockUpstream } from './upstreams/mock/upstream';

const PARTNER_SECRET = 'rate-limit-partner-secret';

function appWith(env: Record<string, string>) {
  const loaded = loadConfig({ NODE_ENV: 'test', PARTNER_SECRET, TRUST_PROXY: '1', ...env });
  if (!loaded.ok) throw new Error(loaded.error);
  return createServerApp({ config: loaded.config, upstream: createMockUpstream({ mode: 'test' }).upstream });
}

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
    // a wrong partner secret counts too: guessing it is what the limit slows down
    expect((await create('203.0.113.7', 'not-the-partner-secret')).status).toBe(401);
    expect((await create('203.0.113.7')).status).toBe(200);
    expect((await create('203.0.113.7')).status).toBe(200);
    await expectTooMany(await create('203.0.113.7'));
    expect((await create('198.51.100.2')).status).toBe(200);
  });

  it('defaults to 3,000 a minute', () => {
    const loaded = loadConfig({ NODE_ENV: 'test' });
    expect(loaded.ok && loaded.config.RATE_LIMIT_PARTNER_PER_ADDRESS).toBe(3_000);
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
