import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore, rateLimiter, type HonoConfigType, type Store } from 'hono-rate-limiter';
import { errorJson } from './errors';

const WINDOW_MS = 60_000;

/** The 429 the widget already handles: MX's error shape and a Retry-After until the window resets. */
function tooMany(resetTime: Date | undefined): Response {
  const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
  const response = errorJson(429, 'Too many requests. Please wait a moment.');
  response.headers.set('retry-after', String(seconds));
  return response;
}

const tooManyFor = (c: Context) => tooMany((c.get('rateLimit') as { resetTime?: Date } | undefined)?.resetTime);

/** The longest address text taken from X-Forwarded-For (IPv6 with an IPv4 tail is 45). */
const MAX_ADDRESS_LENGTH = 45;

/**
 * The caller's address: the socket's, or, when a trusted proxy sets it, the last X-Forwarded-For
 * hop (the one that proxy added) if it is an IP address; anything else there (a name, junk, a
 * kilobyte of text meant to fill the limiter's keys) is ignored for the socket's address.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // only the header's tail is read: the last hop is all that is used
    const tail = (c.req.header('x-forwarded-for') ?? '').slice(-(MAX_ADDRESS_LENGTH + 8));
    const last = tail.slice(tail.lastIndexOf(',') + 1).trim();
    if (last.length <= MAX_ADDRESS_LENGTH && isIP(last) !== 0) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // no socket (in-process requests in tests)
    return 'unknown';
  }
}

export interface RateLimitOptions {
  /** requests per minute */
  limit: number;
  trustProxy?: boolean;
  /** where to count (server/rateLimitStore.ts: this instance's memory by default, or Redis) */
  store?: Store;
}

/**
 * Per client address, before anything else is done for the request (/logos, /partner).
 *
 * @example app.use('/partner/*', limitPerAddress({ limit: 3000, store: stores.storeFor('partner') }))
 */
export function limitPerAddress({
  limit,
  trustProxy = false,
  store = new MemoryStore(),
}: RateLimitOptions): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => `addr:${clientAddress(c, trustProxy)}`,
    handler: tooManyFor,
    store,
  });
}

/**
 * Per widget session, once the session is known (after sessionAuth).
 *
 * @example api.use('*', sessionAuth({ secret }), limitPerSession({ limit: 600 }))
 */
export function limitPerSession({
  limit,
  store = new MemoryStore(),
}: Omit<RateLimitOptions, 'trustProxy'>): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c: Context) =>
      `session:${(c.get('session') as { session_guid?: string } | undefined)?.session_guid ?? 'none'}`,
    handler: tooManyFor,
    store,
  });
}

/**
 * Failed authentications per client address, without starving the valid sessions behind it.
 * `auth` (sessionAuth) runs first: a request it lets through (a valid session) goes on and is
 * never counted here (the per-session limit is its only limit). A request it refuses counts one
 * in the address's failed-auth bucket; up to `limit` a minute it gets auth's own answer (401),
 * past it 429 with Retry-After. So a flood of bad tokens from one NAT locks out only bad tokens.
 *
 * @example api.use('*', limitFailedAuth(sessionAuth({ secret }), { limit: 300, store }))
 */
export function limitFailedAuth(
  auth: MiddlewareHandler,
  { limit, trustProxy = false, store = new MemoryStore() }: RateLimitOptions,
): MiddlewareHandler {
  // the stores read only the window from the limiter's options
  store.init?.({ windowMs: WINDOW_MS } as HonoConfigType);
  return async (c, next) => {
    let authenticated = false;
    const refusal = await auth(c, async () => {
      authenticated = true;
      await next();
    });
    if (authenticated) return refusal;
    const { totalHits, resetTime } = await store.increment(`authfail:${clientAddress(c, trustProxy)}`);
    return totalHits > limit ? tooMany(resetTime) : refusal;
  };
}
