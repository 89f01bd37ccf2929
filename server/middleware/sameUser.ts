import type { MiddlewareHandler } from 'hono';
import { errorJson } from '../errors';
import type { SessionEnv } from '../sessionAuth';

/**
 * 403 for a path naming a user other than the session's (`:user_guid`); after sessionAuth. Any
 * path under another user is refused, registered or not: a session acts for one user only.
 *
 * @example api.use('/users/:user_guid/*', sameUser)
 */
export const sameUser: MiddlewareHandler<SessionEnv> = async (c, next) => {
  if (c.req.param('user_guid') !== c.get('session').user_guid) {
    return errorJson(403, 'This session may not act for another user.');
  }
  return next();
};
