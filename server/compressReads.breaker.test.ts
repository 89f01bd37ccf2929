// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { partnerSession, testApp, type TestApp } from './testSupport';

/**
 * An outside review of issue #27's compressed reads: what a client's Accept-Encoding may say
 * (RFC 9110 §12.5.3), q=0 meaning "not this one", and what the answer must then be.
 */
const FAVORITES = '/api/institutions/favorites?records_per_page=25';

let app: TestApp['app'];
let session: { user: string; token: string };

beforeEach(async () => {
  const built = testApp();
  app = built.app;
  session = await partnerSession(app, built.config.PARTNER_SECRET);
});

const encodingFor = async (acceptEncoding: string) => {
  const res = await app.request(FAVORITES, {
    headers: { authorization: `Bearer ${session.token}`, 'accept-encoding': acceptEncoding },
  });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return res.headers.get('content-encoding');
};

describe('Accept-Encoding as clients and proxies really send it', () => {
  it.each([
    ['gzip;q=0', null],
    ['gzip;q=0, deflate', 'deflate'],
    ['deflate;q=0.5, gzip;q=0.1', 'deflate'],
    ['*', 'gzip'],
    ['*, gzip;q=0', 'deflate'],
    ['GZIP', 'gzip'],
    ['br', null],
    ['identity', null],
    ['', null],
  ])('%j answers %j', async (acceptEncoding, expected) => {
    expect(await encodingFor(acceptEncoding)).toBe(expected);
  });
});
