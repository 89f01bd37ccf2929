import { expect, hostEvents, openHost, openProvider, pickInstitution, startOauth, statusCodes, test } from './fixtures';

test.describe('OAuth', () => {
  test('Fail in the provider popup → FAILED with Try again and Back to search', async ({ page }) => {
    const { widget, go } = await startOauth(page);
    await (await openProvider(page, go)).getByRole('button', { name: 'Fail' }).click();
    await expect(widget.getByRole('heading', { name: 'Connection problem' })).toBeVisible();
    await expect(widget.getByRole('main')).toContainText(
      'There was a problem completing the sign-in at MX Bank (OAuth).',
    );
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type)).toContain('mx/connect/oauthError');
    await widget.getByRole('button', { name: 'Back to search' }).click();
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  });

  test('a blocked popup is explained, and its plain link still completes the sign-in', async ({ page }) => {
    // stands in for a popup blocker: window.open gives nothing back inside the widget frame
    await page.addInitScript(() => {
      if (window.top !== window) window.open = () => null;
    });
    const { widget, go } = await startOauth(page);
    await go.click();
    await expect(widget.getByText('Your browser blocked the sign-in window. Use this link to open it:')).toBeVisible();
    const popup = await openProvider(page, widget.getByRole('link', { name: 'Open MX Bank (OAuth) sign-in' }));
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  });

  test('popup closed by hand before its message arrives: polling still ends the flow', async ({ page, context }) => {
    // the result page never messages the widget
    await context.route('**/api/oauth/result.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: '' }),
    );
    const { widget, go } = await startOauth(page);
    const popup = await openProvider(page, go);
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await expect(popup.getByRole('heading', { name: 'You are signed in.' })).toBeVisible();
    await popup.close();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await expect.poll(() => statusCodes(page)).toEqual([21, 6]);
  });

  test('Reopen window opens the provider again; Cancel deletes the pending member', async ({ page }) => {
    const { widget, go } = await startOauth(page);
    await (await openProvider(page, go)).close();
    const second = await openProvider(page, widget.getByRole('button', { name: 'Reopen window' }));
    await expect(second.getByRole('button', { name: 'Authorize' })).toBeVisible();
    await widget.getByRole('button', { name: 'Cancel' }).click();
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type)).toContain('mx/connect/memberDeleted');
    // Cancel leaves the way every "back to search" does: the host hears of it
    expect((await hostEvents(page)).find((e) => e.type === 'mx/connect/backToSearch')?.metadata).toMatchObject({
      context: 'oauth',
    });
  });

  test('with search disabled, Cancel starts over at the partner’s institution, never at search', async ({ page }) => {
    const widget = await openHost(page, {
      current_institution_code: 'mxbank_oauth',
      disable_institution_search: 'true',
    });
    const go = widget.getByRole('button', { name: 'Go to MX Bank (OAuth)' });
    await expect(go).toBeEnabled();
    await (await openProvider(page, go)).close();
    await widget.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(async () => (await hostEvents(page)).map((e) => e.type)).toContain('mx/connect/memberDeleted');
    // a fresh OAuth member for the same institution, ready to go again
    await expect(widget.getByRole('button', { name: 'Go to MX Bank (OAuth)' })).toBeEnabled();
    await expect(widget.getByRole('heading', { name: 'Select your institution' })).toHaveCount(0);
    await expect(widget.getByRole('combobox')).toHaveCount(0);
    const deleted = (await hostEvents(page)).find((e) => e.type === 'mx/connect/memberDeleted')?.metadata.member_guid;
    const requested = (await hostEvents(page)).filter((e) => e.type === 'mx/connect/oauthRequested');
    expect(requested[0]?.metadata.member_guid).toBe(deleted);
  });

  test('the hybrid bank recommends OAuth and connects through it', async ({ page }) => {
    const widget = await openHost(page);
    await pickInstitution(widget, 'MX Bank (OAuth or', 'MX Bank (OAuth or credentials)');
    await widget.getByRole('button', { name: 'Sign in at MX Bank (OAuth or credentials) (recommended)' }).click();
    const go = widget.getByRole('button', { name: 'Go to MX Bank (OAuth or credentials)' });
    await expect(go).toBeEnabled();
    await (await openProvider(page, go)).getByRole('button', { name: 'Authorize' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  });
});
