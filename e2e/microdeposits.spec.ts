import type { APIRequestContext, FrameLocator, Page } from '@playwright/test';
import { WIDGET_ORIGIN } from '../playwright.config';
import { DEPOSITED_AFTER_MS, REQUESTED_AFTER_MS } from '../server/upstreams/mock/microdeposits';
import { expectNoAxeViolations } from './a11y';
import { advanceUserClock, expect, hostEvents, openHost, partnerSession, tabTo, test } from './fixtures';

/**
 * Verification by account and routing number, through the demo host page (cross-origin), in
 * both colour schemes: the details form (keyboard only in one run), every routing-check outcome,
 * and every status screen, each reached by resuming a microdeposit (current_microdeposit_guid).
 */
const ACCOUNT = '987654321';
const VERIFIED_AMOUNTS = ['0.07', '0.03'];
const heading = (widget: FrameLocator, name: string | RegExp) => widget.getByRole('heading', { name, level: 1 });

/** A microdeposit made over the widget API, as an earlier visit would have left it. */
async function microdeposit(request: APIRequestContext, details: Record<string, string>) {
  const session = await partnerSession(request);
  const made = await request.post(`${WIDGET_ORIGIN}/api/users/${session.user}/micro_deposits`, {
    headers: session.headers,
    data: { micro_deposit: details },
  });
  expect(made.ok()).toBe(true);
  const guid = ((await made.json()) as { micro_deposit: { guid: string } }).micro_deposit.guid;
  const verify = (amounts: [number, number]) =>
    request.put(`${WIDGET_ORIGIN}/api/micro_deposits/${guid}/verify`, {
      headers: session.headers,
      data: { micro_deposit: { deposit_amount_1: amounts[0], deposit_amount_2: amounts[1] } },
    });
  return { user: session.user, guid, verify };
}

const fullDetails = (account = ACCOUNT) => ({
  routing_number: '111000041',
  account_number: account,
  account_type: 'CHECKING',
  first_name: 'Ann',
  last_name: 'Lee',
  email: 'ann@example.com',
});

/**
 * A microdeposit with full details, `ms` of virtual time old, then the amounts `tries` gave (each
 * pair a verify request): every status but PREINITIATED is made this way.
 */
async function aged(r: APIRequestContext, ms: number, tries: [number, number][] = [], account = ACCOUNT) {
  const made = await microdeposit(r, fullDetails(account));
  if (ms > 0) await advanceUserClock(r, made.user, ms);
  for (const amounts of tries) await made.verify(amounts);
  return made;
}
const WRONG: [number, number] = [0.01, 0.02];

/** How each status is made, the heading and text its screen shows. */
const STATUSES: {
  status: string;
  make: (request: APIRequestContext) => Promise<{ user: string; guid: string }>;
  heading: string;
  text: RegExp;
}[] = [
  {
    status: 'PREINITIATED',
    make: (r) => microdeposit(r, { first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com' }),
    heading: 'Finish your account details',
    text: /still missing/,
  },
  { status: 'INITIATED', make: (r) => aged(r, 0), heading: 'Check back', text: /We are sending/ },
  { status: 'REQUESTED', make: (r) => aged(r, REQUESTED_AFTER_MS), heading: 'Check back', text: /on their way/ },
  {
    status: 'DEPOSITED',
    make: (r) => aged(r, DEPOSITED_AFTER_MS),
    heading: 'Enter the two deposit amounts',
    text: /have arrived in your account ending in 4321/,
  },
  {
    status: 'DENIED',
    make: (r) => aged(r, DEPOSITED_AFTER_MS, [WRONG]),
    heading: 'Enter the two deposit amounts',
    text: /do not match the deposits/,
  },
  {
    status: 'VERIFIED',
    make: (r) => aged(r, DEPOSITED_AFTER_MS, [[0.07, 0.03]]),
    heading: 'Account verified',
    text: /ending in 4321 is verified/,
  },
  ...(
    [
      ['ERRORED', '10000001', /could not be sent/],
      ['REJECTED', '10000002', /refused the deposits/],
      ['CONFLICTED', '10000003', /already being verified elsewhere/],
    ] as const
  ).map(([status, account, text]) => ({
    status,
    make: (r: APIRequestContext) => aged(r, REQUESTED_AFTER_MS, [], account),
    heading: 'We could not verify your account',
    text,
  })),
  {
    status: 'PREVENTED',
    make: (r) => aged(r, DEPOSITED_AFTER_MS, [WRONG, WRONG, WRONG]),
    heading: 'We could not verify your account',
    text: /Too many wrong amounts/,
  },
];

STATUSES.forEach(({ status, make, heading: name, text }, i) => {
  // every status screen once, the colour schemes taking turns (each screen's styles are the shared ones)
  const scheme = i % 2 === 0 ? 'light' : 'dark';
  test(`status ${status} (${scheme}): resumed from the demo host at its screen; axe finds nothing`, async ({
    page,
    request,
  }) => {
    const { user, guid } = await make(request);
    const widget = await openHost(page, {
      user_guid: user,
      mode: 'verification',
      color_scheme: scheme,
      current_microdeposit_guid: guid,
    });
    // opened by the host, not by the user: the widget shows its screen and leaves focus alone
    await expect(heading(widget, name)).toBeVisible();
    await expect(heading(widget, name)).not.toBeFocused();
    await expect(widget.getByText(text)).toBeVisible();
    await expectNoAxeViolations(page, `microdeposit ${status} (${scheme})`);
  });
});

test('keyboard only (light): search → routing number → how it works → account → name → review → check back', async ({
  page,
}) => {
  const widget = await openHost(page, { mode: 'verification', client_name: 'Acme Pay' });
  // the widget takes no focus on open: the user starts in its search box; from there on, keys only
  await widget.getByRole('combobox').focus();
  await tabTo(page, widget.getByRole('button', { name: 'Connect with account numbers instead' }));
  await page.keyboard.press('Enter');
  await expect(heading(widget, 'Enter your routing number')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('111000041');
  await page.keyboard.press('Enter');
  await expect(heading(widget, 'How verifying with deposits works')).toBeFocused();
  await expectNoAxeViolations(page, 'how it works (light)');
  await tabTo(page, widget.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(heading(widget, 'Enter your account details')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(widget.getByRole('radio', { name: 'Checking' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACCOUNT);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACCOUNT.slice(0, -1));
  await page.keyboard.press('Enter');
  await expect(widget.getByText('The account numbers do not match.')).toBeVisible();
  await expectNoAxeViolations(page, 'account details with an error (light)');
  await widget.getByLabel('Confirm account number').press('End');
  await page.keyboard.type(ACCOUNT.slice(-1));
  await page.keyboard.press('Enter');
  await expect(heading(widget, 'Your name and email')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ann');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lee');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ann@example.com');
  await page.keyboard.press('Enter');
  await expect(heading(widget, 'Review your details')).toBeFocused();
  await expect(widget.getByText('••••4321')).toBeVisible();
  await expect(widget.getByText(ACCOUNT)).toHaveCount(0);
  await expectNoAxeViolations(page, 'review (light)');
  await tabTo(page, widget.getByRole('button', { name: 'Confirm' }), 20);
  await page.keyboard.press('Enter');
  await expect(heading(widget, 'Check back in 1–2 business days')).toBeFocused();

  // the host heard of it (guid, never the number) and keeps the guid to bring the user back
  await expect
    .poll(async () => (await hostEvents(page)).find((e) => e.type === 'mx/connect/microdeposits/detailsSubmitted'))
    .toBeTruthy();
  const guid = (await hostEvents(page)).find((e) => e.type === 'mx/connect/microdeposits/detailsSubmitted')?.metadata
    .microdeposit_guid;
  expect(String(guid)).toMatch(/^MIC-/);
  expect(await page.locator('#log').textContent()).not.toContain(ACCOUNT);
  await expect(page.getByLabel(/Microdeposit guid to resume/)).toHaveValue(String(guid));
});

test('keyboard only, a day later (dark): from the demo host, skip ahead and reopen; the amounts verify it', async ({
  page,
  request,
}) => {
  const { user, guid } = await aged(request, 0);
  const widget = await openHost(page, {
    user_guid: user,
    mode: 'verification',
    color_scheme: 'dark',
    current_microdeposit_guid: guid,
  });
  await expect(heading(widget, 'Check back in 1–2 business days')).toBeVisible();
  // the demo host moves this user a day on (mock clock) and opens the widget again: it resumes the same one
  await page.getByRole('button', { name: 'Skip ahead one day (mock)' }).click();
  await expect(page.getByRole('status')).toContainText('A day later');
  await page.getByRole('button', { name: 'Open the widget' }).click();
  await expect(heading(widget, 'Enter the two deposit amounts')).toBeVisible();
  // the host opened it: focus stays on the host's button, and the user tabs into the widget
  await expect(page.getByRole('button', { name: 'Open the widget' })).toBeFocused();
  await tabTo(page, widget.getByLabel('First deposit amount'), 30);
  await page.keyboard.type(VERIFIED_AMOUNTS[0] ?? '');
  await page.keyboard.press('Tab');
  await page.keyboard.type(VERIFIED_AMOUNTS[1] ?? '');
  await page.keyboard.press('Enter');
  await expect(heading(widget, 'Account verified')).toBeFocused();
  await expect
    .poll(async () =>
      (await hostEvents(page))
        .filter((e) => e.type === 'mx/connect/microdeposits/verified')
        .map((e) => e.metadata.microdeposit_guid),
    )
    .toEqual([guid]);
});

test('the details form in the dark scheme: errors, an edit from review, axe on each screen', async ({ page }) => {
  const widget = await openHost(page, { mode: 'verification', color_scheme: 'dark' });
  await widget.getByRole('button', { name: 'Connect with account numbers instead' }).click();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByText('Routing number is required.')).toBeVisible();
  await expectNoAxeViolations(page, 'routing number with an error (dark)');
  await widget.getByLabel('Routing number').fill('111000041');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('radio', { name: 'Savings' }).check();
  await widget.getByLabel('Account number', { exact: true }).fill(ACCOUNT);
  await widget.getByLabel('Confirm account number').fill(ACCOUNT);
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByLabel('First name').fill('Ann');
  await widget.getByLabel('Last name').fill('Lee');
  await widget.getByLabel('Email').fill('ann@');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByText(/Enter an email address/)).toBeVisible();
  await expectNoAxeViolations(page, 'name and email with an error (dark)');
  await widget.getByLabel('Email').fill('ann@example.com');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(widget, 'Review your details')).toBeVisible();
  await expectNoAxeViolations(page, 'review (dark)');
  await widget.getByRole('button', { name: 'Edit Email' }).click();
  await widget.getByLabel('Email').fill('ann.lee@example.com');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(widget, 'Review your details')).toBeFocused();
  await expect(widget.getByText('ann.lee@example.com')).toBeVisible();
});

/** The routing-number screen, from search in verification mode; `check` types a number and continues. */
async function atRoutingNumber(page: Page, scheme: 'light' | 'dark') {
  const widget = await openHost(page, { mode: 'verification', client_name: 'Acme Pay', color_scheme: scheme });
  await widget.getByRole('button', { name: 'Connect with account numbers instead' }).click();
  const check = async (number: string) => {
    await widget.getByLabel('Routing number').fill(number);
    await widget.getByRole('button', { name: 'Continue' }).click();
  };
  return { widget, check };
}

const blockedReasons = async (page: Page) =>
  (await hostEvents(page))
    .filter((e) => e.type === 'mx/connect/microdeposits/blockedRoutingNumber')
    .map((e) => e.metadata.reason);

test('routing-check outcomes that refuse the number (light): invalid, blocked, blocked by the partner', async ({
  page,
}) => {
  const { widget, check } = await atRoutingNumber(page, 'light');
  await check('111000012');
  await expect(widget.getByText(/could not find a bank with this routing number/)).toBeVisible();
  await check('111000025');
  await expect(widget.getByRole('alert')).toContainText('Deposits cannot be sent to this bank');
  await check('111000038');
  await expect(widget.getByRole('alert')).toContainText('Acme Pay does not accept accounts at this bank');
  await expectNoAxeViolations(page, 'routing number blocked by the partner');
  await expect.poll(() => blockedReasons(page)).toEqual(['INVALID', 'BLOCKED', 'CLIENT_BLOCKED']);
});

test('routing check (dark): instant verification preferred offers the bank’s sign-in, or numbers anyway', async ({
  page,
}) => {
  const { widget, check } = await atRoutingNumber(page, 'dark');
  await check('123456780');
  await expect(heading(widget, 'Your bank can verify you instantly')).toBeFocused();
  await expectNoAxeViolations(page, 'instant verification preferred');
  await expect.poll(() => blockedReasons(page)).toEqual(['IAV_PREFERRED']);
  await widget.getByRole('button', { name: 'Continue with account numbers' }).click();
  await expect(heading(widget, 'How verifying with deposits works')).toBeFocused();
  await widget.getByRole('button', { name: 'Back' }).click();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('button', { name: 'Sign in to MX Bank' }).click();
  await expect(heading(widget, 'Enter your credentials')).toBeVisible();
});
