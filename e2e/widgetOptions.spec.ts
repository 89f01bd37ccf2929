import { DEMO_PARTNER_SECRET } from '../server/config';
import { HOST_ORIGIN, WIDGET_ORIGIN } from '../playwright.config';
import { expect, openHost, partnerSession, test } from './fixtures';

test('a widget URL edited to an option the widget cannot use shows a plain message and tells the host', async ({
  page,
}) => {
  // someone edits the minted URL on its way to the frame
  await page.route('**/demo/widget-url', async (route) => {
    const response = await route.fetch();
    const minted = (await response.json()) as { url: string };
    const url = new URL(minted.url);
    url.searchParams.set('color_scheme', 'purple');
    await route.fulfill({ response, json: { ...minted, url: url.toString() } });
  });
  const widget = await openHost(page);
  const alert = widget.getByRole('alert');
  await expect(alert).toContainText('opened with settings it can’t use');
  await expect(alert).not.toContainText(/color_scheme|purple|must be/);
  await expect(page.locator('#log')).toContainText('connect-widget/invalidOption {"option":"color_scheme"');
  await widget.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('#log')).toContainText('mx/connect/connected/primaryAction');
});

test('the partner API refuses the same option, naming it, and an unknown user', async ({ request }) => {
  const { user } = await partnerSession(request);
  const headers = { authorization: `Bearer ${DEMO_PARTNER_SECRET}` };
  const data = { widget_url: { widget_type: 'connect_widget', color_scheme: 'purple' }, parent_origin: HOST_ORIGIN };
  const refused = await request.post(`${WIDGET_ORIGIN}/partner/users/${user}/widget_urls`, { headers, data });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({
    error: { status: 422, message: 'widget_url.color_scheme must be one of light, dark' },
  });
  const unknown = await request.post(`${WIDGET_ORIGIN}/partner/users/USR-nobody/widget_urls`, {
    headers,
    data: { widget_url: { widget_type: 'connect_widget' }, parent_origin: HOST_ORIGIN },
  });
  expect(unknown.status()).toBe(404);
});

test('the demo page shows the partner API’s refusal, which names the option', async ({ page }) => {
  await openHost(page, { brand_color: 'blue' });
  await expect(page.locator('#status')).toHaveText(
    'Could not open the widget: widget_url.brand_color must be a hex colour such as #1d4ed8',
  );
  await expect(page.locator('#widget iframe')).toHaveCount(0);
});

test('a remembered user the mock no longer knows opens the widget for a new user', async ({ page }) => {
  const widget = await openHost(page, { user_guid: 'USR-forgotten' });
  await expect(widget.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#status')).toContainText('Widget loaded from');
  await expect(page.locator('#status')).not.toContainText('USR-forgotten');
});
