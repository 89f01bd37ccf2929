// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { errorJson } from './errors';
import { bearer, partnerUser, TEST_HOST_ORIGIN as HOST, testApp, testConfig, type TestAppOptions } from './testSupport';
import { MX_BANK } from './upstreams/mock/sandbox';
import { MAX_OPTION_LENGTH } from '../sdk/src/contract/widgetOptions';

const config = testConfig();
const headers = bearer(config.PARTNER_SECRET);

/** The server over the mock; `around` may stand in for the upstream on some calls. */
const server = (around?: TestAppOptions['upstream']) => testApp({}, { upstream: around, sandbox: false }).app;

/** The server whose upstream gives `answer` to the user check before minting (GET /users/{guid}). */
const failingUserCheck = (answer: () => Promise<Response>) =>
  server(
    (mock) => (request) =>
      request.method === 'GET' && /^\/users\/USR-[^/]+$/.test(request.path) ? answer() : mock(request),
  );

type App = ReturnType<typeof server>;
type ErrorBody = { error: { message: string; status: number; field?: string } };

async function createUser(app: App, user: Record<string, string> = {}) {
  return app.request('/partner/users', { method: 'POST', headers, body: JSON.stringify({ user }) });
}

const newUser = (app: App) => partnerUser(app, config.PARTNER_SECRET);

function mint(app: App, user: string, options: Record<string, unknown> = {}) {
  return app.request(`/partner/users/${user}/widget_urls`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ widget_url: { widget_type: 'connect_widget', ...options }, parent_origin: HOST }),
  });
}

describe('the partner API refuses what the widget would refuse', () => {
  it.each([
    [{ mode: 'spy' }, 'widget_url.mode must be one of aggregation, verification'],
    [{ color_scheme: 'purple' }, 'widget_url.color_scheme must be one of light, dark'],
    [{ oauth_referral_source: 'POPUP' }, 'widget_url.oauth_referral_source must be one of BROWSER, APP'],
    [{ locale: 'de' }, 'widget_url.locale must be one of en, es, fr-CA'],
    [{ current_member_guid: 'nope' }, 'widget_url.current_member_guid must look like MBR-…'],
    [{ current_microdeposit_guid: 'MBR-1' }, 'widget_url.current_microdeposit_guid must look like MIC-…'],
    [{ disable_consent: 'yes' }, 'widget_url.disable_consent must be true or false'],
    [{ include_transactions: 2 }, 'widget_url.include_transactions must be true or false'],
    [{ is_mobile_webview: 'maybe' }, 'widget_url.is_mobile_webview must be true or false'],
    [{ corner_radius: 30 }, 'widget_url.corner_radius must be a whole number of pixels from 0 to 24'],
    [{ brand_color: 'blue' }, 'widget_url.brand_color must be a hex colour such as #1d4ed8'],
    [{ privacy_policy_url: 'http://partner.example/privacy' }, 'widget_url.privacy_policy_url must be an https URL'],
    [{ ui_message_version: 3 }, 'widget_url.ui_message_version must be 4'],
    [{ disable_institution_search: true }, 'widget_url.disable_institution_search needs current_institution_code'],
    [{ colour_scheme: 'dark' }, 'widget_url.colour_scheme is not an option of this widget'],
    [{ 'color scheme!': 'dark' }, 'widget_url.option names an option this widget does not have'],
    [{ client_name: { first: 'Budget' } }, 'widget_url.client_name must be a string, a number or a boolean'],
  ])('422 naming the option: %o', async (options, message) => {
    const app = server();
    const res = await mint(app, await newUser(app), options);
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error).toMatchObject({ status: 422, field: expect.stringMatching(/^widget_url\./) });
    expect(body.error.message).toContain(message);
  });

  it.each(['constructor', '__proto__', 'prototype', 'toString'])(
    '422 for %s, a name every object has, as for any option the widget lacks',
    async (name) => {
      const app = server();
      const user = await newUser(app);
      // raw JSON: an object literal's __proto__ would set the prototype, not send the key
      const body = `{"widget_url":{"widget_type":"connect_widget","${name}":"x"},"parent_origin":${JSON.stringify(HOST)}}`;
      const res = await app.request(`/partner/users/${user}/widget_urls`, { method: 'POST', headers, body });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        error: { field: `widget_url.${name}`, message: `widget_url.${name} is not an option of this widget` },
      });
    },
  );

  it('never echoes a value it refuses', async () => {
    const app = server();
    const res = await mint(app, await newUser(app), { brand_color: 'sk_live_do_not_echo' });
    expect(res.status).toBe(422);
    expect(await res.text()).not.toContain('sk_live_do_not_echo');
  });

  it('422 naming user_guid for a guid the widget would refuse', async () => {
    const res = await mint(server(), 'not-a-user');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { field: 'user_guid', message: 'user_guid must look like USR-…' },
    });
  });

  it('422 for a user guid with whitespace around it (the widget would read another guid)', async () => {
    const app = server();
    const user = await newUser(app);
    for (const padded of [`${user}%20`, `%0A${user}`]) {
      const res = await mint(app, padded);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: { field: 'user_guid' } });
    }
  });

  it('422 for a privacy_policy_url longer than a widget URL can carry', async () => {
    const app = server();
    const res = await mint(app, await newUser(app), {
      privacy_policy_url: `https://partner.example/${'p'.repeat(MAX_OPTION_LENGTH)}`,
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { field: 'widget_url.privacy_policy_url' } });
  });

  it('a URL minted with the longest options the widget takes opens a session', async () => {
    const app = server();
    const long = (n: number) => `https://partner.example/${'x'.repeat(n - 'https://partner.example/'.length)}`;
    const res = await mint(app, await newUser(app), {
      client_redirect_url: long(MAX_OPTION_LENGTH),
      privacy_policy_url: long(MAX_OPTION_LENGTH),
      client_name: 'n'.repeat(80),
      current_institution_code: 'c'.repeat(200),
    });
    expect(res.status).toBe(200);
    const url = new URL(((await res.json()) as { widget_url: { url: string } }).widget_url.url);
    // nginx's default request line is at most 8 KiB
    expect(url.href.length).toBeLessThan(8 * 1024 - 100);
    const token = url.searchParams.get('session_token') ?? '';
    const capabilities = await app.request('/api/capabilities', { headers: { authorization: `Bearer ${token}` } });
    expect(capabilities.status).toBe(200);
  });

  it('mints with options as JSON booleans and numbers, as the widget will read them', async () => {
    const app = server();
    const user = await newUser(app);
    const res = await mint(app, user, {
      color_scheme: 'dark',
      locale: 'fr-CA',
      disable_consent: true,
      corner_radius: 8,
      ui_message_version: 4,
      current_institution_code: MX_BANK.code,
    });
    expect(res.status).toBe(200);
    const url = new URL(((await res.json()) as { widget_url: { url: string } }).widget_url.url);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      user_guid: user,
      color_scheme: 'dark',
      locale: 'fr-CA',
      disable_consent: 'true',
      corner_radius: '8',
      ui_message_version: '4',
    });
  });
});

describe('the partner API mints only for a user the upstream knows', () => {
  it('404 for a user the upstream does not know', async () => {
    const res = await mint(server(), 'USR-nobody');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { status: 404, message: 'User not found.' } });
  });

  it('names the user’s own id in the minted URL’s answer', async () => {
    const app = server();
    const created = await createUser(app, { id: 'partner-42' });
    const { guid } = ((await created.json()) as { user: { guid: string } }).user;
    expect(await (await mint(app, guid)).json()).toMatchObject({ widget_url: { user_id: 'partner-42' } });
  });

  it.each([
    ['throws', 502, () => Promise.reject(new Error('ECONNREFUSED'))],
    ['answers 503', 502, () => Promise.resolve(errorJson(503, 'down for maintenance'))],
    ['answers 502', 502, () => Promise.resolve(errorJson(502, 'The bank data service could not be reached.'))],
    ['times out', 504, () => Promise.resolve(errorJson(504, 'The bank data service did not answer in time.'))],
    ['answers 200 with another shape', 502, () => Promise.resolve(new Response('{"member":{}}'))],
  ])('while checking the user, an upstream that %s gives %i', async (_label, status, answer) => {
    const app = failingUserCheck(answer);
    const res = await mint(app, await newUser(app));
    expect(res.status).toBe(status);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.status).toBe(status);
    expect(body.error.message).not.toContain('maintenance');
  });
  it('while checking the user, an upstream 429 stays a 429 with its Retry-After', async () => {
    const limited = () => {
      const response = errorJson(429, 'rate limited');
      response.headers.set('retry-after', '7');
      return Promise.resolve(response);
    };
    const app = failingUserCheck(limited);
    const res = await mint(app, await newUser(app));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
  });
});

describe('creating a user', () => {
  it('400 for a blank id: it names no user, so it can neither be taken nor answer with one', async () => {
    const app = server();
    for (const id of ['', '   ']) {
      const res = await createUser(app, { id });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).toContain('user.id');
      expect(text).not.toContain('USR-');
    }
  });

  it('409 with the existing user’s guid when the id is taken', async () => {
    const app = server();
    const first = ((await (await createUser(app, { id: 'partner-7' })).json()) as { user: { guid: string } }).user;
    const again = await createUser(app, { id: 'partner-7' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: { message: 'A user with this id already exists.', status: 409, field: 'user.id' },
      user: { guid: first.guid, id: 'partner-7' },
    });
    // without an id, or with another, users are made as before
    expect((await createUser(app)).status).toBe(200);
    expect((await createUser(app, { id: 'partner-8' })).status).toBe(200);
  });
});
