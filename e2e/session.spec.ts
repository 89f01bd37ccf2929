import { DEMO_SESSION_SECRET } from '../server/config';
import { mintSessionToken } from '../server/sessions';
import { HOST_ORIGIN, WIDGET_ORIGIN } from '../playwright.config';
import { expect, openAtBank, signIn, test, uniqueUser, widgetUser } from './fixtures';

test('a session that expires mid-flow shows its screen and tells the host', async ({ page }) => {
  const widget = await openAtBank(page);
  const user = await widgetUser(page);
  // from here on the widget's token is one that expired an hour ago (the demo server's secret)
  const expired = await mintSessionToken(
    DEMO_SESSION_SECRET,
    { user_guid: user, session_guid: 'SES-x', parent_origin: HOST_ORIGIN, options: {} },
    60,
    Math.floor(Date.now() / 1000) - 3_600,
  );
  await page.route('**/api/users/**', (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${expired}` } }),
  );
  await signIn(widget, 'password', uniqueUser('expired'));
  await expect(widget.getByRole('heading', { name: 'Your session has expired' })).toBeVisible();
  await expect(widget.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(page.locator('#log')).toContainText('connect-widget/sessionExpired');
});

test('the session token leaves the widget’s visible URL once read, and never reaches an event', async ({ page }) => {
  await openAtBank(page);
  const frame = page.frames().find((f) => f.url().startsWith(`${WIDGET_ORIGIN}/`));
  expect(frame?.url()).not.toContain('session_token');
  expect(await frame?.evaluate(() => window.location.href)).not.toContain('session_token');
  await expect(page.locator('#log')).toContainText('mx/connect/loaded');
  expect(await page.locator('#log').textContent()).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
});
