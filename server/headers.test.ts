// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from './main';
import { bearer, PRODUCTION_MOCK_ENV, partnerSession, testApp, testConfig } from './testSupport';

function expectOwnHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('cache-control')).toBe('no-store');
}

/** Calls until the rate limiter says no (the limit is 4 a minute here); its answer. */
async function untilRefused(call: () => Response | Promise<Response>): Promise<Response> {
  for (let i = 0; i < 10; i++) {
    const res = await call();
    if (res.status === 429) return res;
  }
  throw new Error('never refused');
}

describe("the server's own answers", () => {
  it('carry nosniff and no-store: health, the partner API and every error', async () => {
    const { app, config } = testApp(
      { RATE_LIMIT_PER_SESSION: '4' },
      {
        // an upstream that breaks on one path, for the 500
        upstream: (mock) => (request) =>
          request.path === '/institutions/broken' ? Promise.reject(new Error('boom')) : mock(request),
        sandbox: false,
      },
    );
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET);
    const session = bearer(token);
    const partner = bearer(config.PARTNER_SECRET);
    const answers: [string, number, Response][] = [
      ['healthz', 200, await app.request('/healthz')],
      ['readyz', 200, await app.request('/readyz')],
      ['partner', 200, await app.request('/partner/users', { method: 'POST', headers: partner, body: '{}' })],
      ['partner 401', 401, await app.request('/partner/users', { method: 'POST' })],
      ['api 401', 401, await app.request(`/api/users/${user}/members`)],
      ['404', 404, await app.request('/nowhere')],
      ['403', 403, await app.request('/api/users/USR-other/members', { headers: session })],
      [
        '413',
        413,
        await app.request(`/api/users/${user}/members`, { method: 'POST', headers: session, body: 'x'.repeat(70_000) }),
      ],
      [
        '415',
        415,
        await app.request(`/api/users/${user}/members`, {
          method: 'POST',
          headers: { ...session, 'content-type': 'text/plain' },
          body: 'hi',
        }),
      ],
      ['500', 500, await app.request('/api/institutions/broken', { headers: session })],
      ['429', 429, await untilRefused(() => app.request(`/api/users/${user}/members`, { headers: session }))],
    ];
    for (const [name, status, res] of answers) {
      expect([name, res.status]).toEqual([name, status]);
      expectOwnHeaders(res);
    }
  });

  it('leave the widget’s hashed assets cacheable', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
    try {
      mkdirSync(join(dist, 'assets'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Connect</title>');
      writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'export {};');
      const app = buildApp(testConfig(), dist, true);
      const asset = await app.request('/assets/app-1a2b.js');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      expectOwnHeaders(await app.request('/'));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('PUBLIC_ORIGIN, never the Host header', () => {
  const { app, config: production } = testApp(PRODUCTION_MOCK_ENV);

  it('decides minted widget URLs and OAuth window URLs', async () => {
    const evil = 'http://evil.example';
    const viaEvilHost = { request: (path: string, init?: RequestInit) => app.request(`${evil}${path}`, init) };
    const { user, token } = await partnerSession(viaEvilHost, production.PARTNER_SECRET, 'https://app.bank.test');
    const minted = await viaEvilHost.request(`/partner/users/${user}/widget_urls`, {
      method: 'POST',
      headers: bearer(production.PARTNER_SECRET),
      body: JSON.stringify({ widget_url: { widget_type: 'connect_widget' }, parent_origin: 'https://app.bank.test' }),
    });
    const { widget_url } = (await minted.json()) as { widget_url: { url: string } };
    expect(new URL(widget_url.url).origin).toBe('https://connect.bank.test');
    const created = await viaEvilHost.request(`/api/users/${user}/members`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ member: { institution_code: 'mxbank_oauth', is_oauth: true } }),
    });
    expect(created.status).toBe(202);
    const { member } = (await created.json()) as { member: { oauth_window_uri: string } };
    expect(new URL(member.oauth_window_uri).origin).toBe('https://connect.bank.test');
  });
});
