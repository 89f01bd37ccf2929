import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isJsonContentType, MAX_BODY_BYTES, MX_MEDIA_TYPE } from './http';
import { isValidRoutingNumber } from '../sdk/src/contract/routingNumber';
import type { Store } from 'hono-rate-limiter';
import { limitFailedAuth, limitPerSession } from './rateLimits';
import { verifySessionToken, type WidgetSession } from './sessions';
import { matchWidgetRoute } from './upstreams/allowList';
import { errorJson } from './errors';
import type { Upstream } from './upstreams/types';
import type { HelpDesk } from './help';
import type { LogoProxy } from './logos';
import { capabilitiesBody, type SearchCapabilities } from './upstreams/capabilities';
import { handleHelp, helpPathUser } from './helpRoutes';

type Env = { Variables: { session: WidgetSession } };

export interface SessionAuthOptions {
  secret: string;
}

/**
 * Every widget API call carries its session token (Authorization: Bearer …). No token, a bad
 * signature or an expired one is 401; anything malformed is 401 too, never a 500.
 *
 * @example api.use('*', sessionAuth({ secret }))
 */
export function sessionAuth({ secret }: SessionAuthOptions): MiddlewareHandler<Env> {
  return async function sessionAuthMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match?.[1]) return errorJson(401, 'This session has no valid token. Please start again.');
    const check = await verifySessionToken(secret, match[1]);
    if (!check.ok) {
      return errorJson(
        401,
        check.reason === 'expired' ? 'This session has expired. Please start again.' : 'This session is not valid.',
      );
    }
    c.set('session', check.session);
    return next();
  };
}

export interface WidgetApiOptions {
  secret: string;
  upstream: Upstream;
  /** the widget's public origin (PUBLIC_ORIGIN; the request's in development): OAuth window URLs are built on it */
  publicOrigin?: (request: Request) => string;
  /**
   * requests per minute: per valid session, and failed authentications per client address (a valid
   * session is never counted against its address: see limitFailedAuth); counted in `storeFor(name)`
   */
  limits?: {
    perSession: number;
    failedAuthPerAddress: number;
    trustProxy?: boolean;
    storeFor?: (name: string) => Store;
  };
  /** where "Get help" requests go; none by default */
  helpDesk?: HelpDesk;
  /**
   * The routing-number check before a microdeposit: the mock's sandbox answers it; MX has no such
   * route, so with MX the server answers from the checksum alone.
   */
  routingChecks?: 'upstream' | 'local';
  /** rewrites logo URLs in institution bodies to the server's own /logos route */
  logos?: Pick<LogoProxy, 'rewrite'>;
  /** what the upstream can search institutions by, answered to the widget at GET /capabilities */
  searchCapabilities?: SearchCapabilities;
}

/**
 * The widget API: only the allow-listed MX routes, only for the token's own user, forwarded to
 * the upstream. A member that is not that user's is the upstream's 404 (MX scopes members by user).
 */
export function widgetApi({
  secret,
  upstream,
  limits,
  helpDesk = { kind: 'none' },
  routingChecks = 'upstream',
  logos,
  searchCapabilities = { routingNumber: false },
  publicOrigin = (request) => new URL(request.url).origin,
}: WidgetApiOptions) {
  const api = new Hono<Env>();
  api.use(
    '*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => errorJson(413, 'Request body is larger than 64 KiB.') }),
  );
  if (limits) {
    const { perSession, failedAuthPerAddress, trustProxy, storeFor } = limits;
    api.use(
      '*',
      limitFailedAuth(sessionAuth({ secret }), {
        limit: failedAuthPerAddress,
        trustProxy,
        store: storeFor?.('authfail'),
      }),
    );
    api.use('*', limitPerSession({ limit: perSession, store: storeFor?.('session') }));
  } else api.use('*', sessionAuth({ secret }));
  api.get('/capabilities', (c) => c.json(capabilitiesBody(searchCapabilities)));
  api.all('*', async (c) => {
    const url = new URL(c.req.url);
    const path = url.pathname.replace(/^\/api/, '') || '/';
    const helpUser = helpPathUser(path);
    const matched = helpUser === null ? matchWidgetRoute(c.req.method, path) : null;
    if (!matched && helpUser === null) return errorJson(404, `No route for ${c.req.method} ${path}`);
    const session = c.get('session');
    const userGuid = helpUser ?? matched?.params.user_guid;
    if (userGuid !== undefined && userGuid !== session.user_guid) {
      return errorJson(403, 'This session may not act for another user.');
    }
    let body: string | undefined;
    if (c.req.method === 'POST' || c.req.method === 'PUT') {
      const text = await c.req.text();
      if (text !== '' && !isJsonContentType(c.req.header('content-type'))) {
        return errorJson(415, 'Request bodies must be JSON (Content-Type: application/json).');
      }
      body = text === '' ? undefined : text;
    }
    if (helpUser !== null) return handleHelp(c, helpDesk, upstream, helpUser, body);
    const routingNumber = matched?.params.routing_number;
    if (routingNumber !== undefined && routingChecks === 'local') {
      const check = isValidRoutingNumber(routingNumber) ? 'VALID' : 'INVALID';
      return new Response(
        JSON.stringify({ routing_number: { routing_number: routingNumber, check, institution_codes: [] } }),
        { headers: { 'content-type': MX_MEDIA_TYPE } },
      );
    }
    const microdeposit = matched?.params.micro_deposit_guid;
    if (microdeposit !== undefined && matched?.params.user_guid === undefined) {
      // MX's verify names no user: forward it only for a microdeposit this session's user owns
      const owned = await upstream({
        method: 'GET',
        path: `/users/${session.user_guid}/micro_deposits/${microdeposit}`,
        search: '',
      });
      if (!owned.ok) return errorJson(404, `Microdeposit not found: ${microdeposit}`);
    }
    const response = await upstream({
      method: c.req.method,
      path,
      search: url.search,
      body,
      origin: publicOrigin(c.req.raw),
    });
    return logos ? logos.rewrite(path, response) : response;
  });
  return api;
}
