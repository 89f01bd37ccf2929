import {
  expect,
  hostEvents,
  openHost,
  openProvider,
  pickInstitution,
  signIn,
  startOauth,
  test,
  uniqueUser,
} from './fixtures';

test.describe('Connect flows through the demo host page', () => {
  test('credentials → CONNECTED, with accounts listed', async ({ page }) => {
    const widget = await openHost(page);
    await pickInstitution(widget, 'MX Bank', 'MX Bank');
    await signIn(widget, 'password', uniqueUser('ok'));
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await expect(widget.getByText('MX Bank Checking')).toBeVisible();
    await widget.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(async () => (await hostEvents(page)).map((e) => e.type))
      .toContain('mx/connect/connected/primaryAction');
  });

  test('MFA: a TOKEN challenge answered right', async ({ page }) => {
    const widget = await openHost(page);
    await pickInstitution(widget, 'MX Bank', 'MX Bank');
    await signIn(widget, 'token', uniqueUser('mfa'));
    const code = widget.getByRole('textbox', { name: /6-digit code/ });
    await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await code.fill('123456');
    await widget.getByRole('button', { name: 'Continue' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  });

  test('a fix-credentials status: DENIED, then Update credentials connects', async ({ page }) => {
    const widget = await openHost(page);
    await pickInstitution(widget, 'MX Bank', 'MX Bank');
    const user = uniqueUser('fix');
    await signIn(widget, 'not-it', user);
    await expect(widget.getByRole('main')).toContainText(
      'The credentials entered do not match your credentials at this institution.',
    );
    await widget.getByRole('button', { name: 'Update credentials' }).click();
    await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
    await signIn(widget, 'password', user);
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  });

  for (const [decision, outcome] of [
    ['Authorize', 'Success!'],
    ['Deny', 'Sign in again at MX Bank (OAuth)'],
  ] as const) {
    test(`OAuth: ${decision} in the provider popup`, async ({ page }) => {
      const { widget, go } = await startOauth(page);
      const popup = await openProvider(page, go);
      await expect(popup.getByRole('heading', { name: 'MX Bank (OAuth)' })).toBeVisible();
      await popup.getByRole('button', { name: decision }).click();
      await expect(widget.getByRole('heading', { name: outcome })).toBeVisible();
      const types = (await hostEvents(page)).map((e) => e.type);
      expect(types).toContain('mx/connect/oauthRequested');
      if (decision === 'Deny') expect(types).toContain('mx/connect/oauthError');
      else expect(types).toContain('mx/connect/memberConnected');
    });
  }
});
