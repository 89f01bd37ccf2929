// @vitest-environment node
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { bearer, PRODUCTION_MOCK_ENV, partnerSession, TEST_HOST_ORIGIN, testApp } from './testSupport';

const HELP = {
  help_request: { topic: 'credentials', details: 'My password is right but it says it is wrong.', step: 'mfa' },
};

const mockApp = (env: Record<string, string> = {}) => testApp(env, { controlApi: true });

let webhook: Server | undefined;
afterEach(() => new Promise<void>((done) => (webhook ? webhook.close(() => done()) : done())));

/** A help desk listening on localhost: what it was sent, and what it answers. */
async function startWebhook(status: number) {
  const received: unknown[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((done) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => done(text));
    });
  webhook = createServer((req, res) => {
    void read(req).then((text) => {
      received.push(JSON.parse(text));
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((done) => webhook?.listen(0, '127.0.0.1', () => done()));
  const address = webhook.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/help`, received };
}

describe('Get help through the server', () => {
  it('in mock mode keeps the request for the control API, and asks for an email the user lacks', async () => {
    const { app, config } = mockApp();
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET);
    const options = await app.request(`/api/users/${user}/help`, { headers: bearer(token) });
    expect(await options.json()).toEqual({ help: { available: true, email_on_file: false } });

    const withoutEmail = await app.request(`/api/users/${user}/help`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify(HELP),
    });
    expect(withoutEmail.status).toBe(400);

    const sent = await app.request(`/api/users/${user}/help`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ help_request: { ...HELP.help_request, email: 'jane@example.com' } }),
    });
    expect(sent.status).toBe(202);
    const listed = (await (await app.request('/mock/help_requests')).json()) as { help_requests: unknown[] };
    expect(listed.help_requests).toEqual([
      expect.objectContaining({ user_guid: user, email: 'jane@example.com', topic: 'credentials', step: 'mfa' }),
    ]);
  });

  it('refuses another user, no token, and bodies out of bounds', async () => {
    const { app, config } = mockApp();
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET);
    const other = await partnerSession(app, config.PARTNER_SECRET);
    const post = (path: string, body: unknown, headers: Record<string, string> = bearer(token)) =>
      app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
    expect((await post(`/api/users/${other.user}/help`, HELP)).status).toBe(403);
    expect((await post(`/api/users/${user}/help`, HELP, { 'content-type': 'application/json' })).status).toBe(401);
    const tooLong = { help_request: { ...HELP.help_request, email: 'a@b.co', details: 'x'.repeat(1_001) } };
    expect((await post(`/api/users/${user}/help`, tooLong)).status).toBe(400);
    const badTopic = { help_request: { ...HELP.help_request, email: 'a@b.co', topic: 'refund' } };
    expect((await post(`/api/users/${user}/help`, badTopic)).status).toBe(400);
    const badEmail = { help_request: { ...HELP.help_request, email: 'jane at example' } };
    expect((await post(`/api/users/${user}/help`, badEmail)).status).toBe(400);
  });

  it('refuses an email made to make the pattern backtrack, without pinning the server', async () => {
    const { app, config } = mockApp();
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET);
    // 60 KB of dots fits the body limit; the former pattern took seconds of one core to refuse it
    const hostile = { help_request: { ...HELP.help_request, email: `a@${'.'.repeat(60_000)}@` } };
    const started = performance.now();
    const answer = await app.request(`/api/users/${user}/help`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify(hostile),
    });
    // one request, timed only as a guard against catastrophic backtracking (seconds before the fix)
    expect(performance.now() - started).toBeLessThan(500);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { field: 'help_request.email' } });
  });

  it('with a webhook posts the request there, with the email on file', async () => {
    const hook = await startWebhook(204);
    const { app, config } = mockApp({ HELP_WEBHOOK_URL: hook.url });
    const { user, token } = await partnerSession(app, config.PARTNER_SECRET, TEST_HOST_ORIGIN, {
      email: 'owner@example.com',
    });

    const options = await app.request(`/api/users/${user}/help`, { headers: bearer(token) });
    expect(await options.json()).toEqual({ help: { available: true, email_on_file: true } });
    const sent = await app.request(`/api/users/${user}/help`, {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify(HELP),
    });
    expect(sent.status).toBe(202);
    expect(hook.received).toEqual([
      {
        type: 'help_request',
        help_request: expect.objectContaining({ user_guid: user, email: 'owner@example.com', topic: 'credentials' }),
      },
    ]);
  });

  it('says so when the webhook fails, and when nothing is configured', async () => {
    const hook = await startWebhook(500);
    const failing = mockApp({ HELP_WEBHOOK_URL: hook.url });
    const session = await partnerSession(failing.app, failing.config.PARTNER_SECRET);
    const body = JSON.stringify({ help_request: { ...HELP.help_request, email: 'jane@example.com' } });
    const sent = await failing.app.request(`/api/users/${session.user}/help`, {
      method: 'POST',
      headers: bearer(session.token),
      body,
    });
    expect(sent.status).toBe(502);

    // a server without the mock's help desk and no HELP_WEBHOOK_URL
    const { app: bare, config } = testApp({}, { sandbox: false });
    const s2 = await partnerSession(bare, config.PARTNER_SECRET);
    const options = await bare.request(`/api/users/${s2.user}/help`, { headers: bearer(s2.token) });
    expect(await options.json()).toEqual({ help: { available: false, email_on_file: false } });
    const refused = await bare.request(`/api/users/${s2.user}/help`, {
      method: 'POST',
      headers: bearer(s2.token),
      body,
    });
    expect(refused.status).toBe(503);
  });

  it('accepts an https webhook only, but for localhost outside production', () => {
    expect(loadConfig({ HELP_WEBHOOK_URL: 'http://desk.example/help' }).ok).toBe(false);
    expect(loadConfig({ HELP_WEBHOOK_URL: 'http://127.0.0.1:9/help' }).ok).toBe(true);
    expect(loadConfig({ ...PRODUCTION_MOCK_ENV, HELP_WEBHOOK_URL: 'http://127.0.0.1:9/help' })).toMatchObject({
      ok: false,
      error: 'Invalid configuration: HELP_WEBHOOK_URL must be https',
    });
    expect(loadConfig({ HELP_WEBHOOK_URL: 'https://desk.example/help' }).ok).toBe(true);
  });
});
