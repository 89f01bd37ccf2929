// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createServerApp } from './app';
import { accessLog } from './accessLog';
import { loadConfig } from './config';
import { mxBankMemberBody } from './testSupport';
import { createMockUpstream } from './upstreams/mock/upstream';

describe('the access log', () => {
  it('one JSON line per request, with no query string, header or body: no token, credential or secret', async () => {
    const loaded = loadConfig({ NODE_ENV: 'test' });
    if (!loaded.ok) throw new Error(loaded.error);
    const lines: string[] = [];
    const app = createServerApp({
      config: loaded.config,
      upstream: createMockUpstream({ mode: 'test' }).upstream,
      middleware: [accessLog({ write: (line) => lines.push(line) })],
    });
    const partner = { authorization: `Bearer ${loaded.config.PARTNER_SECRET}`, 'content-type': 'application/json' };
    const user = (
      (await (await app.request('/partner/users', { method: 'POST', headers: partner, body: '{}' })).json()) as {
        user: { guid: string };
      }
    ).user.guid;
    const minted = (await (
      await app.request(`/partner/users/${user}/widget_urls`, {
        method: 'POST',
        headers: partner,
        body: JSON.stringify({ widget_url: { widget_type: 'connect_widget' }, parent_origin: 'http://127.0.0.1:4174' }),
      })
    ).json()) as { widget_url: { url: string } };
    const token = new URL(minted.widget_url.url).searchParams.get('session_token') ?? '';
    await app.request(`/?session_token=${token}`);
    await app.request(`/api/users/${user}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: mxBankMemberBody('canary-password-123'),
    });
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(entry).sort()).toEqual(['method', 'ms', 'path', 'status', 'time']);
    }
    const all = lines.join('\n');
    for (const secret of [token, 'canary-password-123', loaded.config.PARTNER_SECRET, loaded.config.SESSION_SECRET]) {
      expect(all).not.toContain(secret);
    }
  });
});
