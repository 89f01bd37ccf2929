import type { MxApiVersion } from './apiVersion';

/**
 * The only MX Platform API routes the widget uses, and so the only ones the server forwards.
 * Anything else is a 404 from the server itself, never a request upstream.
 */
export interface AllowedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** MX path template; `:name` is one opaque segment */
  path: string;
  /**
   * The query parameters MX's spec defines for the route, per API version
   * (vendor/mx-openapi/mx_platform_api.yml and v20250224.yml); no entry means none. Only these
   * are forwarded to MX: a parameter MX does not define is never sent (issue #23).
   */
  query?: Readonly<Record<MxApiVersion, readonly string[]>>;
}

/** The same query parameters in both versions. */
const both = (...names: string[]) => ({ v1: names, v20250224: names });
const PAGE = ['page', 'records_per_page'];

export const WIDGET_ROUTES: readonly AllowedRoute[] = [
  {
    method: 'GET',
    path: '/institutions',
    query: {
      v1: [
        'name',
        'iso_country_code',
        ...PAGE,
        'supports_account_identification',
        'supports_account_statement',
        'supports_account_verification',
        'supports_transaction_history',
      ],
      v20250224: ['name', 'iso_country_code', ...PAGE, 'supported_products'],
    },
  },
  // no product filter here in either version: the server filters the list itself (apiVersion.ts)
  { method: 'GET', path: '/institutions/favorites', query: both('iso_country_code', ...PAGE) },
  { method: 'GET', path: '/institutions/:institution_code' },
  { method: 'GET', path: '/institutions/:institution_code/credentials', query: both(...PAGE) },
  { method: 'GET', path: '/users/:user_guid/members', query: both(...PAGE, 'use_case') },
  { method: 'POST', path: '/users/:user_guid/members' },
  { method: 'GET', path: '/users/:user_guid/members/:member_guid' },
  { method: 'PUT', path: '/users/:user_guid/members/:member_guid' },
  { method: 'DELETE', path: '/users/:user_guid/members/:member_guid' },
  {
    method: 'POST',
    path: '/users/:user_guid/members/:member_guid/aggregate',
    query: { v1: ['include_holdings', 'include_transactions'], v20250224: [] },
  },
  { method: 'GET', path: '/users/:user_guid/members/:member_guid/status' },
  { method: 'PUT', path: '/users/:user_guid/members/:member_guid/resume' },
  {
    method: 'GET',
    path: '/users/:user_guid/members/:member_guid/oauth_window_uri',
    query: both(
      'client_redirect_url',
      'enable_app2app',
      'referral_source',
      'skip_aggregation',
      'ui_message_webview_url_scheme',
    ),
  },
  {
    method: 'GET',
    path: '/users/:user_guid/members/:member_guid/accounts',
    query: both('member_is_managed_by_user', ...PAGE),
  },
  { method: 'POST', path: '/users/:user_guid/accounts' },
  { method: 'POST', path: '/users/:user_guid/micro_deposits' },
  { method: 'GET', path: '/users/:user_guid/micro_deposits/:micro_deposit_guid' },
  { method: 'DELETE', path: '/users/:user_guid/micro_deposits/:micro_deposit_guid' },
  // no user in MX's path: the server first checks the microdeposit is the session user's
  { method: 'PUT', path: '/micro_deposits/:micro_deposit_guid/verify' },
  // not MX: the routing-number check before a microdeposit (widgetApi answers it itself in mx mode)
  { method: 'GET', path: '/micro_deposits/routing_numbers/:routing_number' },
];

/**
 * The MX routes the partner API calls server to server (server/partnerApi.ts): create a user, read
 * one before minting its widget URL, find one by `id` after a 409. Never reachable from /api/*.
 */
export const PARTNER_ROUTES: readonly AllowedRoute[] = [
  { method: 'POST', path: '/users' },
  { method: 'GET', path: '/users', query: both(...PAGE, 'id', 'email', 'is_disabled') },
  { method: 'GET', path: '/users/:user_guid' },
];

/** One opaque path segment: guids and institution codes, nothing that could climb or smuggle. */
const SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Whether every segment of a path (`/a/b`, as sent: percent-encoding not decoded) is opaque: 1–128
 * of A–Z, a–z, 0–9, `_`, `-`. So no `..`, no encoded slash or dot, no empty segment, no unicode.
 */
export function hasOpaqueSegments(path: string): boolean {
  const parts = path.split('/').slice(1);
  return parts.length > 0 && parts.every((p) => SEGMENT.test(p));
}

export interface MatchedRoute {
  route: AllowedRoute;
  params: Record<string, string>;
}

/** The widget route (/api/*) a request is for, with its parameters; null when it is not one of them. */
export function matchWidgetRoute(method: string, path: string): MatchedRoute | null {
  return matchRoute(WIDGET_ROUTES, method, path);
}

/**
 * The route any call the server makes upstream is for: the widget's, then the partner API's. The
 * mx upstream forwards only the query parameters this route's entry defines.
 */
export function matchUpstreamRoute(method: string, path: string): MatchedRoute | null {
  return matchRoute(WIDGET_ROUTES, method, path) ?? matchRoute(PARTNER_ROUTES, method, path);
}

function matchRoute(routes: readonly AllowedRoute[], method: string, path: string): MatchedRoute | null {
  if (!hasOpaqueSegments(path)) return null;
  const parts = path.split('/').slice(1);
  for (const route of routes) {
    if (route.method !== method) continue;
    const template = route.path.split('/').slice(1);
    if (template.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = template.every((t, i) => {
      const part = parts[i] ?? '';
      if (t.startsWith(':')) {
        params[t.slice(1)] = part;
        return true;
      }
      return t === part;
    });
    if (fits) return { route, params };
  }
  return null;
}
