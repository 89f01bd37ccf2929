import { defineConfig } from '@playwright/test';
import baseConfig from './playwright.config';
import { contractStands } from './scripts/contract-upstream';

/**
 * The contract test (`npm run test:contract`; README "Contract test against MX's spec"): per MX
 * spec file, Stoplight Prism behind a recording proxy (scripts/contract-upstream.ts), the real
 * server in mx mode with that proxy as MX_BASE_URL, and its demo host page. One project per spec
 * file; each runs e2e/contract/ in order in its own worker, so the two run side by side on two
 * cores and every request the proxy saw during a test is that test's.
 *
 * Ports from E2E_CONTRACT_PORT (default 4250): per spec file, proxy, Prism, widget, host page.
 */
export const CONTRACT_STANDS = contractStands(Number(process.env.E2E_CONTRACT_PORT ?? 4250));

export default defineConfig({
  ...baseConfig,
  testDir: 'e2e/contract',
  testMatch: /.*\.contract\.ts/,
  fullyParallel: false,
  workers: CONTRACT_STANDS.length,
  // a failure here is a finding to fix, not noise to retry
  retries: 0,
  // Prism answers at once: a flow that has not moved in 8 s is stuck, and failing soon keeps the run short
  timeout: 20_000,
  expect: { timeout: 8_000 },
  globalTeardown: './e2e/contract/summary.ts',
  reporter: process.env.PW_JSON_REPORT ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]] : [['list']],
  projects: CONTRACT_STANDS.map((stand) => ({
    name: `contract-${stand.spec}`,
    // what the user saw when a flow stopped short of success: the finding's first evidence
    use: { ...baseConfig.use, baseURL: stand.hostOrigin, screenshot: 'only-on-failure', actionTimeout: 8_000 },
    metadata: stand,
  })),
  // one process starts every stand at once (scripts/contract-upstream.ts); ready when all are
  webServer: {
    command: 'node --import tsx scripts/contract-upstream.ts',
    url: `${CONTRACT_STANDS[0]?.proxyOrigin}/contract/seen`,
    reuseExistingServer: false,
    timeout: 90_000,
    env: { E2E_CONTRACT_PORT: String(CONTRACT_STANDS[0]?.proxyPort) },
  },
});
