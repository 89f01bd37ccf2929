import { Hono, type Handler, type MiddlewareHandler } from 'hono';
import type { ServerConfig } from './config';
import { partnerApi, partnerAuth } from './partnerApi';
import { compressReads } from './compressReads';
import { errorJson } from './errors';
import { logoProxy, MX_LOGO_SOURCE } from './logos';
import { limitFailedAuth, limitPerAddress } from './rateLimits';
import { upstreamSearchCapabilities } from './upstreams/capabilities';
import { createReadiness } from './health';
import { createRateLimitStores, type RateLimitStores } from './rateLimitStore';
import type { SandboxSite, Upstream } from './upstreams/types';
import { widgetApi } from './widgetApi';

/**
 * Every answer, errors included (401/403/404/413/415/429/5xx, health, the partner API, what the
 * upstream answered): never sniffed, never cached unless a route says how (the widget's hashed
 * assets do).
 */
const ownAnswerHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const set = (headers: Headers) => {
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };
  try {
    set(c.res.headers);
  } catch {
    // a Response from fetch() (the MX upstream's) has immutable headers: answer a copy
    c.res = new Response(c.res.body, c.res);
    set(c.res.headers);
  }
};

export interface ServerAppOptions {
  config: ServerConfig;
  upstream: Upstream;
  /** mock mode: its OAuth stand-in pages and (when enabled) its control API are served as they are */
  sandbox?: SandboxSite;
  /** the built widget (index.html with its per-request CSP, hashed assets) */
  staticHandler?: Handler;
  /** e.g. the JSON access log */
  middleware?: MiddlewareHandler[];
  /** where the rate limits count (main.ts: Redis with REDIS_URL); this instance's memory by default */
  rateLimitStores?: RateLimitStores;
}

/**
 * The production server's routes: /healthz (liveness: the process serves; no upstream call),
 * /readyz (readiness: the upstream answers, see health.ts; 503 when it does not), the partner API under /partner (partner secret), the
 * widget API under /api (session token). Stateless: any instance serves any call (the rate limits
 * hold across instances when they count in one Redis: `rateLimitStores`).
 */
export function createServerApp({
  config,
  upstream: rawUpstream,
  sandbox,
  staticHandler,
  middleware = [],
  rateLimitStores = createRateLimitStores({ prefix: '' }),
}: ServerAppOptions) {
  const app = new Hono();
  const readiness = createReadiness({
    upstream: rawUpstream,
    upstreamName: config.CONNECT_UPSTREAM,
    timeoutMs: Math.min(config.UPSTREAM_TIMEOUT_MS, 2_000),
  });
  const upstream = readiness.observe(rawUpstream);
  // Production requires PUBLIC_ORIGIN (config.ts): there the Host header never decides a widget URL
  // or an OAuth window's URL; in development the request's own origin serves localhost demos.
  const publicOrigin = (request: Request) => config.PUBLIC_ORIGIN ?? new URL(request.url).origin;
  app.use('*', ownAnswerHeaders);
  for (const handler of middleware) app.use('*', handler);
  app.onError(() => errorJson(500, 'The server hit an unexpected error.'));
  app.notFound((c) => errorJson(404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));

  app.get('/healthz', (c) => c.json({ ok: true, upstream: config.CONNECT_UPSTREAM }));
  app.get('/readyz', async (c) => {
    const ready = await readiness.check();
    // a Redis outage is every instance's at once and the limits still count per instance
    // (rateLimitStore.ts): it is reported, never a reason to leave the load balancer's rotation
    return c.json({ ...ready, rateLimitStore: rateLimitStores.state() }, ready.ok ? 200 : 503);
  });
  const { TRUST_PROXY: trustProxy } = config;
  // the secret first: a wrong one counts only against the address's failed attempts, so a guesser
  // on the partner's own address never locks its back end out; valid calls have their own limit
  app.use(
    '/partner/*',
    limitFailedAuth(partnerAuth({ secret: config.PARTNER_SECRET }), {
      limit: config.RATE_LIMIT_FAILED_AUTH_PER_ADDRESS,
      trustProxy,
      store: rateLimitStores.storeFor('partner-authfail'),
    }),
    limitPerAddress({
      limit: config.RATE_LIMIT_PARTNER_PER_ADDRESS,
      trustProxy,
      store: rateLimitStores.storeFor('partner'),
    }),
  );
  app.route(
    '/partner',
    partnerApi({
      partnerSecret: config.PARTNER_SECRET,
      sessionSecret: config.SESSION_SECRET,
      sessionTtlS: config.SESSION_TTL_S,
      hostOrigins: config.CONNECT_HOST_ORIGINS,
      publicOrigin,
      upstream,
    }),
  );
  const logos = logoProxy({
    secret: config.SESSION_SECRET,
    source: sandbox ? sandbox.logoSource : { ...MX_LOGO_SOURCE, hosts: config.MX_LOGO_HOSTS },
  });
  // no session header on an <img>: the signed id in the path is the capability (server/logos.ts)
  app.use(
    '/logos/*',
    limitPerAddress({ limit: config.RATE_LIMIT_PER_ADDRESS, trustProxy, store: rateLimitStores.storeFor('logos') }),
  );
  app.get('/logos/:id', (c) => logos.handle(c));
  if (sandbox) {
    // the sandbox bank's own pages: public, like a real bank's sign-in page, and not part of the API
    app.all('/api/oauth/*', (c) => sandbox.fetch(c.req.raw));
    app.all('/mock/*', (c) => sandbox.fetch(c.req.raw));
  }
  // after the sandbox's pages (they answer first, so they are not compressed) and around the widget
  // API's own middleware, so its refusals (401, 413, 429) are measured like any answer
  app.use('/api/*', compressReads);
  app.route(
    '/api',
    widgetApi({
      secret: config.SESSION_SECRET,
      upstream,
      logos,
      searchCapabilities: upstreamSearchCapabilities(config.CONNECT_UPSTREAM),
      publicOrigin,
      helpDesk: config.HELP_WEBHOOK_URL
        ? { kind: 'webhook', url: config.HELP_WEBHOOK_URL, timeoutMs: config.HELP_WEBHOOK_TIMEOUT_MS }
        : sandbox
          ? { kind: 'upstream' }
          : { kind: 'none' },
      routingChecks: sandbox ? 'upstream' : 'local',
      limits: {
        perSession: config.RATE_LIMIT_PER_SESSION,
        failedAuthPerAddress: config.RATE_LIMIT_FAILED_AUTH_PER_ADDRESS,
        trustProxy,
        storeFor: (name) => rateLimitStores.storeFor(name),
      },
    }),
  );
  if (staticHandler) app.on(['GET', 'HEAD'], '*', staticHandler);
  return app;
}
