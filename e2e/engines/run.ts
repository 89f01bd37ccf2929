/**
 * `npm run test:engines`: the main flows (flows.ts) in Firefox and WebKit, against the real server
 * started as Playwright's config starts it (mock upstream, demo host page on another origin).
 * Playwright stays the runner for Chromium. Writes .reports/engines.json
 * `{passed, failed, skipped, durationMs, tests: [{engine, title, status, durationMs, error?}]}`,
 * which scripts/test-summary.mjs sums. `npm run test:engines -- webkit` runs one engine.
 * Needs the build (`npm run build`). A missing browser is a failure naming its Debian package.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { E2E_CLOCK_SPEED } from '../../server/upstreams/mock/sandbox';
import { waitForHttp, type EngineDriver } from './driver';
import { launchFirefox } from './firefox';
import { FLOWS } from './flows';
import { launchWebkit } from './webkit';

/** Ports: widget server, demo host, WebKitWebDriver (ENGINES_PORT..+2). */
// not 4190: that port is on the Fetch standard's blocked list (browsers refuse it)
const BASE = Number(process.env.ENGINES_PORT ?? 4270);
const WIDGET_PORT = BASE;
const HOST_PORT = BASE + 1;
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
/** A flow that takes longer than this has failed: each takes a few seconds. */
const FLOW_TIMEOUT_MS = 60_000;

const ENGINES: Record<string, () => Promise<EngineDriver>> = {
  firefox: launchFirefox,
  webkit: () => launchWebkit(BASE + 2),
};

interface Result {
  engine: string;
  title: string;
  status: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
/** --grep=<text>: only the flows whose title contains it */
const grep = process.argv.find((arg) => arg.startsWith('--grep='))?.slice('--grep='.length) ?? '';
const unknown = wanted.filter((name) => !(name in ENGINES));
if (unknown.length) {
  console.error(`unknown engine ${unknown.join(', ')}: choose from ${Object.keys(ENGINES).join(', ')}`);
  process.exit(2);
}
if (!existsSync('dist/index.html') || !existsSync('dist-host/index.html')) {
  console.error('engines: build first (npm run build)');
  process.exit(2);
}

const started = Date.now();
const server = spawn('npm', ['run', 'serve'], {
  detached: true,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    WIDGET_PORT: String(WIDGET_PORT),
    HOST_PORT: String(HOST_PORT),
    ACCESS_LOG: '0',
    MOCK_CLOCK_SPEED: String(E2E_CLOCK_SPEED),
    MOCK_CONTROL_API: '1',
  },
});
const stopServer = () => {
  // the whole group: npm, tsx and the server under them
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
};
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));

const results: Result[] = [];
const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;
try {
  await waitForHttp(`http://localhost:${WIDGET_PORT}/healthz`);
  await waitForHttp(`${HOST_ORIGIN}/`);
  for (const engine of wanted.length ? wanted : Object.keys(ENGINES)) {
    const t0 = Date.now();
    let driver: EngineDriver | null = null;
    let launchError: string | null = null;
    try {
      driver = (await ENGINES[engine]?.()) ?? null;
      console.info(`${engine}: started in ${ms(Date.now() - t0)}`);
    } catch (error) {
      launchError = error instanceof Error ? error.message : String(error);
      console.error(`✗ ${engine}: could not start: ${launchError}`);
    }
    for (const flow of FLOWS.filter((f) => f.title.includes(grep))) {
      const t1 = Date.now();
      const result: Result = { engine, title: flow.title, status: 'passed', durationMs: 0 };
      try {
        if (!driver) throw new Error(`${engine} did not start: ${launchError}`);
        const current = driver;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          flow.run(current, { hostOrigin: HOST_ORIGIN }).finally(() => clearTimeout(timer)),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${ms(FLOW_TIMEOUT_MS)}`)), FLOW_TIMEOUT_MS);
          }),
        ]);
      } catch (error) {
        result.status = 'failed';
        result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
      }
      result.durationMs = Date.now() - t1;
      results.push(result);
      const mark = result.status === 'passed' ? '✓' : '✗';
      console.info(
        `${mark} ${engine} › ${flow.title} (${ms(result.durationMs)})${result.error ? `\n    ${result.error}` : ''}`,
      );
      if (result.status === 'failed' && driver) {
        const shot = `.reports/engines/${engine}-${FLOWS.indexOf(flow) + 1}.png`;
        mkdirSync('.reports/engines', { recursive: true });
        await driver.screenshot(shot).then(
          () => console.info(`    screenshot: ${shot}`),
          () => undefined,
        );
        // a popup a failed flow left open must not be the next flow's window
        await driver.leavePopup().catch(() => undefined);
      }
    }
    await driver?.close().catch(() => undefined);
    console.info(`${engine}: ${ms(Date.now() - t0)}`);
  }
} catch (error) {
  console.error(`engines: ${error instanceof Error ? error.message : String(error)}`);
  results.push({ engine: 'server', title: 'the server starts', status: 'failed', durationMs: 0 });
}

const passed = results.filter((r) => r.status === 'passed').length;
const failed = results.length - passed;
const durationMs = Date.now() - started;
mkdirSync('.reports', { recursive: true });
writeFileSync(
  '.reports/engines.json',
  `${JSON.stringify({ passed, failed, skipped: 0, durationMs, tests: results }, null, 2)}\n`,
);
console.info(`engines: ${passed} passed, ${failed} failed in ${ms(durationMs)}`);
process.exit(failed ? 1 : 0);
