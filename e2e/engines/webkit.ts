import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { remote } from 'webdriverio';
import {
  SETTLED_SOURCE,
  WAIT_MS,
  waitForHttp,
  withFreshElement,
  type EngineDriver,
  type Key,
  type Role,
} from './driver';

export const WEBKIT_DRIVER = process.env.ENGINES_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = ['4.1', '4.0']
  .map((v) => `/usr/lib/x86_64-linux-gnu/webkit2gtk-${v}/MiniBrowser`)
  .find((path) => existsSync(path));

/** WebDriver's key codes (the spec's table) for the keys the flows press. */
const KEYS: Record<Key, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  End: '\uE010',
  Space: '\uE00D',
  ArrowDown: '\uE015',
};

/** The display number Xvfb writes on fd 3 (-displayfd) once it is ready. */
function displayOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start in 15 s')), 15_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (/^\d+\n/.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdio[3]?.on('data', read);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
}

/**
 * WebKitGTK's MiniBrowser under its WebKitWebDriver (classic WebDriver; the driver takes no
 * `webSocketUrl`, so WebdriverIO's BiDi upgrade stays off), in an Xvfb display of its own.
 */
export async function launchWebkit(driverPort: number): Promise<EngineDriver> {
  const missing = [
    [WEBKIT_DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', 'webkit2gtk-driver'],
    ['/usr/bin/Xvfb', 'xvfb'],
  ].filter(([path]) => !path || !existsSync(path));
  if (missing.length) {
    throw new Error(
      `WebKit cannot run: ${missing.map(([p, pkg]) => `${p} missing (Debian package ${pkg})`).join('; ')}`,
    );
  }
  // -displayfd: Xvfb picks a free display itself and writes its number on fd 3
  const xvfb = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x2400x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = (await displayOf(xvfb)).trim();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${driverPort}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: `:${display}` },
  });
  const stopAll = () => {
    driver.kill();
    xvfb.kill();
  };
  try {
    driver.on('exit', (code) => code && console.error(`WebKitWebDriver exited (${code})`));
    await waitForHttp(`http://127.0.0.1:${driverPort}/status`, 15_000);
    // WebKitGTK's own capability (its MiniBrowser, in automation mode) is not in WebdriverIO's types
    const webkitgtk = { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } };
    const capabilities: WebdriverIO.Capabilities = Object.assign(
      { browserName: 'MiniBrowser', 'wdio:enforceWebDriverClassic': true },
      webkitgtk,
    );
    const browser = await remote({
      hostname: '127.0.0.1',
      port: driverPort,
      path: '/',
      logLevel: 'error',
      capabilities,
    });
    const first = await browser.getWindowHandle();

    /** The element of that role and exact name: WebdriverIO's aria/ finds by name, the driver's computed role decides. */
    const find = async (role: Role, name: string, timeout = WAIT_MS) => {
      let found: WebdriverIO.Element | undefined;
      await browser.waitUntil(
        async () => {
          for (const el of await browser.$$(`aria/${name}`).getElements()) {
            if ((await el.getComputedRole().catch(() => '')) === role) {
              found = el;
              return true;
            }
          }
          return false;
        },
        { timeout, interval: 100, timeoutMsg: `no ${role} "${name}" within ${timeout} ms` },
      );
      if (!found) throw new Error(`no ${role} "${name}"`);
      return found;
    };

    // tall enough for the host page with the widget at its tallest: WebKitGTK misplaces clicks on
    // an element of a cross-origin frame that lies outside the window (it scrolls the frame's document)
    await browser.setWindowSize(1280, 2300);
    const clickSettled = async (el: WebdriverIO.Element) => {
      await browser.executeAsync(`(${SETTLED_SOURCE})(arguments[0]).then(arguments[arguments.length - 1])`, el);
      await el.click();
    };
    // a key at a time: in one action sequence WebKitGTK drops a key repeated at once ("111" → "1")
    const typeText = async (text: string) => {
      for (const char of text) await browser.keys(char);
    };
    const api: EngineDriver = {
      name: 'webkit',
      async goto(url) {
        await browser.url(url);
      },
      async enterWidget() {
        const iframe = await browser.$('#widget iframe');
        await iframe.waitForExist({ timeout: WAIT_MS });
        await browser.switchFrame(iframe);
      },
      async leaveWidget() {
        await browser.switchFrame(null);
      },
      async waitForRole(role, name, timeoutMs) {
        await find(role, name, timeoutMs);
      },
      async click(role, name) {
        await withFreshElement(async () => clickSettled(await find(role, name)));
      },
      async fill(role, name, text) {
        // WebKitGTK refuses Element Send Keys inside a frame ("not focusable"): click, then type
        await withFreshElement(async () => clickSettled(await find(role, name)));
        await typeText(text);
      },
      async focus(role, name) {
        // WebKitGTK sends keys to a cross-origin frame only once it was clicked into (a script's
        // focus() there is not enough): a click on a field or a region only focuses it
        if (role !== 'combobox' && role !== 'textbox' && role !== 'region') {
          throw new Error(`focus(${role}) would activate it in WebKit`);
        }
        await withFreshElement(async () => clickSettled(await find(role, name)));
      },
      async isFocused(role, name) {
        return withFreshElement(async () => (await find(role, name)).isFocused());
      },
      async press(key) {
        await browser.keys([KEYS[key]]);
      },
      async type(text) {
        await typeText(text);
      },
      async evaluate<T>(expression: string) {
        return (await browser.execute(`return (${expression});`)) as T;
      },
      async openPopup(open) {
        const before = await browser.getWindowHandles();
        await open();
        let popup: string | undefined;
        await browser.waitUntil(
          async () => {
            popup = (await browser.getWindowHandles()).find((h) => !before.includes(h));
            return Boolean(popup);
          },
          { timeout: WAIT_MS, interval: 100, timeoutMsg: 'no window opened' },
        );
        if (popup) await browser.switchToWindow(popup);
      },
      async leavePopup() {
        await browser.switchToWindow(first);
      },
      async screenshot(path) {
        await browser.saveScreenshot(path);
      },
      async close() {
        await browser.deleteSession().catch(() => undefined);
        stopAll();
      },
    };
    return api;
  } catch (error) {
    stopAll();
    throw error;
  }
}
