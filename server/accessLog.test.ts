// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { accessLog } from './accessLog';
import { bearer, mxBankMemberBody, partnerSession, testApp } from './testSupport';

describe('the access log', () => {
  it('one JSON line per request, with no query string, header or body: no token, credential or secret', async () => {
    const lines: string[] = [];
    const { app, config } = testApp({}, { middleware: [accessLog({ write: (line) => lines.push(line) })] });
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET);
    await app.request(`/?session_token=${token}`);
    await app.request(`/api/users/${user}/members`, {
      method: 'POST',
      headers: bearer(token),
      body: mxBankMemberBody('canary-password-123'),
    });
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(entry).sort()).toEqual(['method', 'ms', 'path', 'status', 'time']);
    }
    const all = lines.join('\n');
    for (const secret of [token, 'canary-password-123', config.PARTNER_SECRET, config.SESSION_SECRET]) {
      expect(all).not.toContain(secret);
    }
  });
});
