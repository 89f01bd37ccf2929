import type { FrameLocator, Page } from '@playwright/test';
import { WIDGET_ORIGIN } from '../playwright.config';
import { MX_BANK, SANDBOX_TIME } from '../server/upstreams/mock/sandbox';
import {
  advanceUserClock,
  apiMember,
  returningUser,
  expect,
  hostEvents,
  openHost,
  signIn,
  tabTo,
  test,
  uniqueUser,
  type HostOptions,
} from './fixtures';

async function openConnections(page: Page, user: string, options: HostOptions = {}): Promise<FrameLocator> {
  const widget = await openHost(page, { user_guid: user, ...options });
  await expect(widget.getByRole('heading', { name: 'Your connections', level: 1 })).toBeVisible();
  return widget;
}

const rows = (widget: FrameLocator) =>
  widget.getByRole('list', { name: 'Connected institutions' }).getByRole('listitem');

test('your connections: a badge per status class; Refresh polls the row back to Connected', async ({
  page,
  request,
}) => {
  const { user } = await returningUser(request, ['password', 'denied']);
  const widget = await openConnections(page, user);
  await expect(rows(widget)).toHaveCount(2);
  await expect(rows(widget).nth(0)).toContainText('Connected');
  await expect(rows(widget).nth(0)).toContainText('Last updated');
  await expect(rows(widget).nth(1)).toContainText('Needs attention');
  expect((await hostEvents(page)).find((e) => e.type === 'mx/connect/loaded')?.metadata.initial_step).toBe(
    'connections',
  );

  await rows(widget).nth(0).getByRole('button', { name: 'Refresh MX Bank' }).click();
  await expect(rows(widget).nth(0)).toContainText('Connecting');
  await advanceUserClock(request, user, SANDBOX_TIME.settled);
  await expect(rows(widget).nth(0)).toContainText('Connected');
  await expect(rows(widget).nth(0).getByRole('button', { name: 'Refresh MX Bank' })).toBeVisible();
});

test('Fix on a member that needs new credentials updates it to Success', async ({ page, request }) => {
  const { user } = await returningUser(request, ['denied']);
  const widget = await openConnections(page, user);
  await rows(widget).first().getByRole('button', { name: 'Fix MX Bank' }).click();
  await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
  await signIn(widget, 'password', uniqueUser('fixed'));
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
});

test('keyboard only: disconnect with a reason; the host hears memberDeleted', async ({ page, request }) => {
  const { user, member } = await returningUser(request, ['password']);
  const widget = await openConnections(page, user);
  const disconnect = widget.getByRole('button', { name: 'Disconnect MX Bank' });
  await expect(disconnect).toBeVisible();
  // from the host page into the widget (it takes no focus on its own), then past the row's Refresh
  await tabTo(page, disconnect, 30);
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Disconnect MX Bank?', level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(widget.getByRole('radio', { name: 'I no longer use this account' })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(widget.getByRole('radio', { name: 'The connection is not working' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Disconnect' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Disconnected', level: 1 })).toBeFocused();
  await expect
    .poll(async () => (await hostEvents(page)).find((e) => e.type === 'mx/connect/memberDeleted')?.metadata.member_guid)
    .toBe(member);
  await expect(page.locator('#log li').filter({ hasText: /member_disconnected.*not_working/ })).toHaveCount(1);
});

test('a manual account from search no-results, with a loan’s own fields', async ({ page }) => {
  const widget = await openHost(page);
  await widget.getByRole('combobox', { name: 'Search for your bank or credit union' }).fill('qqqzzz');
  await expect(widget.getByText(/No institutions match/)).toBeVisible();
  await widget.getByRole('button', { name: 'Add an account manually' }).click();
  await widget.getByRole('combobox', { name: 'Account type' }).selectOption({ label: 'Loan' });
  await widget.getByLabel('Account name').fill('Car loan');
  await widget.getByLabel('Current balance').fill('12,500.00');
  await widget.getByLabel('Original balance').fill('20,000');
  await widget.getByLabel('Interest rate (%)').fill('4.9');
  await expect(widget.getByLabel('Payment due day (1–31)')).toBeVisible();
  await widget.getByRole('button', { name: 'Add account' }).click();
  await expect(widget.getByRole('heading', { name: 'Account added' })).toBeVisible();
  await expect(widget.getByText('Car loan')).toBeVisible();
  await expect(widget.getByText('$12,500.00')).toBeVisible();
});

test('the manual member shows in your connections as manual, never polled', async ({ page, request }) => {
  const session = await apiMember(request, 'password', uniqueUser('manual'));
  const added = await request.post(`${WIDGET_ORIGIN}/api/users/${session.user}/accounts`, {
    headers: session.headers,
    data: { account: { name: 'Wallet', account_type: 'CASH', balance: 20 } },
  });
  expect(added.status()).toBe(200);
  const widget = await openConnections(page, session.user);
  await expect(rows(widget).filter({ hasText: 'Manual accounts' })).toContainText('Manual');
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()) as { requests: { path: string }[] };
  const manualGuid = ((await added.json()) as { account: { member_guid: string } }).account.member_guid;
  expect(log.requests.filter((r) => r.path.includes(`${manualGuid}/status`))).toHaveLength(0);
});

test('Get help while fixing credentials reaches the mock help desk; a failing desk loses nothing', async ({
  page,
  request,
}) => {
  // fixing a member's credentials is one of the screens that offers help
  const { user, member } = await apiMember(request, 'locked', uniqueUser('help'));
  const widget = await openHost(page, { user_guid: user, current_member_guid: member });
  await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
  await widget.getByRole('button', { name: 'Get help' }).click();
  await widget.getByLabel('Your email').fill('jane@example.com');
  await widget.getByRole('combobox', { name: 'What went wrong' }).selectOption('other');
  await widget.getByLabel('Details').fill('help_fails: the bank says my account is locked');
  await widget.getByRole('button', { name: 'Send' }).click();
  await expect(widget.getByRole('alert')).toContainText('We could not send your message.');
  await expect(widget.getByLabel('Details')).toHaveValue('help_fails: the bank says my account is locked');

  const details = `locked-${uniqueUser('x')}`;
  await widget.getByLabel('Details').fill(details);
  await widget.getByRole('button', { name: 'Send' }).click();
  await expect(widget.getByRole('heading', { name: 'Message sent' })).toBeVisible();
  const listed = (await (await request.get(`${WIDGET_ORIGIN}/mock/help_requests`)).json()) as {
    help_requests: { details: string; step: string; email: string }[];
  };
  expect(listed.help_requests.find((h) => h.details === details)).toMatchObject({
    step: 'enterCreds',
    email: 'jane@example.com',
  });
  await widget.getByRole('button', { name: 'Back' }).click();
  await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
});

for (const [locale, heading, badge] of [
  ['es', 'Sus conexiones', 'Conectada'],
  ['fr-CA', 'Vos connexions', 'Connecté'],
] as const) {
  test(`your connections in ${locale}`, async ({ page, request }) => {
    const { user } = await returningUser(request, ['password']);
    const widget = await openHost(page, { user_guid: user, locale });
    await expect(widget.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(widget.getByRole('listitem').first()).toContainText(badge);
  });
}

test('on the demo host page, opening the widget again continues as the same user; New user starts afresh', async ({
  page,
}) => {
  const widget = await openHost(page, { current_institution_code: MX_BANK.code });
  await signIn(widget, 'password', uniqueUser('demo'));
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  await page.locator('#current_institution_code, [name="current_institution_code"]').fill('');
  await page.getByRole('button', { name: 'Open the widget' }).click();
  await expect(widget.getByRole('heading', { name: 'Your connections', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'New user' }).click();
  await expect(widget.getByRole('combobox', { name: 'Search for your bank or credit union' })).toBeVisible();
});

test('keyboard only: a manual account from search', async ({ page }) => {
  const widget = await openHost(page);
  const search = widget.getByRole('combobox', { name: 'Search for your bank or credit union' });
  await expect(search).toBeVisible();
  // the widget takes no focus on its own: from the host page, Tab into it
  await tabTo(page, search, 30);
  await page.keyboard.type('qqqzzz');
  const add = widget.getByRole('button', { name: 'Add an account manually' });
  await expect(add).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Add an account manually', level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('combobox', { name: 'Account type' })).toBeFocused();
  await widget.getByRole('combobox', { name: 'Account type' }).selectOption({ label: 'Checking' });
  await page.keyboard.press('Tab');
  await page.keyboard.type('Everyday');
  await page.keyboard.press('Tab');
  await page.keyboard.type('250.75');
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Account added', level: 1 })).toBeFocused();
});

test('keyboard only: Get help while fixing credentials', async ({ page, request }) => {
  const { user, member } = await apiMember(request, 'locked', uniqueUser('keys-help'));
  const fixing = await openHost(page, { user_guid: user, current_member_guid: member });
  const help = fixing.getByRole('button', { name: 'Get help' });
  await expect(help).toBeVisible();
  await expect(fixing.getByRole('heading', { name: 'Update your credentials', level: 1 })).toBeVisible();
  // the widget takes no focus on its own: from the host page, past its form, then the username,
  // password, forgot-password link and Continue
  await tabTo(page, help, 40);
  await page.keyboard.press('Enter');
  await expect(fixing.getByRole('heading', { name: 'Get help', level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('jane@example.com');
  await page.keyboard.press('Tab');
  await fixing.getByRole('combobox', { name: 'What went wrong' }).selectOption('credentials');
  await page.keyboard.press('Tab');
  await page.keyboard.type('It says my password is wrong.');
  await page.keyboard.press('Tab');
  await expect(fixing.getByRole('button', { name: 'Send' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fixing.getByRole('heading', { name: 'Message sent', level: 1 })).toBeFocused();
});
