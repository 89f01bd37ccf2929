import type { FrameLocator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import {
  apiMember,
  expect,
  openAtBank,
  openHost,
  pickInstitution,
  returningUser,
  signIn,
  test,
  uniqueUser,
  type HostOptions,
} from './fixtures';

const headingHasFocus = (widget: FrameLocator, name: string) =>
  expect(widget.getByRole('heading', { name, level: 1 })).toBeFocused();

/** Opens the widget in a colour scheme and checks the scheme really applied. */
async function openIn(page: Page, scheme: 'light' | 'dark', options: HostOptions = {}) {
  const widget = await openHost(page, { color_scheme: scheme, ...options });
  await expect(widget.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
  return widget;
}

/** MX Bank's credentials form, signed in with a sandbox password, in a colour scheme. */
async function signedInAtBank(page: Page, scheme: 'light' | 'dark', password: string) {
  const widget = await openAtBank(page, { color_scheme: scheme });
  await signIn(widget, password, uniqueUser(`${password}-${scheme}`));
  return widget;
}

/** One screen each: how to reach it, and what must be true there before axe runs. */
const SCREENS: { name: string; reach: (page: Page, scheme: 'light' | 'dark') => Promise<void> }[] = [
  {
    name: 'search (popular)',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme);
      await expect(widget.getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'search (no results)',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme);
      await widget.getByRole('combobox').fill('qqqzzz');
      await expect(widget.getByText(/No institutions match/)).toBeVisible();
    },
  },
  {
    name: 'consent',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme, { disable_consent: '' });
      await expect(widget.getByRole('button', { name: 'I agree' })).toBeVisible();
    },
  },
  {
    name: 'search (routing number)',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme);
      await widget.getByRole('combobox').fill('123456789');
      await expect(widget.getByText(/is not a valid routing number/)).toBeVisible();
    },
  },
  {
    name: 'institution unavailable',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme, { current_institution_code: 'mxbank_unavailable' });
      await expect(widget.getByRole('heading', { name: 'MX Bank (unavailable) is unavailable' })).toBeVisible();
    },
  },
  {
    name: 'chooseMethod',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme);
      await pickInstitution(widget, 'MX Bank (OAuth or', 'MX Bank (OAuth or credentials)');
      await headingHasFocus(widget, 'How do you want to connect to MX Bank (OAuth or credentials)?');
    },
  },
  {
    name: 'enterCreds with errors',
    reach: async (page, scheme) => {
      const widget = await openAtBank(page, { color_scheme: scheme });
      await widget.getByRole('button', { name: 'Continue' }).click();
      await expect(widget.getByText('Username is required.')).toBeVisible();
    },
  },
  {
    name: 'mfa (image options)',
    reach: async (page, scheme) => {
      const widget = await signedInAtBank(page, scheme, 'image_options');
      await headingHasFocus(widget, 'Verify your identity');
      await expect(widget.getByRole('status')).toHaveText(
        'To authenticate your connection to MX Bank, please answer the following challenge(s).',
      );
    },
  },
  {
    name: 'connected',
    reach: async (page, scheme) => {
      const widget = await signedInAtBank(page, scheme, 'password');
      await headingHasFocus(widget, 'Success!');
      await expect(widget.getByText(/Checking/)).toBeVisible();
      await expect(widget.getByRole('status')).toHaveText('Connected to MX Bank.');
    },
  },
  {
    name: 'connecting (delayed)',
    reach: async (page, scheme) => {
      const widget = await signedInAtBank(page, scheme, 'delayed');
      await expect(widget.getByRole('button', { name: 'Done, check back later' })).toBeVisible();
    },
  },
  ...(
    [
      ['denied', 'New credentials needed'],
      ['locked', 'Action needed at MX Bank'],
      ['failed', 'Connection problem'],
      ['closed', 'Connection unavailable'],
    ] as const
  ).map(([password, heading]) => ({
    name: `status: ${password}`,
    reach: async (page: Page, scheme: 'light' | 'dark') => {
      const widget = await signedInAtBank(page, scheme, password);
      await headingHasFocus(widget, heading);
    },
  })),
  {
    name: 'your connections',
    reach: async (page, scheme) => {
      const { user } = await returningUser(page.request, ['password', 'denied']);
      const widget = await openIn(page, scheme, { user_guid: user });
      await expect(widget.getByText('Needs attention', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'disconnect (reason required)',
    reach: async (page, scheme) => {
      const { user } = await returningUser(page.request, ['password']);
      const widget = await openIn(page, scheme, { user_guid: user });
      await widget.getByRole('button', { name: 'Disconnect MX Bank' }).click();
      await widget.getByRole('button', { name: 'Disconnect' }).click();
      await expect(widget.getByText('Choose a reason to continue.')).toBeVisible();
    },
  },
  {
    name: 'manual account (errors)',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme);
      await widget.getByRole('combobox').fill('qqqzzz');
      await widget.getByRole('button', { name: 'Add an account manually' }).click();
      await widget.getByRole('combobox', { name: 'Account type' }).selectOption({ label: 'Credit card' });
      await widget.getByRole('button', { name: 'Add account' }).click();
      await expect(widget.getByText('Account name is required.')).toBeVisible();
    },
  },
  {
    name: 'help (errors)',
    reach: async (page, scheme) => {
      const { user, member } = await apiMember(page.request, 'locked', uniqueUser(`help-${scheme}`));
      const widget = await openIn(page, scheme, { user_guid: user, current_member_guid: member });
      await widget.getByRole('button', { name: 'Get help' }).click();
      await widget.getByRole('button', { name: 'Send' }).click();
      await expect(widget.getByText('Details is required.')).toBeVisible();
    },
  },
  {
    name: 'oauth waiting',
    reach: async (page, scheme) => {
      const widget = await openIn(page, scheme, { current_institution_code: 'mxbank_oauth' });
      await expect(widget.getByRole('button', { name: 'Go to MX Bank (OAuth)' })).toBeEnabled();
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    for (const screen of SCREENS) {
      test(screen.name, async ({ page }) => {
        await screen.reach(page, scheme);
        await expectNoAxeViolations(page, `${screen.name} (${scheme})`);
      });
    }
  });
}

test('image tiles are chosen by clicking the image, and the choice connects', async ({ page }) => {
  const widget = await signedInAtBank(page, 'light', 'image_options');
  // the tile (its image) is what a user clicks; the radio inside is visually hidden
  await widget.getByRole('img', { name: 'Sailboat' }).click();
  await expect(widget.getByRole('radio', { name: 'Sailboat' })).toBeChecked();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await headingHasFocus(widget, 'Success!');
});

test('a host brand colour too light for white text is darkened until it passes AA', async ({ page }) => {
  const widget = await openAtBank(page, { brand_color: '#ffff00', corner_radius: '16' });
  const button = widget.getByRole('button', { name: 'Continue' });
  await expect(button).toHaveCSS('border-radius', '16px');
  const background = await button.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 0)');
  await expectNoAxeViolations(page, 'themed credentials');
});
