import type { Context, MiddlewareHandler } from 'hono';
import { errorJson } from '../errors';
import { hasOpaqueSegments } from '../upstreams/allowList';

/**
 * The path a widget API request names, relative to /api and as sent (percent-encoding kept): the
 * path the upstream is asked for.
 */
export function widgetPath(c: Context): string {
  return new URL(c.req.url).pathname.replace(/^\/api/, '') || '/';
}

/** The widget API's answer to anything it does not serve, in MX's error shape. */
export const noRoute = (c: Context): Response => errorJson(404, `No route for ${c.req.method} ${widgetPath(c)}`);

/**
 * 404 for a path with any segment that is not opaque (the allow-list's rule: see
 * hasOpaqueSegments), before any route sees it. Hono decodes parameters (`a%2Fb` → `a/b`), so
 * the check reads the path as sent, which covers every parameter of every route.
 *
 * @example api.use('*', opaquePath)
 */
export const opaquePath: MiddlewareHandler = async (c, next) => {
  if (!hasOpaqueSegments(widgetPath(c))) return noRoute(c);
  return next();
};
