import { HOST_ORIGIN, THIRD_ORIGIN, WIDGET_ORIGIN } from '../playwright.config';
import { expect, hostEvents, openHost, partnerSession, pickInstitution, signIn, test, uniqueUser } from './fixtures';

test.describe('embedding across two origins', () => {
  test('a credentials flow sends its events in order, each with user_guid and session_guid', async ({ page }) => {
    const widget = await openHost(page);
    await pickInstitution(widget, 'MX Bank', 'MX Bank');
    const password = 'password';
    await signIn(widget, password, uniqueUser('events'));
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type)).toContain('mx/connect/memberConnected');
    const events = await hostEvents(page);
    const order = [
      'mx/load',
      'mx/connect/loaded',
      'mx/connect/selectedInstitution',
      'mx/connect/stepChange',
      'mx/connect/enterCredentials',
      'mx/connect/memberStatusUpdate',
      'mx/connect/memberConnected',
    ];
    const positions = order.map((type) => events.findIndex((e) => e.type === type));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const event of events.filter((e) => e.type !== 'mx/load')) {
      expect(event.metadata.user_guid).toMatch(/^USR-/);
      expect(event.metadata.session_guid).toMatch(/^SES-/);
    }
    const updates = events
      .filter((e) => e.type === 'mx/connect/memberStatusUpdate')
      .map((e) => e.metadata.connection_status);
    expect(updates).toContain(6);
    expect(updates.every((code) => typeof code === 'number')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(`"${password}"`);
  });

  test('Back from the host moves the widget back; Ping is answered', async ({ page }) => {
    const widget = await openHost(page);
    await pickInstitution(widget, 'MX Bank', 'MX Bank');
    await expect(widget.getByRole('heading', { name: 'Enter your credentials' })).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
    await page.getByRole('button', { name: 'Ping' }).click();
    await expect
      .poll(async () =>
        (await hostEvents(page))
          .filter((e) => e.type === 'mx/navigation' || e.type === 'mx/ping')
          .map((e) => [e.type, e.metadata.did_go_back]),
      )
      .toEqual([
        ['mx/navigation', true],
        ['mx/ping', undefined],
      ]);
  });

  test('the iframe grows to the widget’s content', async ({ page }) => {
    const widget = await openHost(page);
    await expect(widget.getByRole('combobox')).toBeVisible();
    await expect
      .poll(async () => page.locator('#widget iframe').evaluate((f) => (f as HTMLIFrameElement).style.height))
      .not.toBe('600px');
  });

  test('no event payload ever contains the typed password, even on errors', async ({ page }) => {
    const widget = await openHost(page);
    await pickInstitution(widget, 'MX Bank', 'MX Bank');
    const secret = 'Typed-Secret-123';
    await signIn(widget, secret, uniqueUser('secret'));
    await expect(widget.getByRole('heading', { name: 'New credentials needed' })).toBeVisible();
    await expect(page.locator('#log')).not.toContainText(secret);
  });

  test('framed by a third origin, the widget shows an error and sends nothing', async ({ page, request }) => {
    // The server's CSP lets only the token's parent_origin frame the page. To reach the widget's
    // own gate behind it, the URL is minted for the third origin and its parent_origin then
    // changed: the frame loads, and the widget itself must refuse to run.
    const session = await partnerSession(request, { parentOrigin: THIRD_ORIGIN });
    const tampered = new URL(session.url);
    tampered.searchParams.set('parent_origin', HOST_ORIGIN);
    const url = tampered.toString();
    await page.route(`${THIRD_ORIGIN}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>third</title><script>window.got=[];addEventListener('message',e=>window.got.push(e.data))</script><iframe src="${url}" title="widget"></iframe>`,
      }),
    );
    await page.goto(`${THIRD_ORIGIN}/`);
    const widget = page.frameLocator('iframe');
    await expect(widget.getByRole('alert')).toHaveText('This widget can only run inside the app that opened it.');
    // a marker posted by the widget frame now arrives after anything the widget itself posted
    // before rendering its error (one source, one target: messages keep their order)
    const frame = page.frames().find((f) => f.url().startsWith(`${WIDGET_ORIGIN}/`));
    await frame?.evaluate(() => window.parent.postMessage('test-marker', '*'));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { got: unknown[] }).got))
      .toEqual(['test-marker']);
  });

  test('the widget page is framed only by its token’s parent_origin, and carries its security headers', async ({
    request,
  }) => {
    const session = await partnerSession(request);
    const response = await request.get(session.url);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`frame-ancestors ${HOST_ORIGIN};`);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
    expect(response.headers()['cache-control']).toBe('no-store');
    const bare = await request.get(`${WIDGET_ORIGIN}/`);
    expect(bare.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
