import { defineConfig } from '@playwright/test';
import baseConfig from './playwright.config';
import type { ContractSpec } from './scripts/contract-upstream';

/**
 * The contract test (`npm run test:contract`; README "Contract test against MX's spec"): per MX
 * spec file, Stoplight Prism behind a recording proxy (scripts/contract-upstream.ts), the real
 * server in mx mode with that proxy as MX_BASE_URL, and its demo host page. One project per spec
 * file; each runs e2e/contract/ in order in its own worker, so the two run side by side on two
 * cores and every request the proxy saw during a test is that test's.
 *
 * Ports from E2E_CONTRACT_PORT (default 4190): per spec file, proxy, Prism, widget, host page.
 */
const BASE = Number(process.env.E2E_CONTRACT_PORT ?? 4190);
const SPECS: ContractSpec[] = ['v1', 'v20250224'];

export interface ContractStand {
  spec: ContractSpec;
  proxyOrigin: string;
  widgetOrigin: string;
  hostOrigin: string;
}

export const CONTRACT_STANDS: ContractStand[] = SPECS.map((spec, i) => {
  const port = BASE + 4 * i;
  return {
    spec,
    proxyOrigin: `http://127.0.0.1:${port}`,
    widgetOrigin: `http://localhost:${port + 2}`,
    hostOrigin: `http://127.0.0.1:${port + 3}`,
  };
});

type WebServer = {
  command: string;
  url: string;
  reuseExistingServer: boolean;
  timeout: number;
  env: Record<string, string>;
};

/** the server's MX credentials: Prism wants HTTP Basic auth to be there, whatever it holds */
const mxCredentials = { MX_CLIENT_ID: 'contract-client', MX_API_KEY: 'contract-api-key' };

export default defineConfig({
  ...baseConfig,
  testDir: 'e2e/contract',
  testMatch: /.*\.spec\.ts/,
  fullyParallel: false,
  workers: SPECS.length,
  // a failure here is a finding to fix, not noise to retry
  retries: 0,
  globalTeardown: './e2e/contract/summary.ts',
  reporter: process.env.PW_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]] : [['list']],
  projects: CONTRACT_STANDS.map((stand) => ({
    name: `contract-${stand.spec}`,
    // what the user saw when a flow stopped short of success: the finding's first evidence
    use: { ...baseConfig.use, baseURL: stand.hostOrigin, screenshot: 'only-on-failure' },
    metadata: stand,
  })),
  webServer: CONTRACT_STANDS.flatMap((stand, i): WebServer[] => {
    const port = BASE + 4 * i;
    return [
      {
        command: 'node --import tsx scripts/contract-upstream.ts',
        url: `${stand.proxyOrigin}/contract/seen`,
        reuseExistingServer: false,
        timeout: 60_000,
        env: { CONTRACT_SPEC: stand.spec, CONTRACT_PROXY_PORT: String(port), CONTRACT_PRISM_PORT: String(port + 1) },
      },
      {
        command: 'npm run serve',
        url: `${stand.widgetOrigin}/healthz`,
        reuseExistingServer: false,
        timeout: 60_000,
        env: {
          WIDGET_PORT: String(port + 2),
          HOST_PORT: String(port + 3),
          ACCESS_LOG: '0',
          CONNECT_UPSTREAM: 'mx',
          MX_BASE_URL: stand.proxyOrigin,
          MX_API_VERSION: stand.spec,
          ...mxCredentials,
        },
      },
    ];
  }),
});
