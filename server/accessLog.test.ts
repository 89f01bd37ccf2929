// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createServerApp } from './app';
import { accessLog } from './accessLog';
import { loadConfig } from './config';
import { mxBankMemberBody, partnerSession } from './testSupport';
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
    const { user, token } = await partnerSession(app, loaded.config.PARTNER_SECRET);
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
