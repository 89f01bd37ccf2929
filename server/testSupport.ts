import type { MiddlewareHandler } from 'hono';
import { createServerApp } from './app';
import { loadConfig, type ServerConfig } from './config';
import { mxBankMember } from './upstreams/mock/sandbox';
import { createMockUpstream } from './upstreams/mock/upstream';
import type { Upstream } from './upstreams/types';

/** The demo host page's origin, which the test configuration's CONNECT_HOST_ORIGINS allows. */
export const TEST_HOST_ORIGIN = 'http://127.0.0.1:4174';

/**
 * An environment production accepts with the mock upstream (every variable without a default set,
 * nothing local): for tests of what production does differently, e.g. `testApp(PRODUCTION_MOCK_ENV)`.
 */
export const PRODUCTION_MOCK_ENV = {
  NODE_ENV: 'production',
  CONNECT_UPSTREAM: 'mock',
  // long enough, and neither the demo's nor .env.example's
  PARTNER_SECRET: 'p'.repeat(24),
  SESSION_SECRET: 's'.repeat(40),
  // where it runs and whom it serves: production has no default for these
  HOST: '0.0.0.0',
  PUBLIC_ORIGIN: 'https://connect.bank.test',
  CONNECT_HOST_ORIGINS: 'https://app.bank.test',
} as const;

/** The variables that make `CONNECT_UPSTREAM=mx` load outside production (MX itself is never called). */
export const MX_TEST_ENV = {
  CONNECT_UPSTREAM: 'mx',
  MX_BASE_URL: 'http://127.0.0.1:9',
  MX_CLIENT_ID: 'id',
  MX_API_KEY: 'key',
} as const;

/**
 * The server's configuration from `env` laid over `NODE_ENV=test` (so an env naming
 * `NODE_ENV: 'production'` loads as production). Throws the loader's one-line refusal.
 */
export function testConfig(env: Record<string, string> = {}): ServerConfig {
  const loaded = loadConfig({ NODE_ENV: 'test', ...env });
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.config;
}

export interface TestAppOptions {
  /** stands in for the mock on some calls: given the mock's upstream, returns the one the server calls */
  upstream?: (mock: Upstream) => Upstream;
  /** serve the mock's /mock control API (clock, faults, log, help requests) */
  controlApi?: boolean;
  /**
   * false: a server without the mock's own site (OAuth pages, /mock, logos, help desk), as with MX.
   * True by default, as `npm start` in mock mode.
   */
  sandbox?: boolean;
  /** e.g. the access log */
  middleware?: MiddlewareHandler[];
}

/**
 * The production server over a fresh in-process mock, as the server tests build it: `env` as for
 * `testConfig`; `mock` is the mock's upstream, backend and sandbox site (its state and control API
 * for the test); `config` the loaded configuration. Each call has its own mock and rate limits.
 */
export function testApp(env: Record<string, string> = {}, options: TestAppOptions = {}) {
  const config = testConfig(env);
  const mock = createMockUpstream({ mode: 'test', controlApi: options.controlApi });
  const app = createServerApp({
    config,
    upstream: options.upstream ? options.upstream(mock.upstream) : mock.upstream,
    sandbox: options.sandbox === false ? undefined : mock.sandbox,
    middleware: options.middleware,
  });
  return { app, mock, config };
}

/** What `testApp` returns: `TestApp['app']`, `TestApp['mock']`. */
export type TestApp = ReturnType<typeof testApp>;

/** What the widget sends to create a member at MX Bank with this password (server tests). */
export function mxBankMemberBody(password: string, username = 'jane'): string {
  return JSON.stringify(mxBankMember(password, username));
}

/** The headers of a call with this bearer token (a session token, or the partner secret) and a JSON body. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** An app in-process (Hono's `request`) or a listening server (`overHttp`). */
interface RequestsApp {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** A listening server at `base` (e.g. `http://127.0.0.1:40123`) as an app for `partnerSession`. */
export const overHttp = (base: string): RequestsApp => ({ request: (path, init) => fetch(`${base}${path}`, init) });

/**
 * What a partner's back end does first: create a user (`user` is its body, e.g. `{ email }`); its
 * guid. Throws unless the server answers 200.
 */
export async function partnerUser(
  app: RequestsApp,
  partnerSecret: string,
  user: Record<string, string> = {},
): Promise<string> {
  const created = await app.request('/partner/users', {
    method: 'POST',
    headers: bearer(partnerSecret),
    body: JSON.stringify({ user }),
  });
  if (created.status !== 200) throw new Error(`POST /partner/users answered ${created.status}`);
  return ((await created.json()) as { user: { guid: string } }).user.guid;
}

/**
 * What a partner's back end does: create a user (`userBody` as for `partnerUser`), mint a widget URL
 * for it framed by `parentOrigin`; the user's guid and the session token the URL carries. Throws
 * unless both calls answer 200.
 */
export async function partnerSession(
  app: RequestsApp,
  partnerSecret: string,
  parentOrigin = TEST_HOST_ORIGIN,
  userBody: Record<string, string> = {},
): Promise<{ user: string; token: string }> {
  const user = await partnerUser(app, partnerSecret, userBody);
  const minted = await app.request(`/partner/users/${user}/widget_urls`, {
    method: 'POST',
    headers: bearer(partnerSecret),
    body: JSON.stringify({ widget_url: { widget_type: 'connect_widget' }, parent_origin: parentOrigin }),
  });
  if (minted.status !== 200) throw new Error(`POST /partner/users/{guid}/widget_urls answered ${minted.status}`);
  const url = ((await minted.json()) as { widget_url: { url: string } }).widget_url.url;
  return { user, token: new URL(url).searchParams.get('session_token') ?? '' };
}
