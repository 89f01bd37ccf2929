import { MX_BANK } from '../server/upstreams/mock/sandbox';
import {
  apiMember,
  expect,
  hostEvents,
  openAtBank,
  openHost,
  pickInstitution,
  signIn,
  test,
  uniqueUser,
} from './fixtures';

test('update-credentials mode from the widget URL (current_member_guid)', async ({ page, request }) => {
  const username = uniqueUser('update');
  const { user, member } = await apiMember(request, 'denied', username);
  const widget = await openHost(page, { user_guid: user, current_member_guid: member });
  await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
  await signIn(widget, 'password', username);
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  const update = (await hostEvents(page)).find((e) => e.type === 'mx/connect/updateCredentials');
  expect(update?.metadata).toMatchObject({ member_guid: member, institution: { code: MX_BANK.code } });
});

test('a duplicate member gets its own message and a way forward', async ({ page, request }) => {
  // the user connected this login before (over the API, as an earlier visit would have)
  const username = uniqueUser('dup');
  const { user } = await apiMember(request, 'password', username);
  const widget = await openAtBank(page, { user_guid: user });
  await signIn(widget, 'password', username);
  await expect(widget.getByRole('alert')).toContainText('You have already connected this MX Bank account.');
  await widget.getByRole('button', { name: 'Update the existing connection' }).click();
  await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
  await signIn(widget, 'password', username);
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
});

test('keyboard only: search, credentials, MFA and Done without the mouse', async ({ page }) => {
  const widget = await openHost(page);
  const search = widget.getByRole('combobox');
  await expect(search).toBeVisible();
  // from the host page, Tab until focus enters the widget's search box
  for (
    let i = 0;
    i < 20 && !(await search.evaluate((el) => el === document.activeElement && document.hasFocus()));
    i += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(search).toBeFocused();
  await page.keyboard.type('MX Bank');
  await expect(widget.getByText(/institutions? found/)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Enter your credentials' })).toBeFocused();
  // the heading shows first; a user tabs on once the bank's fields are there (they load after it)
  await expect(widget.getByLabel('Username')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.type(uniqueUser('keys'));
  await page.keyboard.press('Tab');
  await page.keyboard.type('challenge');
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Verify your identity' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('correct');
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await hostEvents(page)).map((e) => e.type))
    .toContain('mx/connect/connected/primaryAction');
});

for (const [name, width] of [
  ['320 px wide', 320],
  ['full width', 0],
] as const) {
  test(`a credentials flow fits at ${name}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const widget = await openHost(page);
    const frame = page.locator('#widget iframe');
    await expect(widget.getByRole('combobox')).toBeVisible();
    // the partner decides the frame's width; 320 px is the narrowest the design supports
    if (width) await frame.evaluate((el, w) => ((el as HTMLIFrameElement).style.width = `${w}px`), width);
    const sideScroll = () => widget.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    await expect.poll(sideScroll).toBe(0);
    await pickInstitution(widget, 'MX Credit', 'MX Credit Union');
    await widget.getByLabel('Member number').fill(uniqueUser('narrow'));
    await widget.getByLabel('Password', { exact: true }).fill('password');
    await widget.getByLabel('Branch ID').fill('7');
    await widget.getByLabel('Account type').selectOption('personal');
    await expect.poll(sideScroll).toBe(0);
    await widget.getByRole('button', { name: 'Continue' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await expect.poll(sideScroll).toBe(0);
    // content height is reported to the host (debounced), so the frame grows to show everything
    await expect
      .poll(async () => {
        const frameHeight = await frame.evaluate((el) => el.getBoundingClientRect().height);
        const contentBottom = await widget.locator('main').evaluate((el) => el.getBoundingClientRect().bottom);
        return frameHeight - contentBottom;
      })
      .toBeGreaterThanOrEqual(0);
  });
}

test('verification mode: pick the account to verify; the host hears which', async ({ page }) => {
  const widget = await openHost(page, { mode: 'verification' });
  await pickInstitution(widget, 'MX Bank', 'MX Bank');
  await signIn(widget, 'password', uniqueUser('verify'));
  await expect(widget.getByRole('heading', { name: 'Choose an account' })).toBeVisible();
  await widget.getByRole('radio', { name: /Checking/ }).check();
  await widget.getByRole('button', { name: 'Use this account' }).click();
  await expect(page.locator('#log')).toContainText('connect-widget/accountSelected');
  await widget.getByRole('button', { name: 'Done' }).click();
  await expect
    .poll(async () => (await hostEvents(page)).map((e) => e.type))
    .toContain('mx/connect/connected/primaryAction');
});
