import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { errorResponse, HttpError, MX_MEDIA_TYPE } from './http';
import { redact } from './log';
import { controlRoutes } from './routes/control';
import { institutionRoutes } from './routes/institutions';
import { memberRoutes } from './routes/members';
import { oauthRoutes } from './routes/oauth';
import { userRoutes } from './routes/users';
import { createState, type BackendState } from './state';

export interface MockBackendOptions {
  /** "production" refuses the /mock control API */
  mode?: 'development' | 'test' | 'production';
  /** virtual clock speed factor; 1 is real time */
  clockSpeed?: number;
  /** origins (the demo host page) allowed to call the API from a browser */
  corsOrigins?: string[];
  /** where widget URLs point; defaults to the origin the request came to */
  widgetOrigin?: string;
  realNow?: () => number;
}

export interface MockBackend {
  app: Hono;
  fetch: (request: Request) => Promise<Response>;
  state: BackendState;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const state = createState({ clockSpeed: options.clockSpeed, realNow: options.realNow });
  const originOf = (request: Request) => new URL(request.url).origin;
  const widgetOrigin = (request: Request) => options.widgetOrigin ?? originOf(request);
  const app = new Hono();

  app.onError((error) => {
    if (error instanceof HttpError) return errorResponse(error.status, error.message, error.extra);
    return errorResponse(500, 'The mock backend hit an unexpected error.');
  });
  app.notFound((c) => errorResponse(404, `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));

  if (options.corsOrigins?.length) {
    app.use('/api/*', cors({ origin: options.corsOrigins, allowHeaders: ['content-type', 'accept'] }));
  }

  app.use('/api/*', async (c, next) => {
    const path = new URL(c.req.url).pathname.slice('/api'.length) || '/';
    let body: unknown;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      try {
        const text = await c.req.raw.clone().text();
        body = text ? redact(JSON.parse(text)) : undefined;
      } catch {
        body = '[unparsable body]';
      }
    }
    const query = new URL(c.req.url).search;
    const entry = {
      method: c.req.method,
      path,
      ...(query ? { query } : {}),
      status: 0,
      time: new Date(state.clock.now()).toISOString(),
      ...(body === undefined ? {} : { body }),
    };
    state.log.push(entry);

    const fault = state.faults.match(c.req.method, path, state.clock.now());
    if (fault?.kind === 'status') {
      const status = fault.status ?? 503;
      c.res = fault.body
        ? new Response(fault.body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } })
        : errorResponse(status, 'Injected fault.');
      if (status === 429 || status === 503) c.res.headers.set('retry-after', String(fault.retry_after_s ?? 1));
    } else if (fault?.kind === 'timeout') {
      await sleep(fault.delay_ms ?? 10_000, c.req.raw.signal);
      c.res = errorResponse(504, 'Injected timeout.');
    } else if (fault?.kind === 'malformed') {
      c.res = new Response(fault.body ?? '{"member": {"guid": ', {
        status: 200,
        headers: { 'content-type': MX_MEDIA_TYPE },
      });
    } else {
      if (fault?.kind === 'slow') await sleep(fault.delay_ms ?? 2_000, c.req.raw.signal);
      await next();
    }
    entry.status = c.res.status;
  });

  const api = new Hono();
  api.route('/institutions', institutionRoutes(state));
  api.route('/users', userRoutes(state, widgetOrigin));
  api.route('/users/:user_guid/members', memberRoutes(state, originOf));
  api.route('/oauth', oauthRoutes(state));
  app.route('/api', api);

  const devOnly = options.mode !== 'production';
  if (devOnly) app.route('/mock', controlRoutes(state));
  else app.all('/mock/*', () => errorResponse(403, 'The mock control API is off in production mode.'));

  return { app, fetch: (request) => Promise.resolve(app.fetch(request)), state };
}
