import { WIDGET_ORIGIN } from '../playwright.config';
import { DELAYED_FOR_MS, SANDBOX_TIME, STEP_MS } from '../server/upstreams/mock/sandbox';
import type { FrameLocator, Page } from '@playwright/test';
import {
  advanceUserClock,
  apiMember,
  expect,
  hostEvents,
  openAtBank,
  openHost,
  signIn,
  statusCodes,
  test,
  uniqueUser,
  widgetUser,
} from './fixtures';

/** Where each sandbox password ends, what the user reads there, and the action that is exercised. */
interface Row {
  password: string;
  code: number;
  heading: string;
  message: string;
  buttons: string[];
  act: (widget: FrameLocator, page: Page) => Promise<void>;
}

const backToSearch = async (widget: FrameLocator, page: Page) => {
  await widget.getByRole('button', { name: 'Back to search' }).click();
  await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
  await expect.poll(async () => (await hostEvents(page)).map((e) => e.type)).toContain('mx/connect/backToSearch');
};
const updateCredentials = async (widget: FrameLocator) => {
  await widget.getByRole('button', { name: 'Update credentials' }).click();
  await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
};
const tryAgain = async (widget: FrameLocator, page: Page) => {
  const before = (await statusCodes(page)).length;
  await widget.getByRole('button', { name: 'Try again' }).click();
  // the member aggregates again and comes back to a status screen
  await expect.poll(async () => (await statusCodes(page)).length).toBeGreaterThan(before);
};
const visitBank = async (widget: FrameLocator) => {
  await expect(widget.getByRole('link', { name: 'Go to MX Bank website' })).toHaveAttribute(
    'href',
    'https://www.mx.com',
  );
};

// every error screen offers help last (the mock is the demo's help desk)
const fix = ['Update credentials', 'Back to search', 'Get help'];
const retry = ['Try again', 'Back to search', 'Get help'];
const atBank = ['Back to search', 'Get help'];
const gone = ['Add an account manually', 'Back to search', 'Get help'];

const ROWS: Row[] = [
  {
    password: 'prevented',
    code: 1,
    heading: 'New credentials needed',
    message: 'The last 3 attempts to connect have failed.',
    buttons: fix,
    act: updateCredentials,
  },
  {
    password: 'denied',
    code: 2,
    heading: 'New credentials needed',
    message: 'The credentials entered do not match your credentials at this institution.',
    buttons: fix,
    act: updateCredentials,
  },
  {
    password: 'locked',
    code: 5,
    heading: 'Action needed at MX Bank',
    message: 'Your account is locked. Please log in to the appropriate website for MX Bank',
    buttons: atBank,
    act: visitBank,
  },
  {
    password: 'impeded',
    code: 7,
    heading: 'Action needed at MX Bank',
    message: "Your attention is needed at this institution's website.",
    buttons: atBank,
    act: backToSearch,
  },
  {
    password: 'degraded',
    code: 9,
    heading: 'Connection problem',
    message: 'We are upgrading this connection. Please try again later.',
    buttons: retry,
    act: tryAgain,
  },
  {
    password: 'disconnected',
    code: 10,
    heading: 'Connection problem',
    message: 'It looks like your data from MX Bank cannot be imported.',
    buttons: retry,
    act: backToSearch,
  },
  {
    password: 'discontinued',
    code: 11,
    heading: 'Connection unavailable',
    message: 'Connections to this institution are no longer supported.',
    buttons: gone,
    act: backToSearch,
  },
  {
    password: 'closed',
    code: 12,
    heading: 'Connection unavailable',
    message: 'This connection has been closed.',
    buttons: gone,
    act: backToSearch,
  },
  {
    password: 'failed',
    code: 14,
    heading: 'Connection problem',
    message: 'There was a problem validating your credentials with MX Bank.',
    buttons: retry,
    act: tryAgain,
  },
  {
    password: 'disabled',
    code: 16,
    heading: 'Connection problem',
    message: 'Importing data from this institution has been disabled.',
    buttons: retry,
    act: backToSearch,
  },
  {
    password: 'imported',
    code: 17,
    heading: 'New credentials needed',
    message: 'You must re-authenticate before your data can be imported.',
    buttons: fix,
    act: updateCredentials,
  },
  {
    password: 'impaired',
    code: 20,
    heading: 'New credentials needed',
    message: 'You must re-authenticate before your data can be imported.',
    buttons: fix,
    act: updateCredentials,
  },
];

test.describe('every status reachable from the UI', () => {
  for (const row of ROWS) {
    test(`${row.password} → ${row.heading} (${row.code})`, async ({ page }) => {
      const widget = await openAtBank(page);
      await signIn(widget, row.password, uniqueUser(row.password));
      await expect(widget.getByRole('heading', { name: row.heading })).toBeVisible();
      await expect(widget.getByRole('main')).toContainText(row.message);
      await expect(widget.getByRole('main').getByRole('button')).toHaveText(row.buttons);
      // CREATED (0) may already be over by the first poll on a busy machine
      await expect.poll(async () => (await statusCodes(page)).at(-1)).toBe(row.code);
      expect((await statusCodes(page)).every((code) => code === 0 || code === row.code)).toBe(true);
      await row.act(widget, page);
    });
  }

  test('DELAYED → CONNECTED, with "Done, check back later" on the way', async ({ page, request }) => {
    const widget = await openAtBank(page);
    const user = await widgetUser(page);
    await signIn(widget, 'delayed', uniqueUser('delayed'));
    await expect(widget.getByRole('main')).toContainText(
      'Importing your data from MX Bank may take a while. Please check back later.',
    );
    await expect(widget.getByRole('button', { name: 'Done, check back later' })).toBeVisible();
    // the import ends after DELAYED_FOR_MS of virtual time: move this user there rather than wait
    await advanceUserClock(request, user, DELAYED_FOR_MS);
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await expect.poll(async () => (await statusCodes(page)).filter((code) => code !== 0)).toEqual([13, 6]);
  });

  test('RECONNECTED aggregates in the foreground → CONNECTED', async ({ page }) => {
    const widget = await openAtBank(page);
    await signIn(widget, 'reconnected', uniqueUser('reconnected'));
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    const codes = await statusCodes(page);
    expect(codes).toContain(8);
    expect(codes.at(-1)).toBe(6);
  });

  test('a wrong username/password three times → PREVENTED', async ({ page, request }) => {
    const widget = await openAtBank(page);
    const username = uniqueUser('thrice');
    await signIn(widget, 'wrong-1', username);
    for (const [attempt, message] of [
      ['wrong-2', 'The credentials entered do not match'],
      ['wrong-3', 'The last 3 attempts to connect have failed.'],
    ] as const) {
      await expect(widget.getByRole('heading', { name: 'New credentials needed' })).toBeVisible();
      await widget.getByRole('button', { name: 'Update credentials' }).click();
      await expect(widget.getByRole('heading', { name: 'Update your credentials' })).toBeVisible();
      await signIn(widget, attempt, username);
      await expect(widget.getByRole('main')).toContainText(message);
    }
    // two updates of one member, read off the mock's request log (UPDATED itself may pass between polls)
    const user = await widgetUser(page);
    const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()) as {
      requests: { method: string; path: string }[];
    };
    const updates = log.requests.filter((e) => e.method === 'PUT' && /^\/users\/[^/]+\/members\/[^/]+$/.test(e.path));
    expect(updates.filter((e) => e.path.startsWith(`/users/${user}/`))).toHaveLength(2);
  });
});

test.describe('every challenge type', () => {
  const CHALLENGES: [string, (widget: FrameLocator, right: boolean) => Promise<void>][] = [
    ['challenge', (w, right) => w.getByRole('textbox', { name: /What city/ }).fill(right ? 'correct' : 'Paris')],
    ['token', (w, right) => w.getByRole('textbox', { name: /6-digit code/ }).fill(right ? '123456' : '999999')],
    ['options', (w, right) => w.getByRole('radio', { name: right ? /Text message/ : /Email/ }).check()],
    [
      'image',
      (w, right) =>
        w.getByRole('textbox', { name: 'Type the text shown in the image' }).fill(right ? 'correct' : 'nope'),
    ],
    ['image_options', (w, right) => w.getByRole('img', { name: right ? 'Sailboat' : 'House' }).click()],
  ];
  for (const [password, answer] of CHALLENGES) {
    test(`${password}: wrong (REJECTED), then right after Try again`, async ({ page, request }) => {
      // signing in is the other tests' business: this one opens at a member already asking
      const { user, member } = await apiMember(request, password, uniqueUser(password));
      await advanceUserClock(request, user, STEP_MS);
      const widget = await openHost(page, { user_guid: user, current_member_guid: member });
      await expect(widget.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
      await answer(widget, false);
      await widget.getByRole('button', { name: 'Continue' }).click();
      await expect(widget.getByRole('heading', { name: 'We could not verify you' })).toBeVisible();
      await widget.getByRole('button', { name: 'Try again' }).click();
      await expect(widget.getByRole('alert')).toHaveText(
        'The answer or answers provided were incorrect. Please try again.',
      );
      await answer(widget, true);
      await widget.getByRole('button', { name: 'Continue' }).click();
      await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
      const codes = await statusCodes(page);
      expect(codes).toEqual(expect.arrayContaining([4, 6]));
      expect((await hostEvents(page)).filter((e) => e.type === 'mx/connect/submitMFA')).toHaveLength(2);
    });
  }

  test('multi: two challenges at once', async ({ page }) => {
    const widget = await openAtBank(page);
    await signIn(widget, 'multi', uniqueUser('multi'));
    await widget.getByRole('textbox', { name: /What city/ }).fill('correct');
    await widget.getByRole('radio', { name: /Text message/ }).check();
    await widget.getByRole('button', { name: 'Continue' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  });

  test('expire: left unanswered past 60 virtual seconds → EXPIRED, then start again', async ({ page, request }) => {
    const widget = await openAtBank(page);
    await signIn(widget, 'expire', uniqueUser('expire'));
    await expect(widget.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
    await advanceUserClock(request, await widgetUser(page), SANDBOX_TIME.pastChallengeExpiry + STEP_MS);
    await widget.getByRole('textbox', { name: /What city/ }).fill('correct');
    await widget.getByRole('button', { name: 'Continue' }).click();
    await expect(widget.getByRole('main')).toContainText(
      'The answer or answers were not provided in time. Please try again.',
    );
    await expect.poll(() => statusCodes(page)).toContain(19);
    await widget.getByRole('button', { name: 'Try again' }).click();
    await expect(widget.getByRole('heading', { name: 'Verify your identity' })).toBeVisible();
  });
});
