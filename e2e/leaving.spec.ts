import type { APIRequestContext } from '@playwright/test';
import { WIDGET_ORIGIN } from '../playwright.config';
import { expect, openHost, openProvider, partnerSession, startOauth, test, widgetUser } from './fixtures';

/** The user's members, read over the widget API as a fresh widget session of that user would. */
async function membersOf(request: APIRequestContext, user: string) {
  const session = await partnerSession(request, { user });
  const res = await request.get(`${WIDGET_ORIGIN}/api/users/${user}/members`, { headers: session.headers });
  return ((await res.json()) as { members: { guid: string; connection_status: string | null }[] }).members;
}

test.describe('what the user left stays left', () => {
  test('the bank’s window closes when the host removes the widget', async ({ page }) => {
    const { go } = await startOauth(page);
    const popup = await openProvider(page, go);
    await expect(popup.getByRole('button', { name: 'Authorize' })).toBeVisible();
    // what the SDK's unmount() does: the iframe leaves the host page
    await page.evaluate(() => document.querySelector('#widget iframe')?.remove());
    await expect.poll(() => popup.isClosed()).toBe(true);
  });

  test('the bank’s window closes on Cancel', async ({ page }) => {
    const { widget, go } = await startOauth(page);
    const popup = await openProvider(page, go);
    await widget.getByRole('button', { name: 'Cancel' }).click();
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
    await expect.poll(() => popup.isClosed()).toBe(true);
  });

  test('Cancel while the sign-in is still being prepared: no jump back, no PENDING member left', async ({
    page,
    request,
  }) => {
    // the member is made at once, its answer held until the user has left (a slow create)
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let made = false;
    await page.route('**/api/users/*/members', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      made = true;
      await held;
      return route.fulfill({ response });
    });
    const widget = await openHost(page, { current_institution_code: 'mxbank_oauth' });
    await expect(widget.getByText('Preparing a secure sign-in…')).toBeVisible();
    await expect.poll(() => made).toBe(true);
    const user = await widgetUser(page);
    await widget.getByRole('button', { name: 'Cancel' }).click();
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
    expect(await membersOf(request, user)).toHaveLength(1);

    release();
    await expect.poll(async () => membersOf(request, user)).toEqual([]);
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
    await expect(widget.getByRole('heading', { name: /Sign in at/ })).toHaveCount(0);
  });
});
