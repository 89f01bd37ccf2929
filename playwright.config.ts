import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Playwright's own browser download is blocked here: use a system Chromium when there is one. */
function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const WIDGET_PORT = process.env.E2E_WIDGET_PORT ?? '4183';
const HOST_PORT = process.env.E2E_HOST_PORT ?? '4184';
export const WIDGET_ORIGIN = `http://localhost:${WIDGET_PORT}`;
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
/** a page Playwright serves itself (page.route), allowed to frame but not the widget URL's parent_origin */
export const THIRD_ORIGIN = 'http://third.test';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: HOST_ORIGIN,
    trace: 'retain-on-failure',
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // LocalNetworkAccessChecks: the third-origin test page is served by page.route, which Chromium
        // counts as a public address framing a local one; that check is not what the test is about.
        // site-per-process: with the widget in its own renderer process, Playwright on a loaded 2-core
        // machine now and then lost hold of the frame (blank frame snapshots, lost clicks). Origins,
        // postMessage checks and ancestorOrigins behave the same in one process.
        '--disable-features=LocalNetworkAccessChecks,IsolateOrigins,site-per-process',
        '--disable-site-isolation-trials',
      ],
    },
  },
  webServer: {
    command: 'npm run serve',
    url: `${WIDGET_ORIGIN}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      WIDGET_PORT,
      HOST_PORT,
      ACCESS_LOG: '0',
      MOCK_CLOCK_SPEED: '10',
      MOCK_CONTROL_API: '1',
      EXTRA_FRAME_ORIGINS: THIRD_ORIGIN,
    },
  },
});
