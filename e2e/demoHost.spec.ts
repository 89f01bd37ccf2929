import type { Page } from '@playwright/test';
import { expect, openHost, returningUser, test, widgetUser } from './fixtures';

/** A request the demo page's own script could make (same origin, its cookie sent), and its answer. */
const fromPage = (page: Page, path: string, body: unknown) =>
  page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { error?: { message?: string } } };
    },
    { path, body },
  );

const NOT_YOURS = 'This browser did not create that user';

test('the demo host remembers its own user in an HttpOnly, SameSite=Strict cookie and reopens for them', async ({
  page,
}) => {
  const widget = await openHost(page);
  await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  const user = await widgetUser(page);
  await expect(page.getByRole('status')).toContainText(`for ${user}`);

  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'demo_users');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000);
  // the page's script never sees it
  expect(await page.evaluate(() => document.cookie)).not.toContain('demo_users');

  // a reload starts from what the back end remembers: the same user
  await page.reload();
  await expect(page.getByRole('status')).toContainText(`for ${user}`);
});

test('the demo back end refuses another user’s guid, and the page shows the refusal', async ({ page, request }) => {
  const other = await returningUser(request, ['password']);
  await openHost(page);
  const mine = await widgetUser(page);

  const minted = await fromPage(page, '/demo/widget-url', { user_guid: other.user, options: {} });
  expect(minted.status).toBe(403);
  expect(minted.body.error?.message).toContain(NOT_YOURS);
  const skipped = await fromPage(page, '/demo/skip-ahead', { user_guid: other.user });
  expect(skipped.status).toBe(403);
  // its own user still works
  expect((await fromPage(page, '/demo/widget-url', { user_guid: mine, options: {} })).status).toBe(200);

  // once the browser forgets (the cookie expired or was cleared), the page's user is refused too, visibly
  await page.context().clearCookies();
  await page.getByRole('button', { name: 'Open the widget' }).click();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Could not open the widget: ${NOT_YOURS}`));
  await page.getByRole('button', { name: 'Skip ahead one day (mock)' }).click();
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^Could not move the mock clock: ${NOT_YOURS}`));
});

test('a link naming someone else’s user opens the widget for a new user, not theirs', async ({ page, request }) => {
  const other = await returningUser(request, ['password']);
  await page.goto(`/?disable_consent=true&user_guid=${other.user}`);
  await expect(page.getByText('This link names a user: it is ignored.')).toBeVisible();
  const widget = page.frameLocator('#widget iframe');
  await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  await expect(widget.getByRole('heading', { name: 'Your connections' })).toHaveCount(0);
  expect(await widgetUser(page)).not.toBe(other.user);
  await expect(page.getByRole('status')).not.toContainText(other.user);
});
