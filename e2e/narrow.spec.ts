import type { FrameLocator, Page } from '@playwright/test';
import { LONG_NAME } from '../server/upstreams/mock/catalogue';
import { DEPOSITED_AFTER_MS } from '../server/upstreams/mock/microdeposits';
import { WIDGET_ORIGIN } from '../playwright.config';
import { LOCALES } from '../src/i18n/allLocales';
import type { MessageKey } from '../src/i18n/en';
import { expectNoAxeViolations } from './a11y';
import {
  advanceUserClock,
  expect,
  openHost,
  partnerSession,
  returningUser,
  test,
  uniqueUser,
  type HostOptions,
} from './fixtures';

/**
 * Every screen a user can reach, in a narrow frame, with the longest strings the sandbox has (a
 * bank whose name is one 78-character word, its accounts, a long typed query and email): nothing
 * scrolls sideways, nothing that tells two items apart is clipped, and axe finds nothing. All
 * screens at 320 px in every locale and both schemes split between them; a subset at 375 px and
 * at the demo page's own width.
 */
type Locale = 'en' | 'es' | 'fr-CA';
type Scheme = 'light' | 'dark';
interface Run {
  locale: Locale;
  scheme: Scheme;
}

const tr = (locale: Locale, key: MessageKey, vars: Record<string, string> = {}) =>
  Object.entries(vars).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, value), LOCALES[locale][key]);

const h1 = (widget: FrameLocator, name: string) => widget.getByRole('heading', { name, level: 1, exact: true });

/** The host page's body padding and the widget box's border, around the iframe. */
const HOST_CHROME = 34;

/** Sizes the page so the widget's own frame is `width` CSS pixels wide (the demo width: as it comes). */
async function frameWidth(page: Page, width: number | 'demo') {
  if (width === 'demo') return;
  await page.setViewportSize({ width: width + HOST_CHROME, height: 800 });
}

async function open(page: Page, run: Run, options: HostOptions = {}) {
  await page.emulateMedia({ colorScheme: run.scheme });
  const widget = await openHost(page, { locale: run.locale, color_scheme: run.scheme, ...options });
  // at phone widths the demo page stacks its form above the widget: Chromium does not render a
  // cross-origin frame below the fold (no animation frames, no resize reports), so bring it in view
  await page.locator('#widget iframe').scrollIntoViewIfNeeded();
  await expect(widget.locator('html')).toHaveClass(run.scheme === 'dark' ? /dark/ : /^(?!.*dark)/);
  return widget;
}

async function signIn(widget: FrameLocator, run: Run, password: string) {
  await widget.getByLabel('Username').fill(uniqueUser(`narrow-${password}`));
  await widget.getByLabel('Password', { exact: true }).fill(password);
  await widget.getByRole('button', { name: tr(run.locale, 'creds.submit'), exact: true }).click();
}

async function atLongBank(page: Page, run: Run, options: HostOptions = {}) {
  const widget = await open(page, run, { current_institution_code: 'mxbank_longname', ...options });
  await expect(h1(widget, tr(run.locale, 'creds.heading'))).toBeVisible();
  return widget;
}

async function noResults(page: Page, run: Run, options: HostOptions = {}) {
  const widget = await open(page, run, options);
  await widget.getByRole('combobox').fill('qqqzzz'.repeat(12));
  await expect(widget.getByText(/qqqzzzqqqzzz/)).toBeVisible();
  return widget;
}

/** The microdeposit form in verification mode, through search's way out, up to its routing step. */
async function microdepositRouting(page: Page, run: Run) {
  const widget = await noResults(page, run, { mode: 'verification' });
  await widget.getByRole('button', { name: tr(run.locale, 'md.useNumbers') }).click();
  await expect(h1(widget, tr(run.locale, 'md.routing.heading'))).toBeVisible();
  return widget;
}

/** After a sign-in at the long-named bank: the screen whose heading is `key`. */
const signedIn =
  (password: string, key: MessageKey, options: HostOptions = {}) =>
  async (page: Page, run: Run) => {
    const widget = await atLongBank(page, run, options);
    await signIn(widget, run, password);
    await expect(h1(widget, tr(run.locale, key, { bank: LONG_NAME }))).toBeVisible();
    return widget;
  };

interface Screen {
  name: string;
  reach: (page: Page, run: Run) => Promise<FrameLocator>;
  /** text that tells items apart on this screen: each must be visible and not clipped */
  distinct?: (run: Run) => RegExp;
  /** also at 375 px and the demo width (every screen runs at 320 px) */
  everyWidth?: boolean;
}

const SCREENS: Screen[] = [
  {
    name: 'consent',
    everyWidth: true,
    reach: async (page, run) => {
      const widget = await open(page, run, { disable_consent: '', client_name: LONG_NAME });
      await expect(widget.getByRole('button', { name: tr(run.locale, 'consent.agree') })).toBeVisible();
      return widget;
    },
  },
  {
    name: 'search: the long name found',
    everyWidth: true,
    reach: async (page, run) => {
      const widget = await open(page, run);
      await widget.getByRole('combobox').fill('MXBankOfThe');
      await expect(widget.getByRole('option', { name: LONG_NAME })).toBeVisible();
      return widget;
    },
  },
  { name: 'search: no results for a long word', reach: noResults },
  {
    name: 'choose a method',
    reach: async (page, run) => {
      const widget = await open(page, run, { current_institution_code: 'mxbank_hybrid' });
      await expect(
        h1(widget, tr(run.locale, 'method.heading', { bank: 'MX Bank (OAuth or credentials)' })),
      ).toBeVisible();
      return widget;
    },
  },
  {
    name: 'credentials (long name, errors)',
    everyWidth: true,
    reach: async (page, run) => {
      const widget = await atLongBank(page, run);
      await widget.getByRole('button', { name: tr(run.locale, 'creds.submit'), exact: true }).click();
      await expect(widget.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
      return widget;
    },
  },
  {
    name: 'credentials (instructions, options)',
    reach: async (page, run) => {
      const widget = await open(page, run, { current_institution_code: 'mxcu_fields' });
      await expect(h1(widget, tr(run.locale, 'creds.heading'))).toBeVisible();
      return widget;
    },
  },
  ...['challenge', 'options', 'image_options', 'token', 'multi'].map((password): Screen => ({
    name: `mfa: ${password}`,
    reach: signedIn(password, 'mfa.heading'),
  })),
  {
    name: 'connecting (delayed)',
    reach: async (page, run) => {
      const widget = await atLongBank(page, run);
      await signIn(widget, run, 'delayed');
      await expect(widget.getByRole('button', { name: tr(run.locale, 'connecting.doneLater') })).toBeVisible();
      return widget;
    },
  },
  ...(
    [
      ['denied', 'status.heading.fixCredentials'],
      ['locked', 'status.heading.actAtBank'],
      ['failed', 'status.heading.temporary'],
    ] as const
  ).map(([password, key]): Screen => ({
    name: `status: ${password}`,
    reach: signedIn(password, key),
  })),
  {
    name: 'success (long account names)',
    everyWidth: true,
    reach: signedIn('password', 'connected.heading'),
    distinct: () => /\*{4}\d{4}/,
  },
  {
    name: 'verification: account picker',
    everyWidth: true,
    reach: signedIn('password', 'verify.heading', { mode: 'verification' }),
    distinct: () => /\*{4}\d{4}/,
  },
  {
    name: 'your connections',
    reach: async (page, run) => {
      const { user } = await returningUser(page.request, ['password', 'denied']);
      const widget = await open(page, run, { user_guid: user });
      await expect(h1(widget, tr(run.locale, 'connections.heading'))).toBeVisible();
      return widget;
    },
  },
  {
    name: 'disconnect (reason asked)',
    reach: async (page, run) => {
      const { user } = await returningUser(page.request, ['password']);
      const widget = await open(page, run, { user_guid: user });
      await widget
        .getByRole('button', { name: tr(run.locale, 'connections.disconnectLabel', { bank: 'MX Bank' }) })
        .click();
      await expect(h1(widget, tr(run.locale, 'disconnect.heading', { bank: 'MX Bank' }))).toBeVisible();
      return widget;
    },
  },
  {
    name: 'get help',
    reach: async (page, run) => {
      const widget = await signedIn('challenge', 'mfa.heading')(page, run);
      await widget.getByRole('button', { name: tr(run.locale, 'help.open') }).click();
      await expect(h1(widget, tr(run.locale, 'help.heading'))).toBeVisible();
      return widget;
    },
  },
  {
    name: 'institution unavailable',
    reach: async (page, run) => {
      const widget = await open(page, run, { current_institution_code: 'mxbank_unavailable' });
      await expect(
        h1(widget, tr(run.locale, 'institution.unavailable.heading', { bank: 'MX Bank (unavailable)' })),
      ).toBeVisible();
      return widget;
    },
  },
  {
    name: 'manual account (errors)',
    reach: async (page, run) => {
      const widget = await noResults(page, run);
      await widget.getByRole('button', { name: tr(run.locale, 'manual.add') }).click();
      await expect(h1(widget, tr(run.locale, 'manual.heading'))).toBeVisible();
      await widget.getByRole('button', { name: tr(run.locale, 'manual.save') }).click();
      await expect(
        widget.getByRole('textbox', { name: tr(run.locale, 'manual.field.name'), exact: true }),
      ).toHaveAttribute('aria-invalid', 'true');
      return widget;
    },
  },
  { name: 'microdeposits: routing number', reach: microdepositRouting },
  {
    name: 'microdeposits: review (long email)',
    everyWidth: true,
    reach: async (page, run) => {
      const widget = await microdepositRouting(page, run);
      const next = () => widget.getByRole('button', { name: tr(run.locale, 'md.continue'), exact: true }).click();
      await widget
        .getByRole('textbox', { name: tr(run.locale, 'md.field.routing_number'), exact: true })
        .fill('111000041');
      await next();
      await expect(h1(widget, tr(run.locale, 'md.how.heading'))).toBeVisible();
      await next();
      await expect(h1(widget, tr(run.locale, 'md.account.heading'))).toBeVisible();
      await widget.getByRole('radio', { name: tr(run.locale, 'md.type.SAVINGS') }).check();
      await widget
        .getByRole('textbox', { name: tr(run.locale, 'md.field.account_number'), exact: true })
        .fill('12345678901234567');
      await widget
        .getByRole('textbox', { name: tr(run.locale, 'md.field.account_number_confirm'), exact: true })
        .fill('12345678901234567');
      await next();
      await expect(h1(widget, tr(run.locale, 'md.personal.heading'))).toBeVisible();
      await widget.getByRole('textbox', { name: tr(run.locale, 'md.field.first_name'), exact: true }).fill(LONG_NAME);
      await widget.getByRole('textbox', { name: tr(run.locale, 'md.field.last_name'), exact: true }).fill('Lee');
      await widget
        .getByRole('textbox', { name: tr(run.locale, 'md.field.email'), exact: true })
        .fill(`${LONG_NAME}@example.com`);
      await next();
      await expect(h1(widget, tr(run.locale, 'md.review.heading'))).toBeVisible();
      return widget;
    },
    distinct: () => /4567$/,
  },
  {
    name: 'microdeposits: enter the amounts',
    reach: async (page, run) => {
      const session = await partnerSession(page.request);
      const made = await page.request.post(`${WIDGET_ORIGIN}/api/users/${session.user}/micro_deposits`, {
        headers: session.headers,
        data: {
          micro_deposit: {
            routing_number: '111000041',
            account_number: '987654321',
            account_type: 'CHECKING',
            first_name: 'Ann',
            last_name: 'Lee',
            email: 'ann@example.com',
          },
        },
      });
      expect(made.ok()).toBe(true);
      const guid = ((await made.json()) as { micro_deposit: { guid: string } }).micro_deposit.guid;
      await advanceUserClock(page.request, session.user, DEPOSITED_AFTER_MS);
      const widget = await open(page, run, {
        mode: 'verification',
        user_guid: session.user,
        current_microdeposit_guid: guid,
      });
      await expect(h1(widget, tr(run.locale, 'md.screen.verifyAmounts'))).toBeVisible();
      return widget;
    },
  },
];

/**
 * What the widget's document shows at its width: the page's overflow, elements that stick out
 * of it, and elements that clip their own text (an ellipsis or overflow hidden with more inside).
 */
async function layoutProblems(page: Page) {
  const frame = page.frames().find((f) => f.url().startsWith(`${WIDGET_ORIGIN}/`));
  if (!frame) throw new Error('no widget frame');
  return frame.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const outside: string[] = [];
    const clipped: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.closest('.sr-only') || ['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5) outside.push(describe(el));
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) clipped.push(describe(el));
    }
    return { width, scrollWidth: root.scrollWidth, outside: outside.slice(0, 5), clipped: clipped.slice(0, 5) };
  });
}

async function checkScreen(page: Page, widget: FrameLocator, screen: Screen, run: Run, label: string) {
  const problems = await layoutProblems(page);
  expect(problems.scrollWidth, `${label}: sideways scroll (${problems.outside.join('; ')})`).toBeLessThanOrEqual(
    problems.width,
  );
  expect(problems.outside, `${label}: sticks out of the frame`).toEqual([]);
  expect(problems.clipped, `${label}: clips its text`).toEqual([]);
  if (screen.distinct) {
    const items = widget.getByText(screen.distinct(run));
    expect(await items.count(), `${label}: items told apart`).toBeGreaterThan(0);
    for (const item of await items.all()) {
      await expect(item).toBeVisible();
      const fits = await item.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return el.scrollWidth <= el.clientWidth + 1 && box.right <= document.documentElement.clientWidth;
      });
      expect(fits, `${label}: "${await item.textContent()}" is cut`).toBe(true);
    }
  }
  await expectNoAxeViolations(page, label);
}

/** Every screen at 320 px in each locale (schemes alternate); a subset at 375 px and the demo width. */
const MATRIX: { width: number | 'demo'; runs: Run[]; all: boolean }[] = [
  {
    width: 320,
    all: true,
    runs: [
      { locale: 'en', scheme: 'light' },
      { locale: 'es', scheme: 'dark' },
      { locale: 'fr-CA', scheme: 'light' },
    ],
  },
  {
    width: 375,
    all: false,
    runs: [
      { locale: 'en', scheme: 'dark' },
      { locale: 'fr-CA', scheme: 'dark' },
    ],
  },
  {
    width: 'demo',
    all: false,
    runs: [
      { locale: 'es', scheme: 'light' },
      { locale: 'en', scheme: 'dark' },
    ],
  },
];

for (const { width, runs, all } of MATRIX) {
  for (const run of runs) {
    for (const screen of SCREENS.filter((s) => all || s.everyWidth)) {
      const label = `${screen.name} at ${width}${width === 'demo' ? '' : ' px'}, ${run.locale}, ${run.scheme}`;
      test(`narrow: ${label}`, async ({ page }) => {
        await frameWidth(page, width);
        const widget = await screen.reach(page, run);
        if (width !== 'demo') {
          const frame = page.locator('#widget iframe');
          expect(await frame.evaluate((el) => el.clientWidth)).toBe(width);
        }
        await checkScreen(page, widget, screen, run, label);
      });
    }
  }
}

/** Whether the element is whole: inside the frame's width and not cut by any scrolling ancestor. */
const wholeOnScreen = (el: Element) => {
  const box = el.getBoundingClientRect();
  if (box.left < 0 || box.right > document.documentElement.clientWidth) return false;
  for (let up = el.parentElement; up; up = up.parentElement) {
    if (getComputedStyle(up).overflowY === 'visible') continue;
    const clip = up.getBoundingClientRect();
    if (box.top < clip.top || box.bottom > clip.bottom) return false;
  }
  return true;
};

for (const locale of ['es', 'fr-CA'] as const) {
  const run: Run = { locale, scheme: 'light' };
  const client = 'Demo partner app';
  for (const by of ['keyboard', 'mouse'] as const) {
    test(`consent at 320 px in ${locale}: the privacy link is whole and the user agrees by ${by}`, async ({ page }) => {
      await frameWidth(page, 320);
      const widget = await open(page, run, { disable_consent: '' });
      const agree = widget.getByRole('button', { name: tr(locale, 'consent.agree') });
      // a phone's frame has no inner box: the terms are on the page, above the buttons, all of them
      await expect(agree).toHaveAttribute('aria-disabled', 'false');
      await expect(widget.getByText(tr(locale, 'consent.scrollHint'))).toBeHidden();
      const link = widget.getByRole('link', { name: tr(locale, 'consent.policy', { client }) });
      await link.scrollIntoViewIfNeeded();
      await expect(link).toBeInViewport({ ratio: 1 });
      expect(await link.evaluate(wholeOnScreen)).toBe(true);
      if (by === 'keyboard') {
        await link.focus();
        await page.keyboard.press('Tab');
        await expect(agree).toBeFocused();
        await page.keyboard.press('Enter');
      } else {
        await agree.click();
      }
      await expect(h1(widget, tr(locale, 'search.heading'))).toBeVisible();
    });
  }
}

test('consent at the demo width: a box with more to read says so, opens in one step, and nobody is stuck', async ({
  page,
}) => {
  const widget = await open(page, { locale: 'fr-CA', scheme: 'dark' }, { disable_consent: '' });
  const agree = widget.getByRole('button', { name: tr('fr-CA', 'consent.agree') });
  const text = widget.getByRole('region', { name: tr('fr-CA', 'consent.textLabel') });
  const scrollable = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 4);
  test.skip(!(await scrollable()), 'the terms fit their box at this width: nothing to gate');
  await expect(agree).toHaveAttribute('aria-disabled', 'true');
  await expect(widget.getByText(tr('fr-CA', 'consent.scrollHint'))).toBeVisible();
  await expectNoAxeViolations(page, 'consent, boxed, fr-CA dark');
  // pressed early, "I agree" shares nothing: it opens the rest of the terms, then agrees (force:
  // Playwright will not click what is aria-disabled, a person can)
  await agree.click({ force: true });
  await expect(text).toBeFocused();
  expect(await scrollable()).toBe(false);
  await expect(agree).toHaveAttribute('aria-disabled', 'false');
  expect((await page.locator('#log li').allTextContents()).some((l) => l.includes('consentGiven'))).toBe(false);
  const link = widget.getByRole('link', { name: tr('fr-CA', 'consent.policy', { client: 'Demo partner app' }) });
  await link.scrollIntoViewIfNeeded();
  expect(await link.evaluate(wholeOnScreen)).toBe(true);
  await agree.click();
  await expect(h1(widget, tr('fr-CA', 'search.heading'))).toBeVisible();
});
