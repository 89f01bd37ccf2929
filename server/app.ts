import { Hono } from 'hono';
import type { ServerConfig } from './config';
import { partnerApi } from './partnerApi';
import { errorJson, type Upstream } from './upstreams/mx';
import { widgetApi } from './widgetApi';

export interface ServerAppOptions {
  config: ServerConfig;
  upstream: Upstream;
}

/**
 * The production server's routes: /healthz, the partner API under /partner (partner secret), the
 * widget API under /api (session token). Stateless: any instance serves any call.
 */
export function createServerApp({ config, upstream }: ServerAppOptions) {
  const app = new Hono();
  app.onError(() => errorJson(500, 'The server hit an unexpected error.'));
  app.notFound((c) => errorJson(404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));

  app.get('/healthz', (c) => c.json({ ok: true, upstream: config.CONNECT_UPSTREAM }));
  app.route(
    '/partner',
    partnerApi({
      partnerSecret: config.PARTNER_SECRET,
      sessionSecret: config.SESSION_SECRET,
      sessionTtlS: config.SESSION_TTL_S,
      hostOrigins: config.CONNECT_HOST_ORIGINS,
      publicOrigin: (request) => config.PUBLIC_ORIGIN ?? new URL(request.url).origin,
      upstream,
    }),
  );
  app.route('/api', widgetApi({ secret: config.SESSION_SECRET, upstream }));
  return app;
}
