import type { MiddlewareHandler } from 'hono';
import { errorJson } from '../errors';
import { isJsonContentType } from '../http';

/** What jsonBody puts on the context: the request's body text, undefined when there is none. */
export type JsonBodyEnv = { Variables: { body: string | undefined } };

/**
 * Reads a POST or PUT body (already bounded by bodyLimit) as text for the handler to forward or
 * parse: 415 for a non-empty body that is not declared JSON. Other methods carry no body.
 *
 * @example api.on('POST', '/users/:user_guid/members', jsonBody, forward)
 */
export const jsonBody: MiddlewareHandler<JsonBodyEnv> = async (c, next) => {
  let body: string | undefined;
  if (c.req.method === 'POST' || c.req.method === 'PUT') {
    const text = await c.req.text();
    if (text !== '' && !isJsonContentType(c.req.header('content-type'))) {
      return errorJson(415, 'Request bodies must be JSON (Content-Type: application/json).');
    }
    body = text === '' ? undefined : text;
  }
  c.set('body', body);
  return next();
};
