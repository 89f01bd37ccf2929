// @vitest-environment node
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { logoProxy, type LogoSource } from './logos';
import { partnerSession, testApp } from './testSupport';
import { solidPng } from './upstreams/mock/logos';

const SECRET = 'logo-test-secret-0123456789-0123456789';
const CDN = 'https://content.moneydesktop.com/storage/MD_Assets/Ipad%20Logos/100x100/INS-1.png';
const PNG = new Uint8Array(solidPng([10, 20, 30], 4));
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

type Answer = (url: string) => Response | Promise<Response>;

/** A logo host that answers as the test says, and remembers every URL it was asked for. */
function host(answer: Answer = () => new Response(PNG, { headers: { 'content-type': 'image/png' } })) {
  const asked: string[] = [];
  const source: LogoSource = {
    hosts: ['content.moneydesktop.com'],
    fetch: async (url) => {
      asked.push(url);
      return answer(url);
    },
  };
  return { source, asked };
}

function proxyApp(source: LogoSource, options: Partial<Parameters<typeof logoProxy>[0]> = {}) {
  const proxy = logoProxy({ secret: SECRET, source, timeoutMs: 300, ...options });
  const app = new Hono();
  app.get('/logos/:id', (c) => proxy.handle(c));
  /** the path the server would hand a session for this logo URL (null when it hands none) */
  const pathFor = async (logo: string): Promise<string | null> => {
    const answer = await proxy.rewrite(
      '/institutions/x',
      Response.json({ institution: { code: 'x', small_logo_url: logo, medium_logo_url: null } }),
    );
    return ((await answer.json()) as { institution: { small_logo_url: string | null } }).institution.small_logo_url;
  };
  const fetchLogo = async (logo: string) => app.request((await pathFor(logo)) ?? '/logos/none');
  return { proxy, app, pathFor, fetchLogo };
}

/** A body that never ends: 64 KiB chunks for as long as anyone reads. */
function endless(pulled: { count: number }) {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.count += 1;
      controller.enqueue(pulled.count === 1 ? PNG : new Uint8Array(64 * 1024));
    },
  });
}

describe('logo URLs in institution bodies', () => {
  it('become same-origin /logos/ paths only for https URLs on the allow-listed hosts', async () => {
    const { pathFor } = proxyApp(host().source);
    expect(await pathFor(CDN)).toMatch(/^\/logos\/[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    for (const refused of [
      'http://content.moneydesktop.com/a.png',
      'https://evil.example/a.png',
      'https://content.moneydesktop.com.evil.example/a.png',
      'https://content.moneydesktop.com:8443/a.png',
      'https://user:pw@content.moneydesktop.com/a.png',
      'javascript:alert(1)',
      '//content.moneydesktop.com/a.png',
      `https://content.moneydesktop.com/${'a'.repeat(2_000)}.png`,
    ]) {
      expect(await pathFor(refused), refused).toBeNull();
    }
  });

  it('keep a small data: image (the mock’s initials) and leave other routes and failures untouched', async () => {
    const { proxy, pathFor } = proxyApp(host().source);
    expect(await pathFor('data:image/svg+xml,%3Csvg%2F%3E')).toBe('data:image/svg+xml,%3Csvg%2F%3E');
    expect(await pathFor(`data:image/png;base64,${'A'.repeat(10_000)}`)).toBeNull();
    expect(await pathFor('data:text/html,<script>alert(1)</script>')).toBeNull();
    const members = Response.json({ members: [{ small_logo_url: CDN }] });
    expect(await proxy.rewrite('/users/USR-1/members', members)).toBe(members);
    const failed = Response.json({ error: { message: 'x' } }, { status: 404 });
    expect(await proxy.rewrite('/institutions/x', failed)).toBe(failed);
    const list = await proxy.rewrite('/institutions', Response.json({ institutions: [{ small_logo_url: CDN }] }));
    expect(
      ((await list.json()) as { institutions: { small_logo_url: string }[] }).institutions[0]?.small_logo_url,
    ).toMatch(/^\/logos\//);
  });
});

describe('GET /logos/:id, as an attacker would try it', () => {
  it('serves an allow-listed PNG with its own type, a bounded private cache life and no sniffing', async () => {
    const { fetchLogo } = proxyApp(host().source);
    const response = await fetchLogo(CDN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(3_600);
    expect(maxAge).toBeLessThanOrEqual(7_200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it('refuses ids it did not make: another key, a changed URL, an expired hour, path tricks', async () => {
    const logoHost = host();
    const { app, pathFor } = proxyApp(logoHost.source);
    const theirs = await proxyApp(logoHost.source, { secret: 'another-secret-0123456789-0123456789' }).pathFor(CDN);
    const ours = (await pathFor(CDN)) ?? '';
    const [encoded = '', hour = '', mac = ''] = ours.slice('/logos/'.length).split('.');
    const evil = Buffer.from('https://evil.example/a.png').toString('base64url');
    const later = proxyApp(logoHost.source, { now: () => Date.now() + 3 * 3_600_000 });
    for (const path of [
      theirs ?? '',
      `/logos/${evil}.${hour}.${mac}`,
      `/logos/${encoded}.${Number(hour) + 100}.${mac}`,
      `/logos/${encoded}.${hour}.${'A'.repeat(43)}`,
      `/logos/${encoded}..${mac}`,
      '/logos/..%2F..%2Fapi%2Finstitutions',
      `/logos/${'a'.repeat(5_000)}.1.${mac}`,
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
    expect((await later.app.request(ours)).status).toBe(404);
    expect(logoHost.asked).toEqual([]);
  });

  it('follows no redirect off the allow-listed hosts, and at most two on them', async () => {
    const offHost = host((url) =>
      url.includes('evil')
        ? new Response(PNG, { headers: { 'content-type': 'image/png' } })
        : new Response(null, { status: 302, headers: { location: 'https://evil.example/a.png' } }),
    );
    expect((await proxyApp(offHost.source).fetchLogo(CDN)).status).toBe(502);
    expect(offHost.asked).toEqual([CDN]);

    const toHttp = host(
      () => new Response(null, { status: 301, headers: { location: 'http://content.moneydesktop.com/a.png' } }),
    );
    expect((await proxyApp(toHttp.source).fetchLogo(CDN)).status).toBe(502);

    const onHost = host((url) =>
      url.endsWith('/moved.png')
        ? new Response(PNG, { headers: { 'content-type': 'image/png' } })
        : new Response(null, { status: 302, headers: { location: '/moved.png' } }),
    );
    expect((await proxyApp(onHost.source).fetchLogo(CDN)).status).toBe(200);

    const loop = host(() => new Response(null, { status: 302, headers: { location: CDN } }));
    expect((await proxyApp(loop.source).fetchLogo(CDN)).status).toBe(502);
    expect(loop.asked).toHaveLength(3);
  });

  it('refuses what is not a raster image: HTML, SVG, and SVG bytes that call themselves PNG', async () => {
    for (const [type, body] of [
      ['text/html', '<script>alert(1)</script>'],
      ['image/svg+xml', SVG],
      ['image/png', SVG],
      ['application/octet-stream', PNG],
    ] as const) {
      const response = await proxyApp(
        host(() => new Response(body, { headers: { 'content-type': type } })).source,
      ).fetchLogo(CDN);
      expect(response.status, type).toBe(502);
      expect(response.headers.get('content-type')).not.toMatch(/image|html/);
    }
    const notFound = host(() => new Response(PNG, { status: 404, headers: { 'content-type': 'image/png' } }));
    expect((await proxyApp(notFound.source).fetchLogo(CDN)).status).toBe(502);
  });

  it('stops reading a body past the limit, whether or not it says how long it is', async () => {
    const pulled = { count: 0 };
    const huge = host(() => new Response(endless(pulled), { headers: { 'content-type': 'image/png' } }));
    expect((await proxyApp(huge.source, { maxBytes: 256 * 1024 }).fetchLogo(CDN)).status).toBe(502);
    // 256 KiB is five 64 KiB chunks after the first: it stopped right there, not at the end of anything
    expect(pulled.count).toBeLessThanOrEqual(8);

    const declared = host(
      () => new Response(PNG, { headers: { 'content-type': 'image/png', 'content-length': String(10 * 1024 * 1024) } }),
    );
    expect((await proxyApp(declared.source).fetchLogo(CDN)).status).toBe(502);
  });

  it('gives up on a slow host and a slow body in its time limit', async () => {
    const slowBody = host(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(PNG.subarray(0, 8));
            },
          }),
          { headers: { 'content-type': 'image/png' } },
        ),
    );
    const started = Date.now();
    expect((await proxyApp(slowBody.source, { timeoutMs: 200 }).fetchLogo(CDN)).status).toBe(504);
    expect(Date.now() - started).toBeLessThan(2_000);

    const silent: LogoSource = {
      hosts: ['content.moneydesktop.com'],
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    };
    expect((await proxyApp(silent, { timeoutMs: 200 }).fetchLogo(CDN)).status).toBe(504);
  });

  it('keeps a bounded number of logos, fetching each once while cached', async () => {
    const logoHost = host();
    const { fetchLogo } = proxyApp(logoHost.source, { cacheEntries: 2 });
    const urls = [1, 2, 3].map((n) => CDN.replace('INS-1', `INS-${n}`));
    for (const url of [urls[0], urls[0], urls[1], urls[2], urls[0]]) {
      expect((await fetchLogo(url ?? '')).status).toBe(200);
    }
    // the first was evicted by the third, so it is fetched a second time
    expect(logoHost.asked).toEqual([urls[0], urls[1], urls[2], urls[0]]);
  });

  it('asks a failing host once a minute, however often the logo is asked for', async () => {
    let clock = Date.now();
    const broken = host(() => new Response('nope', { status: 500 }));
    const { fetchLogo } = proxyApp(broken.source, { now: () => clock });
    for (let i = 0; i < 5; i += 1) expect((await fetchLogo(CDN)).status).toBe(502);
    expect(broken.asked).toHaveLength(1);
    clock += 61_000;
    expect((await fetchLogo(CDN)).status).toBe(502);
    expect(broken.asked).toHaveLength(2);
  });
});

describe('the server in mock mode', () => {
  it('hands the session same-origin logo paths that serve the mock’s PNGs', async () => {
    const { app, config } = testApp();
    const { token } = await partnerSession(app, config.PARTNER_SECRET);
    const answer = await app.request('/api/institutions/mxbank', { headers: { authorization: `Bearer ${token}` } });
    const { institution } = (await answer.json()) as { institution: { small_logo_url: string } };
    expect(institution.small_logo_url).toMatch(/^\/logos\//);
    const logo = await app.request(institution.small_logo_url);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect((await app.request('/logos/not-an-id')).status).toBe(404);
  });
});
