/**
 * The only MX Platform API routes the widget uses, and so the only ones the server forwards.
 * Anything else is a 404 from the server itself, never a request upstream.
 */
export interface AllowedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** MX path template; `:name` is one opaque segment */
  path: string;
}

export const WIDGET_ROUTES: readonly AllowedRoute[] = [
  { method: 'GET', path: '/institutions' },
  { method: 'GET', path: '/institutions/favorites' },
  { method: 'GET', path: '/institutions/:institution_code' },
  { method: 'GET', path: '/institutions/:institution_code/credentials' },
  { method: 'GET', path: '/users/:user_guid/members' },
  { method: 'POST', path: '/users/:user_guid/members' },
  { method: 'GET', path: '/users/:user_guid/members/:member_guid' },
  { method: 'PUT', path: '/users/:user_guid/members/:member_guid' },
  { method: 'DELETE', path: '/users/:user_guid/members/:member_guid' },
  { method: 'POST', path: '/users/:user_guid/members/:member_guid/aggregate' },
  { method: 'GET', path: '/users/:user_guid/members/:member_guid/status' },
  { method: 'PUT', path: '/users/:user_guid/members/:member_guid/resume' },
  { method: 'GET', path: '/users/:user_guid/members/:member_guid/oauth_window_uri' },
  { method: 'GET', path: '/users/:user_guid/members/:member_guid/accounts' },
  { method: 'POST', path: '/users/:user_guid/accounts' },
  { method: 'POST', path: '/users/:user_guid/micro_deposits' },
  { method: 'GET', path: '/users/:user_guid/micro_deposits/:micro_deposit_guid' },
  { method: 'DELETE', path: '/users/:user_guid/micro_deposits/:micro_deposit_guid' },
  // no user in MX's path: the server first checks the microdeposit is the session user's
  { method: 'PUT', path: '/micro_deposits/:micro_deposit_guid/verify' },
  // not MX: the routing-number check before a microdeposit (widgetApi answers it itself in mx mode)
  { method: 'GET', path: '/micro_deposits/routing_numbers/:routing_number' },
];

/** One opaque path segment: guids and institution codes, nothing that could climb or smuggle. */
const SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

export interface MatchedRoute {
  route: AllowedRoute;
  params: Record<string, string>;
}

/** The allowed route a request is for, with its parameters; null when it is not one of them. */
export function matchWidgetRoute(method: string, path: string): MatchedRoute | null {
  const parts = path.split('/').slice(1);
  if (parts.length === 0 || parts.some((p) => !SEGMENT.test(p))) return null;
  for (const route of WIDGET_ROUTES) {
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
