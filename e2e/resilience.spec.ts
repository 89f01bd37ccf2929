import { WIDGET_ORIGIN } from '../playwright.config';
import { expectNoAxeViolations } from './a11y';
import {
  apiMember,
  expect,
  hostEvents,
  openAtBank,
  openHost,
  pickInstitution,
  partnerSession,
  signIn,
  test,
  uniqueUser,
  widgetUser,
} from './fixtures';

/** Faults are scoped to this test's user, so parallel tests on the shared mock are untouched. */
async function faultStatus(
  request: import('@playwright/test').APIRequestContext,
  user: string,
  rule: Record<string, unknown>,
) {
  await request.post(`${WIDGET_ORIGIN}/mock/faults`, {
    data: { rules: [{ route: `GET /users/${user}/members/*/status`, ...rule }] },
  });
}

async function memberPosts(request: import('@playwright/test').APIRequestContext, user: string) {
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()).requests as {
    method: string;
    path: string;
  }[];
  return log.filter((e) => e.method === 'POST' && e.path === `/users/${user}/members`).length;
}

test.describe.configure({ mode: 'serial' });

// a timed-out poll costs its own wait before the retry's backoff: one is enough to show recovery
for (const [name, rule] of [
  ['503s on the first two /status polls', { kind: 'status', status: 503, count: 2 }],
  ['a timeout on the first /status poll', { kind: 'timeout', delay_ms: 1_000, count: 1 }],
] as const) {
  test(`${name}: "Reconnecting…", then recovery with one member`, async ({ page, request }) => {
    const widget = await openAtBank(page);
    const user = await widgetUser(page);
    await faultStatus(request, user, rule);
    await signIn(widget, 'password', uniqueUser(rule.kind));
    // "Reconnecting…" only ever shows on the connecting screen: the step is kept while it retries
    await expect(widget.getByText('Reconnecting…')).toBeVisible();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    expect(await memberPosts(request, user)).toBe(1);
    await request.delete(`${WIDGET_ORIGIN}/mock/faults`);
  });
}

test('429 with Retry-After is honoured', async ({ page, request }) => {
  const widget = await openAtBank(page);
  const user = await widgetUser(page);
  await faultStatus(request, user, { kind: 'status', status: 429, retry_after_s: 2, count: 1 });
  await signIn(widget, 'password', uniqueUser('429'));
  await expect(widget.getByText('Reconnecting…')).toBeVisible();
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()).requests as {
    path: string;
    status: number;
    time: string;
  }[];
  const polls = log.filter((e) => e.path.startsWith(`/users/${user}/`) && e.path.endsWith('/status'));
  const limited = polls.findIndex((e) => e.status === 429);
  const next = polls[limited + 1];
  expect(limited).toBeGreaterThanOrEqual(0);
  // at the e2e clock speed (10×), the 2 s it asked for are 20 virtual seconds before the next try
  expect(Date.parse(next?.time ?? '') - Date.parse(polls[limited]?.time ?? '')).toBeGreaterThanOrEqual(19_000);
  await request.delete(`${WIDGET_ORIGIN}/mock/faults`);
});

/** GETs of one path in the mock's request log. */
async function reads(request: import('@playwright/test').APIRequestContext, path: string) {
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()).requests as {
    method: string;
    path: string;
  }[];
  return log.filter((e) => e.method === 'GET' && e.path === path).length;
}

async function loadedEvents(page: import('@playwright/test').Page) {
  return (await hostEvents(page)).filter((e) => e.type === 'mx/connect/loaded');
}

for (const consent of [false, true]) {
  test(`the members list failing (503 every time)${consent ? ', consent on' : ''}: at search within 10 s with a note, loaded once`, async ({
    page,
    request,
  }) => {
    const { user } = await partnerSession(request);
    const members = `/users/${user}/members`;
    await request.post(`${WIDGET_ORIGIN}/mock/faults`, {
      data: { rules: [{ route: `GET ${members}`, kind: 'status', status: 503 }] },
    });
    const opened = Date.now();
    const widget = await openHost(page, { user_guid: user, ...(consent ? { disable_consent: '' } : {}) });
    if (consent) {
      // "I agree" waits until the text has been read to its end
      const text = widget.getByRole('region', { name: 'What you agree to' });
      await text.focus();
      await text.press('End');
      await widget.getByRole('button', { name: 'I agree' }).click();
    }
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible({ timeout: 10_000 });
    expect(Date.now() - opened).toBeLessThan(10_000);
    await expect(widget.getByText(/Your saved connections could not be loaded/)).toBeVisible();
    if (!consent) await expectNoAxeViolations(page, 'search with the members note');
    // one first read and its bounded retries, and then no more: no loop back through "Loading…"
    await expect.poll(() => reads(request, members)).toBe(4);
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
    expect(await reads(request, members)).toBe(4);
    const loaded = await loadedEvents(page);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]?.metadata.initial_step).toBe(consent ? 'consent' : 'search');
    await request.delete(`${WIDGET_ORIGIN}/mock/faults`);
  });
}

test('429 on the connection the URL names: "Too many attempts" counting down, then Try again opens it', async ({
  page,
  request,
}) => {
  const made = await apiMember(request, 'password', uniqueUser('limited'));
  const path = `/users/${made.user}/members/${made.member}`;
  await request.post(`${WIDGET_ORIGIN}/mock/faults`, {
    data: { rules: [{ route: `GET ${path}`, kind: 'status', status: 429, retry_after_s: 6, count: 1 }] },
  });
  const widget = await openHost(page, { user_guid: made.user, current_member_guid: made.member });
  await expect(widget.getByRole('heading', { name: 'Too many attempts' })).toBeVisible();
  await expect(
    widget.getByRole('paragraph').getByText(/^Too many attempts: try again in [3-6] seconds\.$/),
  ).toBeVisible();
  // screen readers hear the wait once, not each second
  await expect(widget.getByRole('status')).toHaveText('Too many attempts: try again in 6 seconds.');
  const again = widget.getByRole('button', { name: 'Try again' });
  await expect(again).toBeDisabled();
  await expectNoAxeViolations(page, 'too many attempts');
  // the wait is the server's, counted down on screen: the button comes back when it is over
  await expect(widget.getByRole('paragraph').getByText('You can try again now.')).toBeVisible();
  await expect(widget.getByRole('status')).toHaveText('You can try again now.');
  await expect(again).toBeEnabled();
  await again.click();
  await expect(widget.getByRole('heading', { name: /Connecting|Success|credentials/ })).toBeVisible();
  expect(await reads(request, path)).toBe(2);
  expect(await loadedEvents(page)).toHaveLength(1);
  await request.delete(`${WIDGET_ORIGIN}/mock/faults`);
});

test('the words cannot load (not even English): a plain line and Try again, which goes on when they can', async ({
  page,
}) => {
  let refuse = true;
  await page.route(/\/assets\/i18n-en-[\w-]+\.js$/, (route) => (refuse ? route.abort() : route.continue()));
  const widget = await openHost(page);
  await expect(widget.getByRole('alert')).toHaveText(/This screen could not be loaded/);
  refuse = false;
  await widget.getByRole('button', { name: 'Try again' }).click();
  await expect(widget.getByRole('combobox', { name: 'Search for your bank or credit union' })).toBeVisible();
  // the box may be the first paint's: mx/connect/loaded comes with the widget proper, once
  await expect.poll(() => loadedEvents(page).then((events) => events.length)).toBe(1);
  await expect(widget.getByRole('listbox', { name: 'Popular institutions' }).getByRole('option').first()).toBeVisible();
  expect(await loadedEvents(page)).toHaveLength(1);
});

const SCREEN_UNAVAILABLE = 'This step could not be loaded. Check your connection and try again.';

test('a screen whose chunk could not load: Try again asks for it anew once the network is back', async ({ page }) => {
  let refuse = true;
  let asked = 0;
  await page.route(/\/assets\/CredentialsStep-[\w-]+\.js$/, (route) => {
    asked += 1;
    return refuse ? route.abort() : route.continue();
  });
  const widget = await openHost(page);
  await pickInstitution(widget, 'MX Bank', 'MX Bank');
  await expect(widget.getByText(SCREEN_UNAVAILABLE)).toBeVisible();
  await expect(widget.getByRole('heading', { name: 'Something went wrong' })).toBeFocused();
  const failedAsks = asked;
  refuse = false;
  await widget.getByRole('button', { name: 'Try again' }).click();
  await expect(widget.getByRole('heading', { name: /credentials/ })).toBeVisible();
  expect(asked).toBeGreaterThan(failedAsks);
});

test('the later messages could not load: back to search and MX Bank again shows its screen once they can', async ({
  page,
}) => {
  let refuse = true;
  await page.route('**/enLater-*.js', (route) => (refuse ? route.abort() : route.continue()));
  const widget = await openHost(page);
  await pickInstitution(widget, 'MX Bank', 'MX Bank');
  await expect(widget.getByText(SCREEN_UNAVAILABLE)).toBeVisible();
  refuse = false;
  await widget.getByRole('button', { name: 'Back to search' }).click();
  await pickInstitution(widget, 'MX Bank', 'MX Bank');
  await expect(widget.getByRole('heading', { name: /credentials/ })).toBeVisible();
  await expect(widget.getByText(SCREEN_UNAVAILABLE)).toBeHidden();
});
