import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_PARTNER_SECRET } from '../server/config';
import { WIDGET_ORIGIN } from '../playwright.config';
import { MX_BANK } from '../server/upstreams/mock/sandbox';
import { DEFAULT_TIMING } from '../src/config/timing';
import { expect, hostEvents, openHost, openProvider, signIn, test, uniqueUser, type HostMessage } from './fixtures';

const SCHEME = 'myapp';
const PARTNER = { authorization: `Bearer ${DEMO_PARTNER_SECRET}` };

/**
 * Stands in for the native app: mints a WebView widget URL (no parent page), loads it as a
 * top-level page, and records every navigation the page asks for to the app's scheme. The
 * DevTools protocol reports requested navigations even for a scheme the browser cannot open.
 */
async function openInApp(page: Page, request: APIRequestContext, options: Record<string, string> = {}) {
  const created = await request.post(`${WIDGET_ORIGIN}/partner/users`, { headers: PARTNER, data: { user: {} } });
  const user = ((await created.json()) as { user: { guid: string } }).user.guid;
  const minted = await request.post(`${WIDGET_ORIGIN}/partner/users/${user}/widget_urls`, {
    headers: PARTNER,
    data: {
      widget_url: {
        widget_type: 'connect_widget',
        is_mobile_webview: true,
        ui_message_webview_url_scheme: SCHEME,
        ui_message_version: 4,
        disable_consent: true,
        ...options,
      },
    },
  });
  expect(minted.status()).toBe(200);
  const url = ((await minted.json()) as { widget_url: { url: string } }).widget_url.url;
  expect(new URL(url).searchParams.has('parent_origin')).toBe(false);

  const navigations: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  cdp.on('Page.frameRequestedNavigation', (event: { url: string }) => {
    if (event.url.startsWith(`${SCHEME}://`)) navigations.push(event.url);
  });
  await page.goto(url);
  /** what the app received, as {type, metadata}, mx events with their prefix back */
  const events = (): HostMessage[] =>
    navigations.map((raw) => {
      const parsed = new URL(raw);
      const path = `${parsed.host}${parsed.pathname}`;
      const type = path.startsWith('connect-widget/') ? path : `mx/${path}`;
      return { type, metadata: JSON.parse(parsed.searchParams.get('metadata') ?? 'null') as Record<string, unknown> };
    });
  return { user, events };
}

/**
 * The order of what a flow posts. Status updates (how many depends on when polls land) are set
 * apart, and so is passing through "connecting", which a poll that lands late skips.
 */
function shape(events: HostMessage[]) {
  const mx = events.filter((e) => e.type.startsWith('mx/'));
  const timing = (e: HostMessage) =>
    e.type === 'mx/connect/memberStatusUpdate' ||
    (e.type === 'mx/connect/stepChange' && e.metadata.current === 'connecting');
  return {
    order: mx
      .filter((e) => !timing(e))
      .map((e) => (e.type === 'mx/connect/stepChange' ? `${e.type} →${String(e.metadata.current)}` : e.type)),
    lastStatus: mx.filter((e) => e.type === 'mx/connect/memberStatusUpdate').at(-1)?.metadata.connection_status,
    keys: Object.fromEntries(mx.map((e) => [e.type, Object.keys(e.metadata).sort().join(',')])),
  };
}

async function answerTextChallenge(page: Page) {
  const answer = page.getByRole('textbox', { name: /What city were you born in/ });
  await answer.fill('correct');
  await answer.press('Enter');
}

test('credentials and MFA in a WebView: the app gets, in order, what a browser host gets', async ({
  page,
  browser,
  request,
}) => {
  const other = await browser.newPage();
  // the same flow in both, side by side
  const inApp = async () => {
    const app = await openInApp(page, request, { current_institution_code: MX_BANK.code });
    await signIn(page, 'challenge', uniqueUser('webview'));
    await answerTextChallenge(page);
    await expect(page.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).press('Enter');
    await expect.poll(() => app.events().map((e) => e.type)).toContain('mx/connect/connected/primaryAction');
    return app;
  };
  const inBrowser = async () => {
    const widget = await openHost(other, { current_institution_code: MX_BANK.code });
    await signIn(widget, 'challenge', uniqueUser('browser'));
    await widget.getByRole('textbox', { name: /What city were you born in/ }).fill('correct');
    await widget.getByRole('button', { name: 'Continue' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await widget.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(async () => (await hostEvents(other)).map((e) => e.type))
      .toContain('mx/connect/connected/primaryAction');
  };
  const [app] = await Promise.all([inApp(), inBrowser()]);

  const shown = shape(app.events());
  expect(shown).toEqual(shape(await hostEvents(other)));
  expect(shown.order.slice(0, 2)).toEqual(['mx/load', 'mx/connect/loaded']);
  expect(shown.lastStatus).toBe(6);
  // the URL format, exactly
  const connected = app.events().find((e) => e.type === 'mx/connect/memberConnected');
  expect(connected?.metadata).toMatchObject({ user_guid: app.user, member_guid: expect.stringMatching(/^MBR-/) });
  await other.close();
});

test('OAuth in a WebView: no window.open; the app opens the URL, the bank returns to the app, the app says so', async ({
  page,
  request,
}) => {
  const app = await openInApp(page, request, { current_institution_code: 'mxbank_oauth' });
  let popups = 0;
  page.on('popup', () => (popups += 1));
  await page.getByRole('button', { name: 'Go to MX Bank (OAuth)' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect.poll(() => app.events().map((e) => e.type)).toContain('mx/connect/oauthRequested');
  const requested = app.events().find((e) => e.type === 'mx/connect/oauthRequested')?.metadata ?? {};
  const memberGuid = String(requested.member_guid);
  expect(popups).toBe(0);

  // the app opens the URL in the system browser: here, a plain request, as that browser would
  const page1 = await request.get(String(requested.url));
  const token = /name="form_token" value="([^"]+)"/.exec(await page1.text())?.[1] ?? '';
  const decided = await request.post(String(requested.url), {
    form: { decision: 'authorize', form_token: token },
    maxRedirects: 0,
  });
  expect(decided.status()).toBe(303);
  const back = new URL(decided.headers().location ?? '');
  expect(`${back.protocol}//${back.host}`).toBe(`${SCHEME}://oauth_complete`);
  expect(Object.fromEntries(back.searchParams)).toEqual({ member_guid: memberGuid, status: 'success' });

  // the app intercepts that URL and tells the widget
  await page.evaluate(
    (guid) => window.postMessage({ mx: true, type: 'oauthComplete/success', metadata: { member_guid: guid } }, '*'),
    memberGuid,
  );
  await expect(page.getByRole('heading', { name: 'Success!' })).toBeVisible();
  // the app hears events by its own channel, after the screen has changed (a clean-clone run read
  // them a moment too soon): wait for the event, then check the order
  await expect.poll(() => app.events().map((e) => e.type)).toContain('mx/connect/memberConnected');
  const order = shape(app.events()).order;
  expect(order.indexOf('mx/connect/oauthRequested')).toBeLessThan(order.indexOf('mx/connect/memberConnected'));
  expect(popups).toBe(0);
});

test('OAuth in a WebView without the app’s message: polling ends it, with the events a browser host gets', async ({
  page,
  request,
}) => {
  const app = await openInApp(page, request, { current_institution_code: 'mxbank_oauth' });
  await page.getByRole('button', { name: 'Go to MX Bank (OAuth)' }).click();
  await expect.poll(() => app.events().map((e) => e.type)).toContain('mx/connect/oauthRequested');
  const url = String(app.events().find((e) => e.type === 'mx/connect/oauthRequested')?.metadata.url);
  const form = await request.get(url);
  const token = /name="form_token" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  await request.post(url, { form: { decision: 'authorize', form_token: token }, maxRedirects: 0 });
  // no message from the app this time: polling alone sees the status change. While OAuth waits,
  // polls back off to maxPollMs apart; one such poll sees CONNECTED, the next (connecting) the end
  await expect(page.getByRole('heading', { name: 'Success!' })).toBeVisible({
    timeout: 2 * DEFAULT_TIMING.maxPollMs + 5_000,
  });

  const host = await page.context().newPage();
  const widget = await openHost(host, { current_institution_code: 'mxbank_oauth' });
  const popup = await openProvider(host, widget.getByRole('button', { name: 'Go to MX Bank (OAuth)' }));
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  // both have seen the whole flow (the last step change reaches each a moment after the screen)
  const done = (events: HostMessage[]) =>
    events.some((e) => e.type === 'mx/connect/stepChange' && e.metadata.current === 'connected');
  await expect.poll(async () => done(await hostEvents(host))).toBe(true);
  await expect.poll(() => done(app.events())).toBe(true);
  expect(shape(app.events()).order).toEqual(shape(await hostEvents(host)).order);
});

test('a WebView widget needs no parent, but still its session token', async ({ page, request }) => {
  const app = await openInApp(page, request);
  await expect(page.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  await expect.poll(() => shape(app.events()).order.slice(0, 2)).toEqual(['mx/load', 'mx/connect/loaded']);
  // the app's back button: injected mx/navigation goes back a step and says so
  await page.getByRole('combobox', { name: 'Search for your bank or credit union' }).fill('MX Bank');
  await page.getByRole('option', { name: 'MX Bank', exact: true }).click();
  await expect(page.getByRole('heading', { name: /credentials/ })).toBeVisible();
  await page.evaluate(() => window.postMessage(JSON.stringify({ mx: true, type: 'mx/navigation', metadata: {} }), '*'));
  await expect(page.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  await expect.poll(() => app.events().find((e) => e.type === 'mx/navigation')?.metadata.did_go_back).toBe(true);
  // the same URL without its token: the first API call is refused, the app hears sessionExpired
  const bare = new URL(page.url());
  const other = await page.context().newPage();
  await other.goto(
    `${bare.origin}/?user_guid=${app.user}&is_mobile_webview=true&ui_message_webview_url_scheme=${SCHEME}`,
  );
  await expect(other.getByRole('heading', { name: 'Your session has expired' })).toBeVisible();
});
