import type { MiddlewareHandler } from 'hono';
import { errorJson } from '../errors';
import type { SessionEnv } from '../sessionAuth';
import type { Upstream } from '../upstreams/types';

/**
 * MX's verify (`PUT /micro_deposits/:micro_deposit_guid/verify`) names no user: go on only when
 * the upstream finds that microdeposit under the session's user, else 404 as for any other
 * user's microdeposit. One GET upstream per call.
 *
 * @example api.on('PUT', '/micro_deposits/:micro_deposit_guid/verify', microdepositOwner(upstream))
 */
export function microdepositOwner(upstream: Upstream): MiddlewareHandler<SessionEnv> {
  return async function microdepositOwnerMiddleware(c, next) {
    const microdeposit = c.req.param('micro_deposit_guid') ?? '';
    const owned = await upstream({
      method: 'GET',
      path: `/users/${c.get('session').user_guid}/micro_deposits/${microdeposit}`,
      search: '',
    });
    if (!owned.ok) return errorJson(404, `Microdeposit not found: ${microdeposit}`);
    return next();
  };
}
