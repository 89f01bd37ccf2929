// @vitest-environment node
import { createServer, type Server } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockBackend } from '../mock/app';
import { MX_BANK } from '../mock/sandbox';
import { accessLog } from '../../accessLog';
import { bearer, mxBankMemberBody, partnerSession, testApp } from '../../testSupport';
import { matchWidgetRoute } from '../allowList';
import { createMxUpstream, MAX_UPSTREAM_BODY_BYTES } from './upstream';

/** A stand-in for MX on its own port: the mock backend, recording the headers each request brought. */
const seen: {
  path: string;
  query: string;
  authorization: string | null;
  accept: string | null;
  version: string | null;
}[] = [];
let standIn: ServerType;
let base = '';
const API_KEY = 'mx-api-key-that-must-never-leak';

beforeAll(async () => {
  const mock = createMockBackend({ mode: 'test' });
  standIn = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (request) => {
      const url = new URL(request.url);
      seen.push({
        path: url.pathname,
        query: url.search,
        authorization: request.headers.get('authorization'),
        accept: request.headers.get('accept'),
        version: request.headers.get('accept-version'),
      });
      if (url.pathname === '/api/institutions/slow') await new Promise((r) => setTimeout(r, 500));
      if (url.pathname === '/api/institutions/boom') return new Response('<html>oops</html>', { status: 500 });
      return mock.fetch(request);
    },
  });
  await new Promise((resolve) => standIn.once('listening', resolve));
  const address = standIn.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
});
afterAll(() => new Promise<void>((resolve) => standIn.close(() => resolve())));

const upstream = (overrides: Partial<Parameters<typeof createMxUpstream>[0]> = {}) =>
  createMxUpstream({ baseUrl: base, clientId: 'client-id', apiKey: API_KEY, timeoutMs: 2_000, ...overrides });

describe('the mx upstream, against a stand-in for MX on another port', () => {
  it('adds HTTP Basic auth and the MX Accept header, and passes MX bodies through', async () => {
    const response = await upstream()({ method: 'GET', path: `/institutions/${MX_BANK.code}`, search: '' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { institution: { code: string } }).institution.code).toBe(MX_BANK.code);
    const request = seen.at(-1);
    expect(request?.accept).toBe('application/vnd.mx.api.v1+json, application/json;q=0.9');
    expect(request?.authorization).toBe(`Basic ${Buffer.from(`client-id:${API_KEY}`).toString('base64')}`);
  });

  it('passes a 4xx through with its message, and nothing of the key', async () => {
    const response = await upstream()({ method: 'GET', path: '/institutions/nope', search: '' });
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { status: 404, message: expect.stringContaining('nope') } });
    expect(text).not.toContain(API_KEY);
  });

  it('an upstream 5xx becomes 502 in the MX error shape', async () => {
    const response = await upstream()({ method: 'GET', path: '/institutions/boom', search: '' });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { status: 502 } });
  });

  it('an upstream that does not answer in time becomes 504', async () => {
    const response = await upstream({ timeoutMs: 100 })({ method: 'GET', path: '/institutions/slow', search: '' });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { status: 504 } });
  });

  it('a refused connection becomes 502', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe: Server = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
      });
    });
    const response = await upstream({ baseUrl: `http://127.0.0.1:${port}` })({
      method: 'GET',
      path: '/institutions',
      search: '',
    });
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(API_KEY);
  });
});

/** A fake MX answering one body in one media type, recording the URL and headers of each request. */
function fakeMx(body: unknown, contentType = 'application/json') {
  const requests: { url: string; headers: Headers }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    requests.push({ url: String(input), headers: new Headers(init?.headers) });
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        headers: { 'content-type': contentType },
      }),
    );
  };
  return { fetch, requests };
}

describe('the mx upstream per API version', () => {
  it('v20250224 sends Accept: application/json and Accept-Version; v1 sends no Accept-Version', async () => {
    const mx = fakeMx({ institution: { code: 'mxbank' } });
    await upstream({ version: 'v20250224', fetch: mx.fetch })({
      method: 'GET',
      path: '/institutions/mxbank',
      search: '',
    });
    await upstream({ version: 'v1', fetch: mx.fetch })({ method: 'GET', path: '/institutions/mxbank', search: '' });
    expect(mx.requests.map((r) => [r.headers.get('accept'), r.headers.get('accept-version')])).toEqual([
      ['application/json', 'v20250224'],
      ['application/vnd.mx.api.v1+json, application/json;q=0.9', null],
    ]);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/vnd.mx.api.v1+json'])(
    'reads a body sent as %s, and hands the widget MX’s vendor type',
    async (type) => {
      const mx = fakeMx({ micro_deposit: [{ guid: 'MIC-1', status: 'INITIATED' }] }, type);
      const response = await upstream({ fetch: mx.fetch })({
        method: 'GET',
        path: '/users/USR-1/micro_deposits/MIC-1',
        search: '',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.mx.api.v1+json');
      expect(await response.json()).toEqual({ micro_deposit: { guid: 'MIC-1', status: 'INITIATED' } });
    },
  );

  it('a success that is not JSON, or is too large, becomes 502', async () => {
    const html = fakeMx('<html>hi</html>', 'text/html');
    expect((await upstream({ fetch: html.fetch })({ method: 'GET', path: '/institutions', search: '' })).status).toBe(
      502,
    );
    const huge = fakeMx(`{"institutions":["${'x'.repeat(MAX_UPSTREAM_BODY_BYTES)}"]}`);
    expect((await upstream({ fetch: huge.fetch })({ method: 'GET', path: '/institutions', search: '' })).status).toBe(
      502,
    );
  });

  it('forwards only the query parameters MX defines; a routing-number search is refused, never sent', async () => {
    const mx = fakeMx({ institutions: [], pagination: {} });
    const mxUpstream = upstream({ version: 'v20250224', fetch: mx.fetch });
    await mxUpstream({
      method: 'GET',
      path: '/institutions',
      search: '?name=mx&supports_oauth=true&supports_account_verification=true&records_per_page=25',
    });
    const refused = await mxUpstream({ method: 'GET', path: '/institutions', search: '?routing_number=123456780' });
    expect(refused.status).toBe(422);
    expect(mx.requests.map((r) => new URL(r.url).search)).toEqual([
      '?name=mx&records_per_page=25&supported_products=account_verification',
    ]);
  });

  it.each(['v1', 'v20250224'] as const)(
    '%s: favorites in verification mode are filtered by the server, not by a parameter MX lacks',
    async (version) => {
      const shape = (verifies: boolean) =>
        version === 'v1'
          ? { supports_account_verification: verifies }
          : { supported_products: verifies ? ['account_verification'] : [] };
      const mx = fakeMx({
        institutions: [
          { code: 'a', ...shape(true) },
          { code: 'b', ...shape(false) },
          { code: 'c', ...shape(true) },
        ],
        pagination: { current_page: 1, per_page: 100, total_entries: 3, total_pages: 1 },
      });
      const response = await upstream({ version, fetch: mx.fetch })({
        method: 'GET',
        path: '/institutions/favorites',
        search: '?records_per_page=25&supports_account_verification=true',
      });
      expect(new URL(mx.requests[0]?.url ?? '').search).toBe('?records_per_page=100');
      const body = (await response.json()) as { institutions: { code: string }[] };
      expect(body.institutions.map((i) => i.code)).toEqual(['a', 'c']);
    },
  );
});

describe('the whole server in mx mode, against the stand-in', () => {
  it('itself sends MX no route off the allow-list, whoever in the server asks', async () => {
    seen.length = 0;
    const mx = upstream();
    for (const path of ['/users/USR-1/transactions', '/users/USR-1%20', '/users/USR-1/../USR-2', '/']) {
      const response = await mx({ method: 'GET', path, search: '' });
      expect(response.status).toBe(404);
    }
    expect(seen).toEqual([]);
  });

  it('forwards only allow-listed routes, and no response or log line carries the key', async () => {
    const lines: string[] = [];
    const { app, config } = testApp(
      {},
      { upstream: () => upstream(), sandbox: false, middleware: [accessLog({ write: (line) => lines.push(line) })] },
    );
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET);
    const auth = bearer(token);
    seen.length = 0;
    const bodies: string[] = [];
    const call = async (method: string, path: string, body?: string) => {
      const response = await app.request(path, { method, headers: auth, body });
      bodies.push(`${response.status} ${[...response.headers].join(';')} ${await response.text()}`);
      return response.status;
    };
    expect(await call('GET', `/api/institutions/${MX_BANK.code}`)).toBe(200);
    expect(await call('POST', `/api/users/${user}/members`, mxBankMemberBody('password'))).toBe(202);
    // none of these is a route the widget uses: refused by the server, never sent to MX
    expect(await call('GET', `/api/users/${user}`)).toBe(404);
    expect(await call('DELETE', `/api/users/${user}`)).toBe(404);
    expect(await call('GET', `/api/users/${user}/members/MBR-1/transactions`)).toBe(404);
    expect(await call('POST', '/api/mock/reset')).toBe(404);
    expect(seen.map((r) => r.path)).toEqual([`/api/institutions/${MX_BANK.code}`, `/api/users/${user}/members`]);
    const key64 = Buffer.from(`client-id:${API_KEY}`).toString('base64');
    for (const text of [...bodies, ...lines]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(key64);
    }
  });
});

describe.each(['v1', 'v20250224'] as const)('the whole server in mx mode with MX_API_VERSION=%s', (version) => {
  it('reads the stand-in in the widget’s one shape: flags, the same verifying favorites, a microdeposit', async () => {
    const { app, config } = testApp(
      { MX_API_VERSION: version },
      { upstream: () => upstream({ version }), sandbox: false },
    );
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET);
    const headers = bearer(token);
    const read = async (path: string, init: RequestInit = {}) => {
      const response = await app.request(path, { headers, ...init });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    seen.length = 0;

    const bank = await read(`/api/institutions/${MX_BANK.code}`);
    expect(bank.body.institution).toMatchObject({ code: MX_BANK.code, supports_account_verification: true });
    expect(seen.at(-1)?.version).toBe(version === 'v1' ? null : 'v20250224');

    const favorites = await read('/api/institutions/favorites?records_per_page=25&supports_account_verification=true');
    const codes = (favorites.body.institutions as { code: string; supports_account_verification: boolean }[]).map(
      (i) => [i.code, i.supports_account_verification],
    );
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every(([, verifies]) => verifies === true)).toBe(true);
    // the mock's own filter (not MX's) agrees with what the server filtered from the whole list
    const mockFiltered = createMockBackend({ mode: 'test' });
    const expected = (await (
      await mockFiltered.fetch(
        new Request(
          'http://mock.test/api/institutions/favorites?records_per_page=25&supports_account_verification=true',
        ),
      )
    ).json()) as { institutions: { code: string }[] };
    expect(codes.map(([code]) => code)).toEqual(expected.institutions.map((i) => i.code));
    expect(seen.at(-1)?.query).toBe('?records_per_page=100');

    const micro = await read(`/api/users/${user}/micro_deposits`, {
      method: 'POST',
      body: JSON.stringify({
        micro_deposit: {
          account_number: '123456789',
          account_type: 'CHECKING',
          routing_number: '091000019',
          first_name: 'Jane',
          last_name: 'Doe',
          email: 'jane@example.com',
        },
      }),
    });
    expect(micro.status).toBe(200);
    expect(micro.body.micro_deposit).toMatchObject({ guid: expect.stringMatching(/^MIC-/) });
  });
});

describe('the allow-list', () => {
  it.each([
    ['GET', '/institutions', true],
    ['GET', '/users/USR-1/members/MBR-1/status', true],
    ['PUT', '/users/USR-1/members/MBR-1/resume', true],
    ['DELETE', '/users/USR-1', false],
    ['POST', '/users', false],
    ['POST', '/users/USR-1/widget_urls', false],
    ['GET', '/users/USR-1/members/MBR-1/transactions', false],
    ['GET', '/users/USR-1/members/../../admin', false],
    ['GET', '/users/USR-1/members/MBR-1%2F..%2Fx/status', false],
    ['GET', '/institutions/mxbank/credentials/extra', false],
  ])('%s %s → %s', (method, path, allowed) => {
    expect(matchWidgetRoute(method, path) !== null).toBe(allowed);
  });

  it('names the user and member of a member route', () => {
    expect(matchWidgetRoute('GET', '/users/USR-1/members/MBR-2/accounts')?.params).toEqual({
      user_guid: 'USR-1',
      member_guid: 'MBR-2',
    });
  });
});

describe('the partner API’s own calls', () => {
  it('a lookup by id keeps its id (the 409 answer names that user, not the first one MX lists)', async () => {
    const seen: string[] = [];
    const upstream = createMxUpstream({
      baseUrl: 'https://mx.example',
      clientId: 'c',
      apiKey: 'k',
      timeoutMs: 1_000,
      fetch: async (input) => {
        seen.push(String(input));
        return new Response('{"users":[]}', { headers: { 'content-type': 'application/json' } });
      },
    });
    await upstream({ method: 'GET', path: '/users', search: '?id=partner-42&secret=x' });
    expect(seen).toEqual(['https://mx.example/users?id=partner-42']);
  });
});
