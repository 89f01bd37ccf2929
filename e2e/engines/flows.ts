import { WAIT_MS, type EngineDriver } from './driver';

/**
 * The main flows, written once for every engine (README "Browsers"): what a user does, found by
 * role and name as the Playwright specs find it, through the demo host page (another origin).
 */
export interface FlowContext {
  hostOrigin: string;
}
export interface Flow {
  title: string;
  run(driver: EngineDriver, context: FlowContext): Promise<void>;
}

const ACCOUNT = '987654321';
const SEARCH = 'Search for your bank or credit union';

/** A unique username: flows share one mock backend, and a repeated username is a 409. */
const uniqueUser = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Polls `expression` in the current document until it is truthy, as a user waits for what they expect. */
async function until(driver: EngineDriver, expression: string, what: string, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!(await driver.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the demo host page with these widget options and acts inside the widget. */
async function openHost(driver: EngineDriver, { hostOrigin }: FlowContext, options: Record<string, string> = {}) {
  await asNewVisitor(driver, `${hostOrigin}/?${new URLSearchParams({ disable_consent: 'true', ...options })}`);
  await driver.enterWidget();
}

/**
 * Opens the page as a new user (`new_user`, the demo page's "New user"): the demo host remembers the
 * users it made for a browser (a signed cookie), so otherwise a flow would open as the last flow's user.
 */
async function asNewVisitor(driver: EngineDriver, url: string) {
  await driver.goto(`${url}&new_user`);
}

/** The host page's event log (every message the SDK decoded), read from the host's document. */
async function hostLog(driver: EngineDriver): Promise<string> {
  await driver.leaveWidget();
  const log = await driver.evaluate<string>(`document.querySelector('#log')?.textContent ?? ''`);
  await driver.enterWidget();
  return log;
}

async function expectHostHeard(driver: EngineDriver, type: string) {
  const deadline = Date.now() + WAIT_MS;
  while (!(await hostLog(driver)).includes(type)) {
    if (Date.now() > deadline) throw new Error(`the host page never logged ${type}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function pickInstitution(driver: EngineDriver, name: string) {
  await driver.fill('combobox', SEARCH, name);
  // the popular list stays until the debounced search answers: wait for the results, then pick
  await driver.waitForRole('listbox', 'Search results');
  await driver.click('option', name);
}

/** Presses Tab until that element has focus (at most `max` times), as a keyboard user moves on. */
async function tabTo(driver: EngineDriver, role: Parameters<EngineDriver['click']>[0], name: string, max = 12) {
  for (let i = 0; i < max; i += 1) {
    if (await driver.isFocused(role, name)) return;
    await driver.press('Tab');
  }
  if (!(await driver.isFocused(role, name))) throw new Error(`${max} Tabs never reached ${role} "${name}"`);
}

/** Signs in on the credentials form: the username by its label, then Tab to the password. */
async function signIn(driver: EngineDriver, password: string, user: string) {
  await driver.fill('textbox', 'Username', user);
  await driver.press('Tab');
  await driver.type(password);
  await driver.click('button', 'Continue');
}

export const FLOWS: Flow[] = [
  {
    title: 'credentials + MFA: a TOKEN challenge answered right → Success!',
    async run(driver, context) {
      await openHost(driver, context);
      await pickInstitution(driver, 'MX Bank');
      await signIn(driver, 'token', uniqueUser('mfa'));
      await driver.fill('textbox', 'Enter the 6-digit code we sent to your phone (sandbox: 123456)', '123456');
      await driver.click('button', 'Continue');
      await driver.waitForRole('heading', 'Success!');
      await expectHostHeard(driver, 'mx/connect/memberConnected');
    },
  },
  {
    title: 'OAuth: Authorize in the provider popup → Success!',
    async run(driver, context) {
      await openHost(driver, context);
      await pickInstitution(driver, 'MX Bank (OAuth)');
      const go = 'Go to MX Bank (OAuth)';
      // the button is there while the connection is prepared; usable once it is
      await until(
        driver,
        `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === ${JSON.stringify(go)} && !b.disabled && b.getAttribute('aria-disabled') !== 'true')`,
        `"${go}" enabled`,
      );
      await driver.openPopup(() => driver.click('button', go));
      await driver.waitForRole('heading', 'MX Bank (OAuth)');
      await driver.click('button', 'Authorize');
      await driver.leavePopup();
      await driver.enterWidget();
      await driver.waitForRole('heading', 'Success!');
      await expectHostHeard(driver, 'mx/connect/oauthRequested');
      await expectHostHeard(driver, 'mx/connect/memberConnected');
    },
  },
  {
    title: 'keyboard only: search → credentials → Success! → Done',
    async run(driver, context) {
      await openHost(driver, context);
      // focus is placed in the search box without a pointer; from there on, keys only
      await driver.focus('combobox', SEARCH);
      await driver.type('MX Bank');
      await driver.waitForRole('listbox', 'Search results');
      await driver.waitForRole('option', 'MX Bank');
      const active = `document.getElementById(document.activeElement?.getAttribute('aria-activedescendant') ?? '')?.textContent ?? ''`;
      for (let i = 0; i < 10 && !(await driver.evaluate<string>(active)).startsWith('MX Bank'); i += 1) {
        await driver.press('ArrowDown');
      }
      // the first result whose name starts "MX Bank" is MX Bank itself (the others add a suffix)
      await until(driver, `(${active}).startsWith('MX Bank')`, 'MX Bank chosen by arrow keys');
      await driver.press('Enter');
      await driver.waitForRole('heading', 'Enter your credentials');
      await tabTo(driver, 'textbox', 'Username');
      await driver.type(uniqueUser('keys'));
      await driver.press('Tab');
      await driver.type('password');
      await driver.press('Enter');
      await driver.waitForRole('heading', 'Success!');
      await tabTo(driver, 'button', 'Done', 20);
      await driver.press('Enter');
      await expectHostHeard(driver, 'mx/connect/connected/primaryAction');
    },
  },
  {
    title: 'microdeposits: routing number → account → name → review → Check back',
    async run(driver, context) {
      await openHost(driver, context, { mode: 'verification', client_name: 'Acme Pay' });
      await driver.click('button', 'Connect with account numbers instead');
      await driver.waitForRole('heading', 'Enter your routing number');
      await driver.fill('textbox', 'Routing number', '111000041');
      await driver.press('Enter');
      await driver.waitForRole('heading', 'How verifying with deposits works');
      await driver.click('button', 'Continue');
      await driver.waitForRole('heading', 'Enter your account details');
      await driver.click('radio', 'Checking');
      await driver.fill('textbox', 'Account number', ACCOUNT);
      await driver.fill('textbox', 'Confirm account number', ACCOUNT);
      await driver.press('Enter');
      await driver.waitForRole('heading', 'Your name and email');
      await driver.fill('textbox', 'First name', 'Ann');
      await driver.fill('textbox', 'Last name', 'Lee');
      await driver.fill('textbox', 'Email', 'ann@example.com');
      await driver.press('Enter');
      await driver.waitForRole('heading', 'Review your details');
      await driver.click('button', 'Confirm');
      await driver.waitForRole('heading', 'Check back in 1–2 business days');
      await expectHostHeard(driver, 'mx/connect/microdeposits/detailsSubmitted');
      if ((await hostLog(driver)).includes(ACCOUNT)) throw new Error('the account number reached the host');
    },
  },
  {
    title: 'consent at 320 px: read to the end, I agree → search; nothing scrolls sideways',
    async run(driver, context) {
      await asNewVisitor(driver, `${context.hostOrigin}/?disable_consent=`);
      // a partner's 320 px column: the frame itself is 320 px wide, whatever the window
      await until(driver, `document.querySelector('#widget iframe')`, 'the widget frame');
      await driver.evaluate(`(document.querySelector('#widget iframe').style.width = '320px')`);
      await driver.enterWidget();
      await driver.waitForRole('heading', 'Demo partner app uses MX to connect your accounts');
      const width = await driver.evaluate<number>('document.documentElement.clientWidth');
      if (width !== 320) throw new Error(`the widget is ${width} px wide, not 320`);
      const sideways = 'document.documentElement.scrollWidth > document.documentElement.clientWidth';
      if (await driver.evaluate<boolean>(sideways)) throw new Error('the consent screen scrolls sideways at 320 px');
      await driver.focus('region', 'What you agree to');
      await driver.press('End');
      await driver.click('button', 'I agree');
      await driver.waitForRole('heading', 'Select your institution');
      await expectHostHeard(driver, 'connect-widget/consentGiven');
    },
  },
];
