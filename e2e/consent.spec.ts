import { expect, hostEvents, openHost, test } from './fixtures';

test('consent comes first on the demo host page; agreeing hands the host its record, then search', async ({ page }) => {
  const widget = await openHost(page, { disable_consent: '' });
  await expect(
    widget.getByRole('heading', { name: 'Demo partner app uses MX to connect your accounts' }),
  ).toBeVisible();
  await expect(widget.getByRole('link', { name: 'Demo partner app’s privacy policy' })).toHaveAttribute(
    'href',
    'https://partner.example/privacy',
  );
  // "I agree" waits until the text has been read to its end: here, by keyboard
  const text = widget.getByRole('region', { name: 'What you agree to' });
  await text.focus();
  await text.press('End');
  await expect(widget.getByText('Read to the end to agree.')).toBeHidden();
  await widget.getByRole('button', { name: 'I agree' }).click();
  await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  const record = page.locator('#log li').filter({ hasText: /^connect-widget\/consentGiven / });
  await expect(record).toHaveCount(1);
  const metadata = JSON.parse((await record.textContent())?.replace('connect-widget/consentGiven ', '') ?? '{}');
  expect(metadata).toMatchObject({
    scope: ['account_details', 'balances', 'transactions'],
    policy_url: 'https://partner.example/privacy',
  });
  expect((await hostEvents(page)).find((e) => e.type === 'mx/connect/loaded')?.metadata.initial_step).toBe('consent');
});

test('declining on the consent screen tells the host and shares nothing', async ({ page }) => {
  const widget = await openHost(page, { disable_consent: '' });
  await widget.getByRole('button', { name: 'Decline' }).click();
  await expect(widget.getByRole('heading', { name: 'Nothing was shared' })).toBeVisible();
  await expect(page.locator('#log li').filter({ hasText: /^connect-widget\/consentDeclined / })).toHaveCount(1);
});
