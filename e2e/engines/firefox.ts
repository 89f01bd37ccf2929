import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { SETTLED_SOURCE, WAIT_MS, withFreshElement, type EngineDriver, type Role } from './driver';

export const FIREFOX_PATH = process.env.ENGINES_FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** puppeteer's ARIA selector: role and exact accessible name, read from Firefox's accessibility tree. */
const aria = (role: Role, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;

/** Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no geckodriver needed). */
export async function launchFirefox(): Promise<EngineDriver> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: install the Debian package firefox-esr`);
  }
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // the widget honours reduced motion; no first-run pages, no updates or telemetry mid-test
    extraPrefsFirefox: { 'ui.prefersReducedMotion': 1, 'app.update.enabled': false },
  });
  const first: Page = await browser.newPage();
  await first.setViewport({ width: 1280, height: 900 });
  let page = first;
  let frame: Frame = page.mainFrame();

  const find = async (role: Role, name: string, timeout = WAIT_MS) => {
    const handle = await frame.waitForSelector(aria(role, name), { timeout });
    if (!handle) throw new Error(`no ${role} "${name}"`);
    return handle;
  };

  // built here in Node, so the page's CSP (no eval) never sees a string turned into code
  const settled = new Function('el', `return (${SETTLED_SOURCE})(el);`) as (el: Element) => Promise<void>;
  const clickSettled = async (handle: ElementHandle) => {
    await handle.evaluate(settled);
    await handle.click();
  };

  return {
    name: 'firefox',
    async goto(url) {
      await page.goto(url);
      frame = page.mainFrame();
    },
    async enterWidget() {
      const iframe = await page.waitForSelector('#widget iframe', { timeout: WAIT_MS });
      const content = await iframe?.contentFrame();
      if (!content) throw new Error('the widget iframe has no document');
      frame = content;
    },
    async leaveWidget() {
      frame = page.mainFrame();
    },
    async waitForRole(role, name, timeoutMs) {
      await find(role, name, timeoutMs);
    },
    async click(role, name) {
      await withFreshElement(async () => clickSettled(await find(role, name)));
    },
    async fill(role, name, text) {
      await withFreshElement(async () => clickSettled(await find(role, name)));
      await page.keyboard.type(text);
    },
    async focus(role, name) {
      // keys go to the focused frame: focus the widget's frame in the host page first, then the element
      await (await frame.frameElement())?.focus();
      await withFreshElement(async () => (await find(role, name)).focus());
    },
    async isFocused(role, name) {
      return withFreshElement(async () =>
        (await find(role, name)).evaluate((el) => el === el.ownerDocument.activeElement),
      );
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    async type(text) {
      await page.keyboard.type(text);
    },
    async evaluate<T>(expression: string) {
      return (await frame.evaluate(expression)) as T;
    },
    async openPopup(open) {
      const before = new Set(browser.targets());
      const opened = browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: WAIT_MS });
      await open();
      const popup = await (await opened).page();
      if (!popup) throw new Error('the window that opened has no page');
      page = popup;
      frame = page.mainFrame();
    },
    async leavePopup() {
      page = first;
      frame = page.mainFrame();
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    async close() {
      await browser.close();
    },
  };
}
