import {
  test as base,
  expect,
  type APIRequestContext,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test';
import { DEMO_PARTNER_SECRET } from '../server/config';
import { MX_BANK, mxBankMember, SANDBOX_TIME } from '../server/upstreams/mock/sandbox';
import { userCookieHeader, userCookieKey } from '../host/userCookie';
import { HOST_ORIGIN, WIDGET_ORIGIN } from '../playwright.config';

export interface HostMessage {
  type: string;
  metadata: Record<string, unknown>;
}

/** Widget options the demo host page's form takes (it reads them from its own query string). */
export interface HostOptions {
  color_scheme?: 'light' | 'dark';
  /** skips search: the widget opens at this institution */
  current_institution_code?: string;
  current_member_guid?: string;
  /** verification mode: resume this microdeposit */
  current_microdeposit_guid?: string;
  /** 'true' hides search: the partner has fixed the institution */
  disable_institution_search?: 'true';
  brand_color?: string;
  corner_radius?: string;
  locale?: 'en' | 'es' | 'fr-CA';
  mode?: 'aggregation' | 'verification';
  /**
   * open the widget for this existing user (made with `apiMember`) rather than a new one: the test
   * plays the demo back end that made it, remembering it in this browser's signed cookie (a link
   * can no longer name a user)
   */
  user_guid?: string;
  /** the consent screen: shown ('') or not ('true'); tests not about consent skip it */
  disable_consent?: '' | 'true';
  client_name?: string;
  privacy_policy_url?: string;
}

/** Opens the demo host page, which embeds the widget (once, with these options) from the other origin. */
export async function openHost(page: Page, options: HostOptions = {}): Promise<FrameLocator> {
  const { user_guid: user, ...widgetOptions } = options;
  if (user) await rememberUsers(page, [user]);
  await page.goto(`/?${new URLSearchParams({ disable_consent: 'true', ...widgetOptions })}`);
  return page.frameLocator('#widget iframe');
}

/** The demo host page's user cookie for these users, signed as its back end signs it (the demo secret, a local server). */
export async function rememberUsers(page: Page, users: string[]) {
  const key = userCookieKey(DEMO_PARTNER_SECRET, WIDGET_ORIGIN);
  const cookie = userCookieHeader(key, users, false);
  const value = cookie.slice(cookie.indexOf('=') + 1, cookie.indexOf(';'));
  await page
    .context()
    .addCookies([{ name: 'demo_users', value, url: HOST_ORIGIN, httpOnly: true, sameSite: 'Strict' }]);
}

/** The widget opened straight at MX Bank's credentials form (for tests about what follows search). */
export async function openAtBank(
  page: Page,
  options: HostOptions = {},
  code: string = MX_BANK.code,
): Promise<FrameLocator> {
  const widget = await openHost(page, { current_institution_code: code, ...options });
  await expect(widget.getByRole('heading', { name: /credentials/ })).toBeVisible();
  return widget;
}

/** Every event the host page logged, parsed back from its event panel. */
export async function hostEvents(page: Page): Promise<HostMessage[]> {
  const lines = await page.locator('#log li').allTextContents();
  return lines
    .filter((l) => l.startsWith('mx/'))
    .map((line) => {
      const space = line.indexOf(' ');
      return { type: line.slice(0, space), metadata: JSON.parse(line.slice(space + 1)) as Record<string, unknown> };
    });
}

export const test = base;
export { expect };

/** Search in the embedded widget and pick an institution by its exact name. */
export async function pickInstitution(widget: FrameLocator, query: string, name: string) {
  await widget.getByRole('combobox', { name: 'Search for your bank or credit union' }).fill(query);
  // the popular list stays until the debounced search answers: wait for the results, then pick
  await expect(widget.getByRole('listbox', { name: 'Search results' })).toBeVisible();
  await expect(widget.getByText(/institutions? found$/)).toBeAttached();
  await widget.getByRole('option', { name, exact: true }).click();
}

/** The OAuth step for MX Bank (OAuth), reached through search, its "Go to" button ready. */
export async function startOauth(page: Page) {
  const widget = await openHost(page);
  await pickInstitution(widget, 'MX Bank (OAuth)', 'MX Bank (OAuth)');
  const go = widget.getByRole('button', { name: 'Go to MX Bank (OAuth)' });
  await expect(go).toBeEnabled();
  return { widget, go };
}

/** Clicks what opens the bank's sign-in ("Go to …", "Reopen window", the blocked-popup link) and gives back that window. */
export async function openProvider(page: Page, opener: Locator): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await opener.click();
  return popup;
}

export async function signIn(widget: FrameLocator | Page, password: string, username = 'jane') {
  await widget.getByLabel('Username').fill(username);
  await widget.getByLabel('Password', { exact: true }).fill(password);
  await widget.getByRole('button', { name: 'Continue' }).click();
}

/** A unique username per test: tests share one mock backend, and a repeated username is a 409. */
export const uniqueUser = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The user the host page created for this widget, read from the loaded event. */
export async function widgetUser(page: Page): Promise<string> {
  await expect.poll(async () => (await hostEvents(page)).find((e) => e.type === 'mx/connect/loaded')).toBeTruthy();
  const loaded = (await hostEvents(page)).find((e) => e.type === 'mx/connect/loaded');
  return String(loaded?.metadata.user_guid);
}

/**
 * Moves one user's members forward in virtual time (the mock's control API), so a test waits
 * for nothing: other tests' users, on the same mock, are untouched.
 */
export async function advanceUserClock(request: APIRequestContext, userGuid: string, ms: number) {
  const response = await request.post(`${WIDGET_ORIGIN}/mock/clock`, {
    data: { advance_ms: ms, user_guid: userGuid },
  });
  expect(response.ok()).toBe(true);
}

const PARTNER = { authorization: `Bearer ${DEMO_PARTNER_SECRET}` };

/**
 * What a partner's back end does: create a user and mint a widget session for it. Returns the
 * user, the widget URL and the session token, to call the widget API as that widget would.
 */
export async function partnerSession(
  request: APIRequestContext,
  { parentOrigin = HOST_ORIGIN, user: existing }: { parentOrigin?: string; user?: string } = {},
) {
  const user =
    existing ??
    (
      (await (
        await request.post(`${WIDGET_ORIGIN}/partner/users`, { headers: PARTNER, data: { user: {} } })
      ).json()) as { user: { guid: string } }
    ).user.guid;
  const minted = await request.post(`${WIDGET_ORIGIN}/partner/users/${user}/widget_urls`, {
    headers: PARTNER,
    data: { widget_url: { widget_type: 'connect_widget' }, parent_origin: parentOrigin },
  });
  const url = ((await minted.json()) as { widget_url: { url: string } }).widget_url.url;
  const token = new URL(url).searchParams.get('session_token') ?? '';
  return { user, url, token, headers: { authorization: `Bearer ${token}` } };
}

/**
 * A member made over the widget API, as an earlier visit of the user would have left it: the user,
 * the member guid, and the session headers to go on calling the API as that user's widget.
 */
export async function apiMember(request: APIRequestContext, password: string, username: string) {
  const session = await partnerSession(request);
  const created = await request.post(`${WIDGET_ORIGIN}/api/users/${session.user}/members`, {
    headers: session.headers,
    data: mxBankMember(password, username),
  });
  expect(created.status()).toBe(202);
  const member = ((await created.json()) as { member: { guid: string } }).member.guid;
  return { ...session, member, memberPath: `${WIDGET_ORIGIN}/api/users/${session.user}/members/${member}` };
}

export async function statusCodes(page: Page): Promise<unknown[]> {
  return (await hostEvents(page))
    .filter((e) => e.type === 'mx/connect/memberStatusUpdate')
    .map((e) => e.metadata.connection_status);
}

/** A user who came before: one MX Bank member per password, settled in virtual time. */
export async function returningUser(request: APIRequestContext, passwords: string[]) {
  const first = await apiMember(request, passwords[0] ?? 'password', uniqueUser('first'));
  for (const password of passwords.slice(1)) {
    const made = await request.post(`${WIDGET_ORIGIN}/api/users/${first.user}/members`, {
      headers: first.headers,
      data: mxBankMember(password, uniqueUser(password)),
    });
    expect(made.status()).toBe(202);
  }
  await advanceUserClock(request, first.user, SANDBOX_TIME.settled);
  return first;
}

/** Presses Tab until `target` has focus (at most `max` times), then checks that it does. */
export async function tabTo(page: Page, target: Locator, max = 12) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The widget's own chunk (src/app/mountWidget.tsx), which the first paint's tests hold back or refuse. */
export const APP_CHUNK = /\/assets\/mountWidget-[\w-]+\.js$/;

/**
 * Holds the widget's own chunk until `release()`, then serves it, or refuses it if `refuse` is set
 * by then; `asked` counts the requests for it.
 */
export async function gateAppChunk(page: Page) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((done) => (release = done));
  const gate = { refuse: false, asked: 0, release };
  await page.route(APP_CHUNK, async (route) => {
    gate.asked += 1;
    await released;
    return gate.refuse ? route.abort() : route.continue();
  });
  return gate;
}
