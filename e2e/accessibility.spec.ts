import type { FrameLocator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { expect, pickInstitution, signIn, test, uniqueUser } from './fixtures';
import { WIDGET_ORIGIN } from '../playwright.config';

async function openWith(page: Page, scheme: 'light' | 'dark'): Promise<FrameLocator> {
  await page.goto(`/?widget_origin=${encodeURIComponent(WIDGET_ORIGIN)}`);
  await page.getByLabel('Color scheme').selectOption(scheme);
  await page.getByRole('button', { name: 'Open the widget' }).click();
  const widget = page.frameLocator('#widget iframe');
  await expect(widget.getByRole('combobox')).toBeVisible();
  await expect(widget.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
  return widget;
}

const headingHasFocus = (widget: FrameLocator, name: string) =>
  expect(widget.getByRole('heading', { name, level: 1 })).toBeFocused();

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test(`axe: search, method choice, credentials with errors, MFA, connected`, async ({ page }) => {
      const widget = await openWith(page, scheme);
      await expect(widget.getByRole('option').first()).toBeVisible();
      await expectNoAxeViolations(page, 'search (popular)');
      await widget.getByRole('combobox').fill('qqqzzz');
      await expect(widget.getByText(/No institutions match/)).toBeVisible();
      await expectNoAxeViolations(page, 'search (no results)');

      await pickInstitution(widget, 'MX Bank (OAuth or', 'MX Bank (OAuth or credentials)');
      await headingHasFocus(widget, 'How do you want to connect to MX Bank (OAuth or credentials)?');
      await expectNoAxeViolations(page, 'chooseMethod');
      await widget.getByRole('button', { name: 'Enter your credentials here' }).click();
      await headingHasFocus(widget, 'Enter your credentials');
      await widget.getByRole('button', { name: 'Continue' }).click();
      await expect(widget.getByText('Username is required.')).toBeVisible();
      await expectNoAxeViolations(page, 'enterCreds with errors');

      await signIn(widget, 'image_options', uniqueUser(`a11y-${scheme}`));
      await headingHasFocus(widget, 'Verify your identity');
      await expectNoAxeViolations(page, 'mfa (image options)');
      await expect(widget.getByRole('status')).toHaveText(
        'To authenticate your connection to MX Bank (OAuth or credentials), please answer the following challenge(s).',
      );
      // the tile (its image) is what a user clicks; the radio inside is visually hidden
      await widget.getByRole('img', { name: 'Sailboat' }).click();
      await expect(widget.getByRole('radio', { name: 'Sailboat' })).toBeChecked();
      await widget.getByRole('button', { name: 'Continue' }).click();
      await headingHasFocus(widget, 'Success!');
      await expect(widget.getByText(/Checking/)).toBeVisible();
      await expectNoAxeViolations(page, 'connected');
      await expect(widget.getByRole('status')).toHaveText('Connected to MX Bank (OAuth or credentials).');
    });

    test(`axe: connecting, every status class screen, OAuth waiting`, async ({ page }) => {
      const widget = await openWith(page, scheme);
      const screens: [string, string][] = [
        ['delayed', 'Connecting to MX Bank'],
        ['denied', 'New credentials needed'],
        ['locked', 'Action needed at MX Bank'],
        ['failed', 'Connection problem'],
        ['closed', 'Connection unavailable'],
      ];
      for (const [password, heading] of screens) {
        await pickInstitution(widget, 'MX Bank', 'MX Bank');
        await signIn(widget, password, uniqueUser(`${password}-${scheme}`));
        await headingHasFocus(widget, heading);
        await expectNoAxeViolations(page, `${password} screen`);
        // DELAYED may have finished while axe ran: either way there is a way back to search
        await widget
          .getByRole('button', { name: /^(Done, check back later|Connect another account|Back to search)$/ })
          .click();
        await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
      }
      await pickInstitution(widget, 'MX Bank (OAuth)', 'MX Bank (OAuth)');
      await expect(widget.getByRole('button', { name: 'Go to MX Bank (OAuth)' })).toBeEnabled();
      await expectNoAxeViolations(page, 'oauth');
    });
  });
}

test('a host brand colour too light for white text is darkened until it passes AA', async ({ page }) => {
  await page.goto(`/?widget_origin=${encodeURIComponent(WIDGET_ORIGIN)}`);
  await page.getByLabel('Brand colour (optional)').fill('#ffff00');
  await page.getByLabel('Corner radius in px, 0 to 24 (optional)').fill('16');
  await page.getByRole('button', { name: 'Open the widget' }).click();
  const widget = page.frameLocator('#widget iframe');
  await pickInstitution(widget, 'MX Bank', 'MX Bank');
  const button = widget.getByRole('button', { name: 'Continue' });
  await expect(button).toHaveCSS('border-radius', '16px');
  const background = await button.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 0)');
  await expectNoAxeViolations(page, 'themed credentials');
});
