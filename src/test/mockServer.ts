import { createMockBackend, type MockBackendOptions } from '../../server/upstreams/mock/app';
import { mxBankMember } from '../../server/upstreams/mock/sandbox';

export const TEST_ORIGIN = 'http://widget.test';

/**
 * The real mock backend, called in-process. `request` speaks HTTP to it like a browser would;
 * `fetch` is what the widget's API client is given.
 */
export function startMockServer(options: MockBackendOptions = {}) {
  const backend = createMockBackend({ mode: 'test', controlApi: true, clockSpeed: 0, ...options });

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, TEST_ORIGIN);
    // jsdom's AbortSignal is not Node's, so the signal stays on the client side of this adapter
    const request = new Request(url, {
      method: init?.method ?? 'GET',
      headers: init?.headers,
      body: init?.body ?? null,
    });
    const signal = init?.signal;
    if (!signal) return backend.fetch(request);
    return new Promise<Response>((resolve, reject) => {
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      backend.fetch(request).then(resolve, reject);
    });
  };

  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  };

  let users = 0;
  return {
    backend,
    fetch,
    request,
    advance: (ms: number) => request('POST', '/mock/clock', { advance_ms: ms }),
    async createUser(): Promise<string> {
      // a partner's id names one user (a second one is 409, as at MX)
      const res = await request('POST', '/api/users', { user: { id: `tester-${(users += 1)}` } });
      return (res.json as { user: { guid: string } }).user.guid;
    },
    /** A member at MX Bank, created over HTTP as a partner's back end would (no widget involved). */
    async createMember(user: string, password: string, username = 'jane'): Promise<string> {
      const res = await request('POST', `/api/users/${user}/members`, mxBankMember(password, username));
      return (res.json as { member: { guid: string } }).member.guid;
    },
    async log(): Promise<{ method: string; path: string; query?: string; status: number; body?: unknown }[]> {
      return ((await request('GET', '/mock/log')).json as { requests: never[] }).requests;
    },
  };
}

export type MockServer = ReturnType<typeof startMockServer>;

/** Makes every request to `route` answer 200 with this raw body (broken JSON, or JSON of the wrong shape). */
export function serveRaw(server: MockServer, route: string, body: string) {
  return server.request('POST', '/mock/faults', { rules: [{ route, kind: 'malformed', body }] });
}

/** Makes every status poll answer with this member status, whatever the member really is. */
export function serveStatus(server: MockServer, member: Record<string, unknown>) {
  return serveRaw(server, 'GET /users/*/members/*/status', JSON.stringify({ member: { guid: 'MBR-x', ...member } }));
}

/**
 * What a person does on the mock's OAuth provider page: open it (which mints the form's
 * anti-forgery token) and press a button. `token` overrides what the page minted.
 */
export async function decideOauth(server: MockServer, windowUri: string, decision: string, token?: string) {
  const page = await server.request('GET', new URL(windowUri).pathname);
  const minted = /name="form_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return server.backend.fetch(
    new Request(windowUri, {
      method: 'POST',
      body: new URLSearchParams({ decision, form_token: token ?? minted }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  );
}
