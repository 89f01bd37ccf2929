// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MX_TEST_ENV, partnerSession, testApp } from './testSupport';

describe('GET /api/capabilities', () => {
  it('says what the upstream can search by, to a session only', async () => {
    // the answer comes from CONNECT_UPSTREAM alone: the mock stands in for MX here
    for (const [env, routingNumber] of [
      [{}, true],
      [MX_TEST_ENV, false],
    ] as const) {
      const { app, config } = testApp(env, { sandbox: false });
      expect((await app.request('/api/capabilities')).status).toBe(401);
      const { token } = await partnerSession(app, config.PARTNER_SECRET);
      const answer = await app.request('/api/capabilities', { headers: { authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ capabilities: { institution_search: { routing_number: routingNumber } } });
    }
  });
});
