import type { MiddlewareHandler } from 'hono';
import { errorJson } from './errors';
import { verifySessionToken, type WidgetSession } from './sessions';

/** What sessionAuth puts on the context: the session its token names. */
export type SessionEnv = { Variables: { session: WidgetSession } };

export interface SessionAuthOptions {
  secret: string;
}

/**
 * Every widget API call carries its session token (Authorization: Bearer …). No token, a bad
 * signature or an expired one is 401; anything malformed is 401 too, never a 500.
 *
 * @example api.use('*', sessionAuth({ secret }))
 */
export function sessionAuth({ secret }: SessionAuthOptions): MiddlewareHandler<SessionEnv> {
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
