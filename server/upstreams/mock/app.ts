import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse, HttpError, MAX_BODY_BYTES } from './http';
import { dataOnlyResponses, faultInjector, mxNegotiation, requestLogger, sameOriginOnly } from './middleware';
import { controlRoutes } from './routes/control';
import { institutionRoutes } from './routes/institutions';
import { logoRoutes } from './logos';
import { capabilitiesBody, upstreamSearchCapabilities } from '../capabilities';
import { memberRoutes } from './routes/members';
import { microdepositRoutes, userMicrodepositRoutes } from './routes/microDeposits';
import { oauthRoutes } from './routes/oauth';
import { userRoutes } from './routes/users';
import { createState, type BackendState } from './state';

export interface MockBackendOptions {
  /** "production" refuses the /mock control API whatever `controlApi` says */
  mode?: 'development' | 'test' | 'production';
  /**
   * Serve the /mock control API (reset, clock, faults, log). Off unless asked for: it can change
   * what every user sees, so only tests and demos turn it on, and even then it refuses
   * cross-site requests.
   */
  controlApi?: boolean;
  /** virtual clock speed factor; 1 is real time */
  clockSpeed?: number;
  /** where widget URLs point; defaults to the origin the request came to */
  widgetOrigin?: string;
  realNow?: () => number;
}

export interface MockBackend {
  app: Hono;
  fetch: (request: Request) => Promise<Response>;
  state: BackendState;
}

/** The size limit applies before any of the body is read (Content-Length, else counted while streaming). */
const limitBodies = () =>
  bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => errorResponse(413, 'Request body is larger than 64 KiB.') });

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

  // No CORS grant of any kind: the widget calls its own origin, and nothing else may read these.
  app.use('/api/*', dataOnlyResponses(), limitBodies());
  app.use(
    '/api/*',
    mxNegotiation({ basePath: '/api' }),
    requestLogger({ state, basePath: '/api' }),
    faultInjector({ state, basePath: '/api' }),
  );

  const api = new Hono();
  // the server answers this itself; the mock answers it too for the widget's in-process tests
  api.get('/capabilities', (c) => c.json(capabilitiesBody(upstreamSearchCapabilities('mock'))));
  api.route('/institutions', institutionRoutes(state));
  api.route('/users', userRoutes(state, widgetOrigin));
  api.route('/users/:user_guid/members', memberRoutes(state, originOf));
  api.route('/users/:user_guid/micro_deposits', userMicrodepositRoutes(state));
  api.route('/micro_deposits', microdepositRoutes(state));
  api.route('/oauth', oauthRoutes(state));
  app.route('/api', api);
  // the stand-in for MX's logo CDN; the server reaches it in-process only (mockLogoSource)
  app.route('/logos', logoRoutes());

  if (options.controlApi === true && options.mode !== 'production') {
    app.use('/mock/*', dataOnlyResponses(), limitBodies(), sameOriginOnly());
    app.route('/mock', controlRoutes(state));
  } else {
    app.all('/mock/*', () => errorResponse(403, 'The mock control API is off (see MOCK_CONTROL_API in the README).'));
  }

  return { app, fetch: (request) => Promise.resolve(app.fetch(request)), state };
}
