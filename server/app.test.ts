// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { mintSessionToken } from './sessions';
import {
  bearer,
  mxBankMemberBody,
  partnerSession,
  partnerUser,
  TEST_HOST_ORIGIN as HOST,
  testApp,
  testConfig,
  type TestApp,
} from './testSupport';

const config = testConfig();

let app: TestApp['app'];

beforeEach(() => {
  app = testApp().app;
});

const newUser = () => partnerUser(app, config.PARTNER_SECRET);
const newSession = () => partnerSession(app, config.PARTNER_SECRET);

/** A widget URL as a partner would mint it, and the token it carries. */
async function mint(user: string, parentOrigin = HOST) {
  const res = await app.request(`/partner/users/${user}/widget_urls`, {
    method: 'POST',
    headers: bearer(config.PARTNER_SECRET),
    body: JSON.stringify({
      widget_url: { widget_type: 'connect_widget', mode: 'aggregation' },
      parent_origin: parentOrigin,
    }),
  });
  return res;
}

async function tokenFor(user: string): Promise<string> {
  const res = await mint(user);
  const url = new URL(((await res.json()) as { widget_url: { url: string } }).widget_url.url);
  return url.searchParams.get('session_token') ?? '';
}

async function createMember(user: string, token: string): Promise<string> {
  const res = await app.request(`/api/users/${user}/members`, {
    method: 'POST',
    headers: bearer(token),
    body: mxBankMemberBody('password'),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { member: { guid: string } }).member.guid;
}

describe('the partner API', () => {
  it('refuses a missing or wrong partner secret', async () => {
    expect((await app.request('/partner/users', { method: 'POST', body: '{}' })).status).toBe(401);
    const wrong = await app.request('/partner/users', {
      method: 'POST',
      headers: { authorization: 'Bearer not-the-secret' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
  });

  it('mints a URL for an allowed parent_origin, carrying a session token', async () => {
    const user = await newUser();
    const res = await mint(user);
    expect(res.status).toBe(200);
    const url = new URL(((await res.json()) as { widget_url: { url: string } }).widget_url.url);
    expect(url.searchParams.get('parent_origin')).toBe(HOST);
    expect(url.searchParams.get('session_token')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('422 naming parent_origin for an origin outside CONNECT_HOST_ORIGINS', async () => {
    const res = await mint(await newUser(), 'https://evil.example');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { field: 'parent_origin', status: 422 } });
  });
});

describe('the widget API trusts nobody', () => {
  it('a valid session reads its own user’s data', async () => {
    const { user, token } = await newSession();
    const res = await app.request(`/api/users/${user}/members`, { headers: bearer(token) });
    expect(res.status).toBe(200);
  });

  it('401 with no token, a tampered signature, an expired token or garbage — never a 500', async () => {
    const { user, token } = await newSession();
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${p}.${(s ?? '').slice(0, -2)}AA`;
    const expired = await mintSessionToken(
      config.SESSION_SECRET,
      { user_guid: user, session_guid: 'SES-1', parent_origin: HOST, options: {} },
      60,
      Math.floor(Date.now() / 1000) - 3_600,
    );
    const headers = [
      {},
      bearer(tampered),
      bearer(expired),
      { authorization: 'Bearer' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: `Bearer ${'x'.repeat(10_000)}` },
      { authorization: 'Bearer a.b.c' },
      { authorization: 'Bearer \u00ff\u00fe' },
    ];
    for (const h of headers) {
      const res = await app.request(`/api/users/${user}/members`, { headers: h as Record<string, string> });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { status: 401 } });
    }
    const res = await app.request(`/api/users/${user}/members`, { headers: bearer(expired) });
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('expired');
  });

  it('403 for a path naming another user', async () => {
    const mine = await newUser();
    const theirs = await newUser();
    const res = await app.request(`/api/users/${theirs}/members`, { headers: bearer(await tokenFor(mine)) });
    expect(res.status).toBe(403);
  });

  it('404 for another user’s member, even under one’s own user', async () => {
    const victim = await newUser();
    const member = await createMember(victim, await tokenFor(victim));
    const attacker = await newUser();
    const res = await app.request(`/api/users/${attacker}/members/${member}/status`, {
      headers: bearer(await tokenFor(attacker)),
    });
    expect(res.status).toBe(404);
  });

  it('404 for any route the widget does not use, without a call upstream', async () => {
    const { user, token } = await newSession();
    for (const [method, path] of [
      ['POST', '/api/users'],
      ['POST', `/api/users/${user}/widget_urls`],
      ['DELETE', `/api/users/${user}`],
      ['GET', '/api/users/../mock/log'],
    ] as const) {
      const res = await app.request(path, {
        method,
        headers: bearer(token),
        body: method === 'GET' ? undefined : '{}',
      });
      expect(res.status).toBe(404);
    }
  });

  it('413 for a body over 64 KiB, 415 for a body that is not JSON', async () => {
    const { user, token } = await newSession();
    const big = await app.request(`/api/users/${user}/members`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-length': String(70_000) },
      body: 'x'.repeat(70_000),
    });
    expect(big.status).toBe(413);
    const text = await app.request(`/api/users/${user}/members`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      body: '{"member":{}}',
    });
    expect(text.status).toBe(415);
  });

  it('sends no CORS grant', async () => {
    const { user, token } = await newSession();
    const res = await app.request(`/api/users/${user}/members`, {
      headers: { ...bearer(token), origin: 'http://localhost:9999' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('429 with Retry-After once a session makes too many calls; another session is unaffected', async () => {
    app = testApp({ RATE_LIMIT_PER_SESSION: '3' }).app;
    const { user, token } = await newSession();
    const statuses = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await app.request(`/api/users/${user}/members`, { headers: bearer(token) })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await app.request(`/api/users/${user}/members`, { headers: bearer(token) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { status: 429 } });
    const other = await tokenFor(user);
    expect((await app.request(`/api/users/${user}/members`, { headers: bearer(other) })).status).toBe(200);
  });
});
