// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createServerApp } from './app';
import { loadConfig } from './config';
import { partnerSession } from './testSupport';
import { createMockUpstream } from './upstreams/mock/upstream';

const loaded = loadConfig({ NODE_ENV: 'test' });
if (!loaded.ok) throw new Error(loaded.error);
const config = loaded.config;

describe('GET /api/capabilities', () => {
  it('says what the upstream can search by, to a session only', async () => {
    for (const [kind, routingNumber] of [
      ['mock', true],
      ['mx', false],
    ] as const) {
      const app = createServerApp({
        config: { ...config, CONNECT_UPSTREAM: kind },
        upstream: createMockUpstream({ mode: 'test' }).upstream,
      });
      expect((await app.request('/api/capabilities')).status).toBe(401);
      const { token } = await partnerSession(app, config.PARTNER_SECRET);
      const answer = await app.request('/api/capabilities', { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ capabilities: { institution_search: { routing_number: routingNumber } } });
    }
  });
});
