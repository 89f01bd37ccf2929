import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_CLOCK_SPEED } from './server/upstreams/mock/sandbox';

/**
 * Playwright's own browser download is blocked here: use a system Chromium when there is one.
 * Debian's chromium-headless-shell first (scripts/ensure-chromium.mjs installs it when it can): it is
 * the headless build Playwright itself runs, and on two busy cores it needs about a third less CPU
 * per test than the full browser, which is what keeps every test well inside its timeout.
 */
function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
}

const WIDGET_PORT = process.env.E2E_WIDGET_PORT ?? '4183';
const HOST_PORT = process.env.E2E_HOST_PORT ?? '4184';
export const WIDGET_ORIGIN = `http://localhost:${WIDGET_PORT}`;
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
/**
 * mx mode: the same server pointed at a stand-in for MX on its own port (scripts/mx-stand-in.ts),
 * with its own demo host page; the `mx` project's specs (e2e/mx-mode/) run against it. The
 * `mx-v20250224` project runs them again through a second server speaking MX_API_VERSION=v20250224
 * to the same stand-in.
 */
const MX_STANDIN_PORT = String(Number(WIDGET_PORT) + 2);
const MX_WIDGET_PORT = String(Number(WIDGET_PORT) + 3);
const MX_HOST_PORT = String(Number(WIDGET_PORT) + 4);
const MX2025_WIDGET_PORT = String(Number(WIDGET_PORT) + 5);
const MX2025_HOST_PORT = String(Number(WIDGET_PORT) + 6);
export const MX_STANDIN_ORIGIN = `http://127.0.0.1:${MX_STANDIN_PORT}`;
export const MX_HOST_ORIGIN = `http://127.0.0.1:${MX_HOST_PORT}`;
const MX2025_HOST_ORIGIN = `http://127.0.0.1:${MX2025_HOST_PORT}`;
/** what the stand-in accepts, and the server holds; a test proves it never reaches the browser */
export const E2E_MX_API_KEY = 'e2e-mx-api-key-never-in-the-browser';
const mxCredentials = { MX_CLIENT_ID: 'e2e-client', MX_API_KEY: E2E_MX_API_KEY };

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
    // recording every test costs about a quarter of the suite's time on two cores: a trace is
    // kept for a test's retry (CI); locally, `npx playwright test --trace on` records one
    trace: 'on-first-retry',
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
  projects: [
    { name: 'mock', testIgnore: /mx-mode\// },
    // metadata.mxApiVersion: the API version the project's server speaks to the stand-in
    {
      name: 'mx',
      testMatch: /mx-mode\/.*\.spec\.ts/,
      use: { baseURL: MX_HOST_ORIGIN },
      metadata: { mxApiVersion: 'v1' },
    },
    {
      name: 'mx-v20250224',
      testMatch: /mx-mode\/.*\.spec\.ts/,
      use: { baseURL: MX2025_HOST_ORIGIN },
      metadata: { mxApiVersion: 'v20250224' },
    },
  ],
  webServer: [
    {
      command: 'npm run serve',
      url: `${WIDGET_ORIGIN}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        WIDGET_PORT,
        HOST_PORT,
        ACCESS_LOG: '0',
        MOCK_CLOCK_SPEED: String(E2E_CLOCK_SPEED),
        MOCK_CONTROL_API: '1',
        EXTRA_FRAME_ORIGINS: THIRD_ORIGIN,
      },
    },
    {
      command: 'node --import tsx scripts/mx-stand-in.ts',
      url: `${MX_STANDIN_ORIGIN}/standin/seen`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { MX_STANDIN_PORT, MOCK_CLOCK_SPEED: String(E2E_CLOCK_SPEED), ...mxCredentials },
    },
    {
      command: 'npm run serve',
      url: `http://localhost:${MX_WIDGET_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        WIDGET_PORT: MX_WIDGET_PORT,
        HOST_PORT: MX_HOST_PORT,
        ACCESS_LOG: '0',
        CONNECT_UPSTREAM: 'mx',
        MX_BASE_URL: `${MX_STANDIN_ORIGIN}/api`,
        ...mxCredentials,
      },
    },
    {
      command: 'npm run serve',
      url: `http://localhost:${MX2025_WIDGET_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        WIDGET_PORT: MX2025_WIDGET_PORT,
        HOST_PORT: MX2025_HOST_PORT,
        ACCESS_LOG: '0',
        CONNECT_UPSTREAM: 'mx',
        MX_API_VERSION: 'v20250224',
        MX_BASE_URL: `${MX_STANDIN_ORIGIN}/api`,
        ...mxCredentials,
      },
    },
  ],
});
