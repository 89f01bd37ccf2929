import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { errorJson } from './errors';

const WINDOW_MS = 60_000;

/** The 429 the widget already handles: MX's error shape and a Retry-After until the window resets. */
function tooMany(c: Context): Response {
  const info = c.get('rateLimit') as { resetTime?: Date } | undefined;
  const seconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : 60;
  const response = errorJson(429, 'Too many requests. Please wait a moment.');
  response.headers.set('retry-after', String(seconds));
  return response;
}

/** The caller's address: the socket's, or the last X-Forwarded-For hop when a trusted proxy sets it. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // no socket (in-process requests in tests)
    return 'unknown';
  }
}

export interface RateLimitOptions {
  limit: number;
  trustProxy?: boolean;
}

/**
 * Per client address, before anything else is done for the request.
 *
 * @example api.use('*', limitPerAddress({ limit: 6000 }))
 */
export function limitPerAddress({ limit, trustProxy = false }: RateLimitOptions): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => `addr:${clientAddress(c, trustProxy)}`,
    handler: tooMany,
  });
}

/**
 * Per widget session, once the session is known (after sessionAuth).
 *
 * @example api.use('*', sessionAuth({ secret }), limitPerSession({ limit: 600 }))
 */
export function limitPerSession({ limit }: RateLimitOptions): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) =>
      `session:${(c.get('session') as { session_guid?: string } | undefined)?.session_guid ?? 'none'}`,
    handler: tooMany,
  });
}
