/**
 * A stand-in for the MX Platform API on its own port, for the end-to-end suite in mx mode: the
 * mock backend behind the checks MX makes. A request without the right HTTP Basic credentials or
 * the Accept header of its API version (`Accept-Version: v20250224`, or none for v1) is refused
 * (401 / 406); every request is counted with its version, and every query parameter MX's spec
 * does not define for the route is listed, so a test can prove the server sent nothing it should
 * not. Both versions at once: one stand-in serves the v1 and the v20250224 servers alike. Not for
 * production, obviously.
 *
 *   MX_STANDIN_PORT (default 4185), MX_CLIENT_ID, MX_API_KEY, MOCK_CLOCK_SPEED
 */
import { serve } from '@hono/node-server';
import { matchUpstreamRoute } from '../server/upstreams/allowList';
import { mxVersionHeaders } from '../server/upstreams/apiVersion';
import { createMockBackend } from '../server/upstreams/mock/app';
import { errorJson } from '../server/errors';

const port = Number(process.env.MX_STANDIN_PORT ?? 4185);
const expected = `Basic ${Buffer.from(`${process.env.MX_CLIENT_ID ?? ''}:${process.env.MX_API_KEY ?? ''}`).toString('base64')}`;
const mock = createMockBackend({ mode: 'test', clockSpeed: Number(process.env.MOCK_CLOCK_SPEED ?? 1) });
const counts = {
  accepted: 0,
  unauthorized: 0,
  wrongAccept: 0,
  requests: new Set<string>(),
  /** requests per API version */
  versions: { v1: 0, v20250224: 0 },
  /** "GET /institutions?routing_number": a parameter MX's spec does not define for the route */
  undefinedParams: new Set<string>(),
};
const LISTED = 5_000;

const server = serve({
  port,
  hostname: '127.0.0.1',
  fetch: (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/standin/seen') {
      return Response.json({
        ...counts,
        requests: [...counts.requests],
        undefinedParams: [...counts.undefinedParams],
      });
    }
    // the OAuth provider pages are the bank's, opened by the user's browser: no MX credentials there
    if (url.pathname.startsWith('/api/oauth/')) return mock.fetch(request);
    if (request.headers.get('authorization') !== expected) {
      counts.unauthorized += 1;
      return errorJson(401, 'Unauthorized');
    }
    const version = request.headers.get('accept-version') === 'v20250224' ? 'v20250224' : 'v1';
    if (request.headers.get('accept') !== mxVersionHeaders(version).accept) {
      counts.wrongAccept += 1;
      return errorJson(406, 'Not Acceptable');
    }
    counts.accepted += 1;
    counts.versions[version] += 1;
    if (counts.requests.size < LISTED) counts.requests.add(`${request.method} ${url.pathname}`);
    const mxPath = url.pathname.replace(/^\/api/, '');
    const defined = matchUpstreamRoute(request.method, mxPath)?.route.query?.[version] ?? [];
    for (const name of url.searchParams.keys()) {
      if (!defined.includes(name) && counts.undefinedParams.size < LISTED)
        counts.undefinedParams.add(`${request.method} ${mxPath}?${name}`);
    }
    return mock.fetch(request);
  },
});
server.once('listening', () => console.info(`MX stand-in on http://127.0.0.1:${port}/api`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
