import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_BODY_BYTES, MX_MEDIA_TYPE } from './http';
import { isValidRoutingNumber } from '../sdk/src/contract/routingNumber';
import type { Store } from 'hono-rate-limiter';
import { limitFailedAuth, limitPerSession } from './rateLimits';
import { sessionAuth, type SessionEnv } from './sessionAuth';
import { WIDGET_ROUTES } from './upstreams/allowList';
import { errorJson } from './errors';
import type { Upstream } from './upstreams/types';
import type { HelpDesk } from './help';
import type { LogoProxy } from './logos';
import { capabilitiesBody, type SearchCapabilities } from './upstreams/capabilities';
import { handleHelp, HELP_PATH, HELP_ROUTES } from './helpRoutes';
import { noRoute, opaquePath, widgetPath } from './middleware/opaquePath';
import { sameUser } from './middleware/sameUser';
import { jsonBody, type JsonBodyEnv } from './middleware/jsonBody';
import { microdepositOwner } from './middleware/microdepositOwner';

type Env = { Variables: SessionEnv['Variables'] & JsonBodyEnv['Variables'] };

const VERIFY_PATH = '/micro_deposits/:micro_deposit_guid/verify';
const ROUTING_NUMBER_PATH = '/micro_deposits/routing_numbers/:routing_number';

/** MX has no routing-number route: in mx mode the server answers from the checksum alone. */
function localRoutingCheck(c: Context): Response {
  const routingNumber = c.req.param('routing_number') ?? '';
  const check = isValidRoutingNumber(routingNumber) ? 'VALID' : 'INVALID';
  return new Response(
    JSON.stringify({ routing_number: { routing_number: routingNumber, check, institution_codes: [] } }),
    { headers: { 'content-type': MX_MEDIA_TYPE } },
  );
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
  api.use('*', opaquePath);
  api.get('/capabilities', (c) => c.json(capabilitiesBody(searchCapabilities)));
  api.use('/users/:user_guid/*', sameUser);
  // every served route reads its body first, so a guard after it sees only well-formed requests
  for (const { method, path } of [...WIDGET_ROUTES, ...HELP_ROUTES]) api.on(method, path, jsonBody);
  api.on('PUT', VERIFY_PATH, microdepositOwner(upstream));
  api.on(['GET', 'POST'], HELP_PATH, (c) =>
    handleHelp(c, helpDesk, upstream, c.get('session').user_guid, c.get('body')),
  );
  if (routingChecks === 'local') api.get(ROUTING_NUMBER_PATH, localRoutingCheck);
  const forward = async (c: Context<Env>) => {
    const path = widgetPath(c);
    const response = await upstream({
      method: c.req.method,
      path,
      search: new URL(c.req.url).search,
      body: c.get('body'),
      origin: publicOrigin(c.req.raw),
    });
    return logos ? logos.rewrite(path, response) : response;
  };
  for (const { method, path } of WIDGET_ROUTES) api.on(method, path, forward);
  // a sub-app's notFound is not used once mounted with app.route: the last route answers instead
  api.all('*', noRoute);
  return api;
}
