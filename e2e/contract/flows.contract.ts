import type { FrameLocator, Page } from '@playwright/test';
import type { ContractStand, Seen } from '../../scripts/contract-upstream';
import { expect, openHost, test as base, type HostOptions } from '../fixtures';

/**
 * The widget's own flows through the real server in mx mode, with Stoplight Prism serving MX's spec
 * as the upstream (playwright.contract.config.ts; README "Contract test against MX's spec").
 * Prism answers every call with the spec's static examples: a user with one CONNECTED MX Bank
 * member, MX Bank offering OAuth and credentials (one field, Username), one account ("My Checking",
 * 5366), a member status of CONNECTED, a microdeposit INITIATED. Each flow is what a user would do on those screens, and ends on its
 * success screen. After each one, every request the server sent upstream during it must be one
 * MX's spec accepts (scripts/contract-upstream.ts says how that is judged).
 */
interface Contract {
  /** the flow reached its success screen (the closing summary counts these) */
  succeeded: () => void;
  /** fields merged into every member Prism answers with (over the stand's defaults), for this test only; spec-valid values only */
  memberAnswers: (fields: Record<string, unknown>) => Promise<void>;
}

const test = base.extend<{ contract: Contract }>({
  contract: [
    async ({ request, page }, provide, testInfo) => {
      const stand = testInfo.project.metadata as ContractStand;
      // the spec's examples name real hosts (logos, the bank's OAuth page): nothing leaves this machine
      await page.context().route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
      // what the widget told the console: its CSP refusing something, a schema refusing an answer
      const consoleLines: string[] = [];
      page.on('console', (message) => {
        if ((message.type() === 'error' || message.type() === 'warning') && consoleLines.length < 50) {
          consoleLines.push(`${message.type()}: ${message.text().slice(0, 300)}`);
        }
      });
      const seen = async () => (await (await request.get(`${stand.proxyOrigin}/contract/seen`)).json()) as Seen;
      const memberAnswers = async (fields: Record<string, unknown>) => {
        const member = { ...stand.memberDefaults, ...fields };
        expect((await request.post(`${stand.proxyOrigin}/contract/answers`, { data: { member } })).ok()).toBe(true);
      };
      await memberAnswers({});
      const before = (await seen()).total;
      let ok = false;
      await provide({
        succeeded: () => {
          ok = true;
        },
        memberAnswers,
      });
      await memberAnswers({});
      const notes = [...new Set(consoleLines)];
      await request.post(`${stand.proxyOrigin}/contract/flows`, { data: { name: testInfo.title, ok, notes } });
      const during = (await seen()).requests.slice(before);
      await testInfo.attach('upstream requests', {
        body: during
          .map((r) => [`${r.method} ${r.path} → ${r.status}`, ...r.problems.map((p) => `    ${p}`)].join('\n'))
          .join('\n'),
        contentType: 'text/plain',
      });
      await testInfo.attach('console', { body: notes.join('\n'), contentType: 'text/plain' });
      expect(during.length, 'the flow reached the upstream').toBeGreaterThan(0);
      expect(
        notes.filter((line) => /Content Security Policy/i.test(line)),
        'what the widget page refused to load',
      ).toEqual([]);
      expect(
        during
          .filter((r) => r.problems.length > 0)
          .map((r) => `${r.method} ${r.path} → ${r.status}: ${r.problems.join('; ')}`),
        `requests MX's ${stand.spec} spec calls invalid`,
      ).toEqual([]);
    },
    { auto: true },
  ],
});

const heading = (widget: FrameLocator, name: string | RegExp) => widget.getByRole('heading', { name, level: 1 });

/** The spec's user already has a connection, so the widget opens at them: a new one starts from there. */
async function openAtSearch(page: Page, options: HostOptions = {}): Promise<FrameLocator> {
  const widget = await openHost(page, options);
  await expect(heading(widget, 'Your connections')).toBeVisible();
  await widget.getByRole('button', { name: 'Connect another account' }).click();
  return widget;
}

/** The success screen of a connected MX Bank (v20250224's null connection_status reads as manual). */
async function connectedMxBank(widget: FrameLocator) {
  await expect(heading(widget, 'Success!')).toBeVisible();
  await expect(widget.getByText('You have successfully connected MX Bank.')).toBeVisible();
}

test('credentials: MX Bank, Username, Continue → Success!', async ({ page, contract }) => {
  const widget = await openHost(page, { current_institution_code: 'mxbank' });
  await widget.getByRole('button', { name: 'Enter your credentials here' }).click();
  await widget.getByLabel('Username').fill('jane');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await connectedMxBank(widget);
  contract.succeeded();
});

test('OAuth: sign in at MX Bank → Success!', async ({ page, contract }) => {
  const widget = await openHost(page, { current_institution_code: 'mxbank' });
  await widget.getByRole('button', { name: 'Sign in at MX Bank (recommended)' }).click();
  // the spec's new member is already CONNECTED: the widget goes on without waiting for the bank's window
  await connectedMxBank(widget);
  contract.succeeded();
});

test('verification: search by routing number, credentials, choose the account → chosen', async ({ page, contract }) => {
  const widget = await openAtSearch(page, { mode: 'verification' });
  await widget.getByRole('combobox', { name: 'Search for your bank or credit union' }).fill('123456780');
  await widget.getByRole('option', { name: 'MX Bank', exact: true }).click();
  await widget.getByRole('button', { name: 'Enter your credentials here' }).click();
  await widget.getByLabel('Username').fill('jane');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByRole('heading', { name: 'Choose an account' })).toBeVisible();
  await widget.getByRole('radio').first().check();
  await widget.getByRole('button', { name: 'Use this account' }).click();
  // the spec files' account numbers differ (5366 in v1, 3331261 in v20250224): the last four show
  await expect(widget.getByText(/^You chose My Checking (5366|\*{4}1261)\.$/)).toBeVisible();
  contract.succeeded();
});

test('microdeposits: routing number, account, name, review, Confirm → Check back', async ({ page, contract }) => {
  const widget = await openAtSearch(page, { mode: 'verification' });
  await widget.getByRole('button', { name: 'Connect with account numbers instead' }).click();
  await widget.getByLabel('Routing number').fill('111000041');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('radio', { name: 'Checking' }).check();
  await widget.getByLabel('Account number', { exact: true }).fill('123456789');
  await widget.getByLabel('Confirm account number').fill('123456789');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByLabel('First name').fill('Ann');
  await widget.getByLabel('Last name').fill('Lee');
  await widget.getByLabel('Email').fill('ann@example.com');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('button', { name: 'Confirm' }).click();
  // the spec's microdeposit is INITIATED
  await expect(heading(widget, /Check back/)).toBeVisible();
  contract.succeeded();
});

test('manual account: from search, a checking account → Account added', async ({ page, contract }) => {
  const widget = await openAtSearch(page);
  await widget.getByRole('combobox', { name: 'Search for your bank or credit union' }).fill('Corner Credit Union');
  await widget.getByRole('button', { name: 'Add an account manually' }).click();
  await widget.getByRole('combobox', { name: 'Account type' }).selectOption({ label: 'Checking' });
  await widget.getByLabel('Account name').fill('Household');
  await widget.getByLabel('Current balance').fill('1,250.00');
  await widget.getByRole('button', { name: 'Add account' }).click();
  await expect(widget.getByRole('heading', { name: 'Account added' })).toBeVisible();
  contract.succeeded();
});

test('your connections: Refresh MX Bank, then Disconnect it → Disconnected', async ({ page, contract }) => {
  // the spec's member example is the partner's (is_managed_by_user: false), which a user may not disconnect
  await contract.memberAnswers({ is_managed_by_user: true });
  const widget = await openHost(page);
  await expect(heading(widget, 'Your connections')).toBeVisible();
  await widget.getByRole('button', { name: 'Refresh MX Bank' }).click();
  await expect(widget.getByRole('button', { name: 'Refresh MX Bank' })).toBeVisible();
  await widget.getByRole('button', { name: 'Disconnect MX Bank' }).click();
  await widget.getByRole('radio', { name: 'I no longer use this account' }).check();
  await widget.getByRole('button', { name: 'Disconnect' }).click();
  await expect(heading(widget, 'Disconnected')).toBeVisible();
  contract.succeeded();
});
