/**
 * A stand-in for the MX Platform API on its own port, for the end-to-end suite in mx mode: the
 * mock backend behind the checks MX makes. A request without the right HTTP Basic credentials or
 * MX's Accept header is refused (401 / 406), and every request is counted, so a test can prove
 * the server sent nothing it should not. Not for production, obviously.
 *
 *   MX_STANDIN_PORT (default 4185), MX_CLIENT_ID, MX_API_KEY, MOCK_CLOCK_SPEED
 */
import { serve } from '@hono/node-server';
import { MX_MEDIA_TYPE } from '../sdk/src/contract/mx';
import { createMockBackend } from '../server/upstreams/mock/app';
import { errorResponse } from '../server/upstreams/mock/http';

const port = Number(process.env.MX_STANDIN_PORT ?? 4185);
const expected = `Basic ${Buffer.from(`${process.env.MX_CLIENT_ID ?? ''}:${process.env.MX_API_KEY ?? ''}`).toString('base64')}`;
const mock = createMockBackend({ mode: 'test', clockSpeed: Number(process.env.MOCK_CLOCK_SPEED ?? 1) });
const counts = { accepted: 0, unauthorized: 0, wrongAccept: 0, requests: new Set<string>() };

const server = serve({
  port,
  hostname: '127.0.0.1',
  fetch: (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/standin/seen') {
      return Response.json({ ...counts, requests: [...counts.requests] });
    }
    // the OAuth provider pages are the bank's, opened by the user's browser: no MX credentials there
    if (url.pathname.startsWith('/api/oauth/')) return mock.fetch(request);
    if (request.headers.get('authorization') !== expected) {
      counts.unauthorized += 1;
      return errorResponse(401, 'Unauthorized');
    }
    if (request.headers.get('accept') !== MX_MEDIA_TYPE) {
      counts.wrongAccept += 1;
      return errorResponse(406, 'Not Acceptable');
    }
    counts.accepted += 1;
    if (counts.requests.size < 5_000) counts.requests.add(`${request.method} ${url.pathname}`);
    return mock.fetch(request);
  },
});
server.once('listening', () => console.info(`MX stand-in on http://127.0.0.1:${port}/api`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
