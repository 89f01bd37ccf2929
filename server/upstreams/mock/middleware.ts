import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse, MX_MEDIA_TYPE } from './http';
import type { MxApiVersion } from '../apiVersion';
import { redact } from './log';
import type { BackendState } from './state';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** The path below the API's base, as routes and fault rules name it ("/users/…"). */
const pathBelow = (c: Context, basePath: string) => new URL(c.req.url).pathname.slice(basePath.length) || '/';

export interface RequestLoggerOptions {
  state: BackendState;
  /** where the API is mounted; logged paths are relative to it */
  basePath?: string;
}

/**
 * Records every API request in the mock's bounded request log (method, path, query, status,
 * virtual time, and the body with credential and answer values redacted).
 *
 * @example app.use('/api/*', requestLogger({ state, basePath: '/api' }))
 */
export function requestLogger({ state, basePath = '/api' }: RequestLoggerOptions): MiddlewareHandler {
  return async function requestLoggerMiddleware(c, next) {
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
    const entry = state.log.push({
      method: c.req.method,
      path: pathBelow(c, basePath),
      ...(query ? { query } : {}),
      status: 0,
      time: new Date(state.clock.now()).toISOString(),
      ...(body === undefined ? {} : { body }),
    });
    await next();
    entry.status = c.res.status;
  };
}

export interface FaultInjectorOptions {
  state: BackendState;
  basePath?: string;
}

/**
 * Answers a request with the fault the control API planted for its route, if any. A fault's body
 * is always served as JSON, never as a page, whatever it holds.
 *
 * @example app.use('/api/*', faultInjector({ state, basePath: '/api' }))
 */
export function faultInjector({ state, basePath = '/api' }: FaultInjectorOptions): MiddlewareHandler {
  const rawJson = (body: string, status: number) =>
    new Response(body, { status, headers: { 'content-type': MX_MEDIA_TYPE } });

  return async function faultInjectorMiddleware(c, next) {
    const fault = state.faults.match(c.req.method, pathBelow(c, basePath), state.clock.now());
    if (!fault) return next();
    switch (fault.kind) {
      case 'status': {
        const status = fault.status ?? 503;
        c.res = fault.body ? rawJson(fault.body, status) : errorResponse(status, 'Injected fault.');
        if (status === 429 || status === 503) c.res.headers.set('retry-after', String(fault.retry_after_s ?? 1));
        return;
      }
      case 'timeout':
        await sleep(fault.delay_ms ?? 10_000, c.req.raw.signal);
        c.res = errorResponse(504, 'Injected timeout.');
        return;
      case 'malformed':
        c.res = rawJson(fault.body ?? '{"member": {"guid": ', 200);
        return;
      case 'slow':
        await sleep(fault.delay_ms ?? 2_000, c.req.raw.signal);
        return next();
      case 'late':
        // the request takes effect now; only its answer is late (or lost, if the client gives up)
        await next();
        await sleep(fault.delay_ms ?? 2_000, c.req.raw.signal);
        return;
    }
  };
}

/** What every JSON answer carries: never sniffed as HTML, never framed, never able to run script. */
const DATA_ONLY_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Hardens API responses: nosniff everywhere, and a policy that forbids script and framing on
 * anything that did not set its own (the OAuth stand-in pages set a stricter page policy).
 *
 * @example app.use('/api/*', dataOnlyResponses())
 */
export function dataOnlyResponses(): MiddlewareHandler {
  return async function dataOnlyResponsesMiddleware(c, next) {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('content-security-policy')) c.res.headers.set('Content-Security-Policy', DATA_ONLY_CSP);
  };
}

export interface SameOriginOnlyOptions {
  /** the refusal's message */
  message?: string;
}

/**
 * Refuses requests a browser made on behalf of another site: `Sec-Fetch-Site` other than
 * same-origin/none, or an `Origin` that is not this server's. Tools and tests (curl, Playwright's
 * request API) send neither header and pass.
 *
 * @example app.use('/mock/*', sameOriginOnly())
 */
export function sameOriginOnly({
  message = 'Cross-site requests are refused.',
}: SameOriginOnlyOptions = {}): MiddlewareHandler {
  return async function sameOriginOnlyMiddleware(c, next) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite =
      (site !== undefined && site !== 'same-origin' && site !== 'none') ||
      (origin !== undefined && origin !== new URL(c.req.url).origin);
    if (crossSite) return errorResponse(403, message);
    return next();
  };
}

const JSON_TYPE = 'application/json';
type MediaType = typeof MX_MEDIA_TYPE | typeof JSON_TYPE;

/** How much an Accept header wants a type: the q of its most specific matching range; 0 if none. */
function quality(ranges: { range: string; q: number }[], type: MediaType): number {
  const [major] = type.split('/');
  const exact = ranges.find((r) => r.range === type);
  const family = ranges.find((r) => r.range === `${major}/*`);
  const any = ranges.find((r) => r.range === '*/*');
  return (exact ?? family ?? any)?.q ?? 0;
}

/**
 * The media type to answer in, as HTTP content negotiation picks it between MX's two (its vendor
 * type and `application/json`): the one the Accept header rates higher, the version's own on a tie
 * (v1: the vendor type; v20250224: application/json); null when neither is acceptable (406). No
 * Accept header accepts anything.
 *
 * @param accept the request's Accept header
 */
export function negotiateMediaType(accept: string | undefined, version: MxApiVersion): MediaType | null {
  const ranges = (accept?.trim() ? accept : '*/*')
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const value = q === undefined ? 1 : Number(q.slice(2));
      return { range, q: Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0 };
    });
  const own: MediaType = version === 'v1' ? MX_MEDIA_TYPE : JSON_TYPE;
  const other: MediaType = own === MX_MEDIA_TYPE ? JSON_TYPE : MX_MEDIA_TYPE;
  const [qOwn, qOther] = [quality(ranges, own), quality(ranges, other)];
  if (qOwn <= 0 && qOther <= 0) return null;
  return qOwn >= qOther ? own : other;
}

export interface MxNegotiationOptions {
  basePath?: string;
}

/**
 * MX's version and media type per request: `Accept-Version` absent (v1) or `v20250224` (anything
 * else 400); the answer in the media type the Accept header allows (vendor type or
 * application/json), 406 when it allows neither. The sandbox bank's OAuth pages are HTML for a
 * browser and are left alone.
 *
 * @example app.use('/api/*', mxNegotiation({ basePath: '/api' }))
 */
export function mxNegotiation({ basePath = '/api' }: MxNegotiationOptions = {}): MiddlewareHandler {
  return async function mxNegotiationMiddleware(c, next) {
    if (pathBelow(c, basePath).startsWith('/oauth/')) return next();
    const versionHeader = c.req.header('accept-version');
    if (versionHeader !== undefined && versionHeader !== 'v20250224') {
      return errorResponse(400, 'Unsupported Accept-Version: this API knows v20250224 (or none, for v1).');
    }
    const type = negotiateMediaType(c.req.header('accept'), versionHeader === undefined ? 'v1' : 'v20250224');
    if (type === null) return errorResponse(406, `Not acceptable: this API answers ${MX_MEDIA_TYPE} or ${JSON_TYPE}.`);
    await next();
    if (type === JSON_TYPE && c.res.headers.get('content-type') === MX_MEDIA_TYPE) {
      c.res.headers.set('content-type', JSON_TYPE);
    }
  };
}
