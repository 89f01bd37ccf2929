// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { MX_MEDIA_TYPE } from './http';
import { startServer } from './main';
import { COMPRESS_THRESHOLD_BYTES } from './compressReads';
import { bearer, overHttp, partnerSession, testApp, type TestApp } from './testSupport';

const FAVORITES = '/api/institutions/favorites?records_per_page=25';
const GZIP = { 'accept-encoding': 'gzip' };

let app: TestApp['app'];
let session: { user: string; token: string };

beforeEach(async () => {
  const built = testApp();
  app = built.app;
  session = await partnerSession(app, built.config.PARTNER_SECRET);
});

const read = (path: string, headers: Record<string, string> = {}) =>
  app.request(path, { headers: { authorization: `Bearer ${session.token}`, ...headers } });

describe('the widget API compresses its reads', () => {
  it('favorites asked with Accept-Encoding: gzip answer gzip, in MX media type, and gunzip to the same JSON', async () => {
    const plain = await read(FAVORITES);
    const plainText = await plain.text();
    expect(plainText.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);

    const zipped = await read(FAVORITES, GZIP);
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-type')).toBe(MX_MEDIA_TYPE);
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    // the headers every answer carries are still there
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    expect(zipped.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(plainText.length / 4);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(JSON.parse(plainText));
  });

  it('without Accept-Encoding the answer is identity, with its length and Vary for caches', async () => {
    const res = await read(FAVORITES);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const text = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toHaveProperty('institutions');
  });

  it('an answer under 1 KiB (a new user’s members) stays identity even when gzip is asked for', async () => {
    const res = await read(`/api/users/${session.user}/members`, GZIP);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(JSON.parse(text)).toMatchObject({ members: [] });
  });

  it('a refusal from session auth (401, under 1 KiB) stays identity', async () => {
    const res = await app.request(FAVORITES, { headers: { authorization: 'Bearer not-a-token', ...GZIP } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toMatchObject({ error: { status: 401 } });
  });

  it('a POST answer is never compressed, even over 1 KiB and asked for: it reflects what was sent (BREACH)', async () => {
    const accountName = Array.from({ length: 60 }, () => 'Household checking').join(' ');
    const res = await app.request(`/api/users/${session.user}/micro_deposits`, {
      method: 'POST',
      headers: { ...bearer(session.token), ...GZIP },
      body: JSON.stringify({
        micro_deposit: {
          account_name: accountName,
          account_number: '123456789',
          routing_number: '021000021',
          account_type: 'CHECKING',
        },
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect(JSON.parse(text)).toMatchObject({ micro_deposit: { account_name: accountName } });
  });

  it('HEAD of favorites still answers 200 with no body and no encoding', async () => {
    const res = await app.request(FAVORITES, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${session.token}`, ...GZIP },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('');
  });

  it('the sandbox bank’s own OAuth pages under /api/oauth are left as they are', async () => {
    const reason = 'SESSION_ERROR'.repeat(100);
    const res = await app.request(`/api/oauth/result?member_guid=MBR-1&status=error&error_reason=${reason}`, {
      headers: GZIP,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    const page = await res.text();
    expect(Buffer.byteLength(page)).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect(page).toContain(reason);
  });
});

/** The raw bytes and headers of a GET, as they cross the wire (node:http does not decode). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, unknown>; bytes: number }>((done, fail) => {
    const req = httpRequest(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      res.on('end', () => done({ headers: res.headers, bytes }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('over real HTTP (the production start-up)', () => {
  it('favorites cross the wire gzip and node’s fetch decodes them to the identity JSON', async () => {
    const PARTNER_SECRET = 'compress-partner-secret';
    const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Connect</title>');
    const server = await startServer(
      { NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ACCESS_LOG: '0', PARTNER_SECRET },
      dist,
    );
    try {
      const { token } = await partnerSession(overHttp(server.url), PARTNER_SECRET);
      const auth = { authorization: `Bearer ${token}` };
      const identity = await rawGet(`${server.url}${FAVORITES}`, auth);
      const zipped = await rawGet(`${server.url}${FAVORITES}`, { ...auth, ...GZIP });
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.bytes).toBeLessThan(identity.bytes / 4);

      const fetched = await fetch(`${server.url}${FAVORITES}`, { headers: { ...auth, ...GZIP } });
      expect(fetched.headers.get('content-encoding')).toBe('gzip');
      const plain = await fetch(`${server.url}${FAVORITES}`, { headers: { ...auth, 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await fetched.json()).toEqual(await plain.json());
    } finally {
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

// outside review (breaker): Accept-Encoding as clients and proxies really send it (RFC 9110 §12.5.3: q=0 is "not this one")
describe('Accept-Encoding with q-values, wildcards, case and unknown codings', () => {
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
    const res = await read(FAVORITES, { 'accept-encoding': acceptEncoding });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(res.headers.get('content-encoding')).toBe(expected);
  });
});
