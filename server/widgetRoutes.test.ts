// @vitest-environment node
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { mintSessionToken } from './sessions';
import type { UpstreamRequest } from './upstreams/types';
import { WIDGET_ROUTES } from './upstreams/allowList';
import { SANDBOX_VALID_NUMBER } from './upstreams/mock/microdeposits';
import { createMockUpstream } from './upstreams/mock/upstream';
import { widgetApi, type WidgetApiOptions } from './widgetApi';

const SECRET = 'x'.repeat(32);
const USER = 'USR-me';
const OTHER = 'USR-someone_else';

/**
 * The widget API mounted as app.ts mounts it, over the mock; every call it makes upstream recorded.
 * The session is USER's, or with `realUser` a user the mock has (as the partner API creates one).
 */
async function setUp(options: Partial<WidgetApiOptions> = {}, realUser = false) {
  const { upstream } = createMockUpstream({ mode: 'test' });
  const user = realUser
    ? (
        (await (await upstream({ method: 'POST', path: '/users', search: '', body: '{"user":{}}' })).json()) as {
          user: { guid: string };
        }
      ).user.guid
    : USER;
  const calls: UpstreamRequest[] = [];
  const app = new Hono().route(
    '/api',
    widgetApi({
      secret: SECRET,
      upstream: (request) => {
        calls.push(request);
        return upstream(request);
      },
      ...options,
    }),
  );
  const token = await mintSessionToken(
    SECRET,
    { user_guid: user, session_guid: 'SES-1', parent_origin: 'http://127.0.0.1:4174', options: {} },
    600,
  );
  const call = (method: string, path: string, body?: string, contentType = 'application/json') =>
    app.request(`/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
  return { call, calls, user };
}

/** A route's path with its parameters filled: the user given, every other parameter a plain id. */
const fill = (template: string, user: string) =>
  template.replace(':user_guid', user).replace(/:[a-z_]+/g, (name) => `ID-${name.slice(1)}`);

const MICRODEPOSIT = {
  micro_deposit: {
    account_number: '123456789',
    account_type: 'CHECKING',
    routing_number: SANDBOX_VALID_NUMBER,
    first_name: 'Jane',
    last_name: 'Doe',
    email: 'jane@example.com',
  },
};

const bodyFor = (method: string) => (method === 'POST' || method === 'PUT' ? '{}' : undefined);

async function expectNoRoute(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/vnd.mx.api.v1+json');
  expect(await response.json()).toMatchObject({ error: { status: 404, message: expect.stringContaining('No route') } });
}

describe('the widget API router', () => {
  it.each(WIDGET_ROUTES.map((r) => [r.method, r.path] as const))(
    'forwards %s %s upstream as sent',
    async (method, template) => {
      const { call, calls } = await setUp();
      const path = fill(template, USER);
      await call(method, `${path}?page=1`, bodyFor(method));
      // verify first asks whether the microdeposit is the user's; the mock says no, so no PUT follows
      const forwarded = calls.at(-1);
      if (template.endsWith('/verify')) {
        expect(calls).toEqual([
          expect.objectContaining({ method: 'GET', path: `/users/${USER}/micro_deposits/ID-micro_deposit_guid` }),
        ]);
        return;
      }
      expect(calls).toHaveLength(1);
      expect(forwarded).toMatchObject({ method, path, search: '?page=1', body: bodyFor(method) });
    },
  );

  it.each([
    ...WIDGET_ROUTES.filter((r) => r.path.startsWith('/users/:user_guid/')).map((r) => [r.method, r.path] as const),
    ['GET', '/users/:user_guid/help'] as const,
    ['POST', '/users/:user_guid/help'] as const,
  ])('403 for %s %s naming another user, nothing sent upstream', async (method, template) => {
    const { call, calls } = await setUp({ helpDesk: { kind: 'upstream' } });
    const res = await call(method, fill(template, OTHER), bodyFor(method));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { status: 403 } });
    expect(calls).toEqual([]);
  });

  it('help is a route of its own: GET and POST reach the help desk, nothing else does', async () => {
    const { call, calls } = await setUp({ helpDesk: { kind: 'upstream' } });
    await call('GET', `/users/${USER}/help`);
    await call('POST', `/users/${USER}/help`, '{"help_request":{}}');
    const reached = [`GET /users/${USER}/help`, `POST /users/${USER}/help`];
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(reached);
    await expectNoRoute(await call('PUT', `/users/${USER}/help`, '{}'));
    await expectNoRoute(await call('DELETE', `/users/${USER}/help`));
    expect(calls).toHaveLength(2);
  });

  it('verify goes upstream only for a microdeposit of the session’s user', async () => {
    const { call, calls } = await setUp();
    const res = await call('PUT', '/micro_deposits/MIC-not_mine/verify', '{"micro_deposit":{}}');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: 'Microdeposit not found: MIC-not_mine' } });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /users/${USER}/micro_deposits/MIC-not_mine`]);
  });

  it('verify goes upstream for a microdeposit the session’s user owns', async () => {
    const { call, calls, user } = await setUp({}, true);
    const created = await call('POST', `/users/${user}/micro_deposits`, JSON.stringify(MICRODEPOSIT));
    const micro = ((await created.json()) as { micro_deposit: { guid: string } }).micro_deposit.guid;
    calls.length = 0;
    const res = await call('PUT', `/micro_deposits/${micro}/verify`, '{"micro_deposit":{}}');
    expect(res.status).not.toBe(404);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /users/${user}/micro_deposits/${micro}`,
      `PUT /micro_deposits/${micro}/verify`,
    ]);
  });

  it('a body that is not JSON is 415 before the ownership check', async () => {
    const { calls, call } = await setUp();
    const res = await call('PUT', '/micro_deposits/MIC-1/verify', '{}', 'text/plain');
    expect(res.status).toBe(415);
    expect(calls).toEqual([]);
  });

  it('answers the routing-number check itself in mx mode', async () => {
    const { call, calls } = await setUp({ routingChecks: 'local' });
    const res = await call('GET', '/micro_deposits/routing_numbers/123456789');
    expect(await res.json()).toEqual({
      routing_number: { routing_number: '123456789', check: 'INVALID', institution_codes: [] },
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['an encoded slash', `/users/${USER}/members/MBR%2F1`],
    ['an encoded slash as the user', `/users/${USER}%2Fmembers`],
    ['an encoded dot-dot', `/users/${USER}/members/%2E%2E`],
    ['a dot-dot inside a segment', `/users/${USER}/members/MBR..1`],
    ['a 129-character segment', `/institutions/${'a'.repeat(129)}`],
    ['encoded unicode', '/institutions/caf%C3%A9'],
    ['unicode', '/institutions/café'],
    ['an empty segment', `/users/${USER}//members`],
    ['a trailing slash', '/institutions/'],
  ])('404 for a path with %s, nothing sent upstream', async (_, path) => {
    const { call, calls } = await setUp();
    await expectNoRoute(await call('GET', path));
    expect(calls).toEqual([]);
  });

  it('a 128-character segment is still one', async () => {
    const { call, calls } = await setUp();
    await call('GET', `/institutions/${'a'.repeat(128)}`);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['GET', '/users'],
    ['GET', '/nothing'],
    ['PATCH', `/users/${USER}/members`],
    ['POST', `/users/${USER}/members/MBR-1`],
    ['GET', '/micro_deposits/MIC-1/verify'],
    ['POST', '/institutions'],
  ])('404 in MX’s shape for %s %s, which is not a widget route', async (method, path) => {
    const { call, calls } = await setUp();
    await expectNoRoute(await call(method, path, bodyFor(method)));
    expect(calls).toEqual([]);
  });
});
