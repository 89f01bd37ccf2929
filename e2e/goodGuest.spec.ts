import type { Page } from '@playwright/test';
import { expect, hostEvents, openAtBank, openHost, test, uniqueUser, widgetUser } from './fixtures';

/**
 * The widget is a guest on the partner's page: it moves neither the page nor the user's focus
 * unless the user is acting inside it, and it keeps its frame steady across the first screens.
 */

/** Before the host page runs: a field of the partner's at the top, the widget 2,500 px below the fold. */
async function partnerPageWithField(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const label = document.createElement('label');
      label.textContent = 'Your name ';
      const field = document.createElement('input');
      field.id = 'partner-name';
      label.append(field);
      document.body.prepend(label);
      const spacer = document.createElement('div');
      spacer.style.height = '2500px';
      document.querySelector('#widget')?.before(spacer);
    });
  });
}

const partnerField = (page: Page) => page.getByLabel('Your name');
const partnerFieldHasFocus = (page: Page) => page.evaluate(() => document.activeElement?.id === 'partner-name');

test('typing in the partner page while the widget opens far below: no scroll, no stolen keys', async ({ page }) => {
  await partnerPageWithField(page);
  const widget = await openHost(page);
  await partnerField(page).click();
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.type('Ann ', { delay: 30 });
  // the widget finishes opening (its search and popular list) between the two words
  await expect(widget.getByRole('listbox', { name: 'Popular institutions' })).toBeAttached();
  await expect.poll(async () => (await hostEvents(page)).some((e) => e.type === 'mx/connect/loaded')).toBe(true);
  await page.keyboard.type('Smith', { delay: 30 });

  await expect(partnerField(page)).toHaveValue('Ann Smith');
  expect(await partnerFieldHasFocus(page)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await expect(widget.getByRole('combobox', { name: 'Search for your bank or credit union' })).toHaveValue('');
  expect((await hostEvents(page)).filter((e) => e.type === 'mx/connect/institutionSearch')).toEqual([]);
});

test('a connection that finishes while the user types in the partner page leaves them there, and is announced', async ({
  page,
}) => {
  await partnerPageWithField(page);
  const widget = await openAtBank(page);
  await widget.getByLabel('Username').fill(uniqueUser('guest'));
  await widget.getByLabel('Password', { exact: true }).fill('password');
  await widget.getByRole('button', { name: 'Continue' }).click();
  // the user goes back to the partner's form while the bank is being reached
  await partnerField(page).click();
  await page.keyboard.type('Ann ', { delay: 30 });
  const before = await page.evaluate(() => window.scrollY);
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  await page.keyboard.type('Smith', { delay: 30 });

  await expect(partnerField(page)).toHaveValue('Ann Smith');
  expect(await partnerFieldHasFocus(page)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  await expect(widget.getByRole('heading', { name: 'Success!' })).not.toBeFocused();
  await expect(widget.getByRole('status').filter({ hasText: 'Success!' })).toBeAttached();
});

test('acting in the widget, focus still lands on each new screen’s heading, never on the page', async ({ page }) => {
  const widget = await openAtBank(page);
  await widget.getByLabel('Username').fill(uniqueUser('guest-keys'));
  await widget.getByLabel('Password', { exact: true }).fill('challenge');
  await widget.getByLabel('Password', { exact: true }).press('Enter');
  await expect(widget.getByRole('heading', { name: 'Verify your identity' })).toBeFocused();
  // an empty answer: focus goes to the field that needs it
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('correct');
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeFocused();
});

test('search actions keep focus in the widget: Show all popular, Show more results', async ({ page }) => {
  const widget = await openHost(page);
  const box = widget.getByRole('combobox', { name: 'Search for your bank or credit union' });
  await box.click();
  await widget.getByRole('button', { name: 'Show all popular institutions' }).click();
  // the button is gone: the user is on the box, at the first new row, told how many came
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-activedescendant', /opt-8$/);
  await expect(widget.getByRole('status').filter({ hasText: /more institutions? shown/ })).toBeAttached();
  await box.fill('bank');
  await expect(widget.getByText(/institutions? found$/)).toBeAttached();
  const more = widget.getByRole('button', { name: 'Show more results' });
  await more.click();
  await expect(widget.getByRole('status').filter({ hasText: '25 more institutions shown' })).toBeAttached();
  expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
});

test('focus after an action lands on what changed: account picker, duplicate connection', async ({ page }) => {
  const focusedIsBody = () =>
    page
      .frameLocator('#widget iframe')
      .locator('body')
      .evaluate((body) => document.activeElement === body);
  const username = uniqueUser('guest-picks');
  const widget = await openAtBank(page, { mode: 'verification' });
  await widget.getByLabel('Username').fill(username);
  await widget.getByLabel('Password', { exact: true }).fill('password');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByRole('heading', { name: 'Choose an account' })).toBeFocused();
  const use = widget.getByRole('button', { name: 'Use this account' });
  await use.click();
  await expect(widget.getByRole('radio').first()).toBeFocused();
  await widget.getByRole('radio', { name: /Checking/ }).check();
  await use.click();
  await expect(widget.getByText(/^You chose /)).toBeFocused();
  expect(await focusedIsBody()).toBe(false);

  // the same bank and username again: the duplicate alert, and the user on its way on
  const again = await openAtBank(page, { user_guid: await widgetUser(page) });
  await again.getByLabel('Username').fill(username);
  await again.getByLabel('Password', { exact: true }).fill('password');
  await again.getByRole('button', { name: 'Continue' }).click();
  await expect(again.getByRole('button', { name: 'Update the existing connection' })).toBeFocused();
  expect(await focusedIsBody()).toBe(false);
});

/**
 * The frame's height as the host sized it, each time it changed: consent, search, a query, then
 * the credentials form. The largest step from one height to the next is reported.
 */
test('a steady frame: the largest height jump across consent, search and credentials', async ({ page }, info) => {
  await page.addInitScript(() => {
    const heights: number[] = [];
    Object.assign(window, { frameHeights: heights });
    new MutationObserver(() => {
      const frame = document.querySelector<HTMLIFrameElement>('#widget iframe');
      const height = frame ? Math.round(frame.getBoundingClientRect().height) : 0;
      if (height > 0 && heights.at(-1) !== height) heights.push(height);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'], childList: true });
  });
  const widget = await openHost(page, { disable_consent: '' });
  await expect(widget.getByRole('button', { name: 'I agree' })).toBeVisible();
  const text = widget.getByRole('region', { name: 'What you agree to' });
  await text.focus();
  await text.press('End');
  await widget.getByRole('button', { name: 'I agree' }).click();
  await expect(widget.getByRole('option').first()).toBeVisible();
  await frameFits(page);
  await widget.getByRole('combobox').fill('MX Bank');
  await expect(widget.getByRole('listbox', { name: 'Search results' })).toBeVisible();
  await expect(widget.getByText(/institutions? found$/)).toBeAttached();
  await widget.getByRole('option', { name: 'MX Bank', exact: true }).click();
  await expect(widget.getByLabel('Password', { exact: true })).toBeVisible();
  await frameFits(page);

  const heights = await heightsNow(page);
  const jumps = heights.slice(1).map((h, i) => Math.abs(h - (heights[i] ?? h)));
  const largest = Math.max(0, ...jumps);
  const line = `frame heights ${heights.join(' → ')} px; largest jump ${largest} px`;
  console.info(line);
  info.annotations.push({ type: 'frame heights', description: line });
  // A jump is how far the partner's content under the frame moves at once. 200 px is under a
  // quarter of a phone screen (and three rows of the list): consent and credentials sit at the
  // 600 px floor, the search box with eight popular rows about 150 px above it. Before, the frame
  // went ~70 → ~540 → ~1,200 → ~400 px (a spinner, consent, 25 popular rows, credentials).
  expect(largest).toBeLessThanOrEqual(200);
});

/**
 * Resizes are debounced: waits until the frame is as tall as the widget's content in it, within
 * the heights the widget asks for (src/app/useReportHeight.ts: 600 to 1,200 px).
 */
async function frameFits(page: Page) {
  const widget = page.frameLocator('#widget iframe');
  await expect
    .poll(async () => {
      const content = await widget
        .locator('main')
        .evaluate((el) => Math.ceil(el.parentElement?.getBoundingClientRect().height ?? 0));
      const frame = await page
        .locator('#widget iframe')
        .evaluate((el) => Math.round(el.getBoundingClientRect().height));
      return Math.abs(Math.min(1_200, Math.max(600, content)) - frame) <= 2;
    })
    .toBe(true);
}

async function heightsNow(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { frameHeights: number[] }).frameHeights.slice());
}
