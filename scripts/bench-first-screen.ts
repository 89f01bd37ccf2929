/**
 * npm run bench:first-screen: how long the widget's first screen takes against what React alone
 * allows (issue #27). A partner page sets an iframe's src; the clock stops when the institution
 * search box is usable (visible, enabled: the first `role=combobox` in the frame). Network 150 ms
 * round trip, 1.6 Mbps down, CPU slowed 4× (Chromium's DevTools emulation); five runs of each,
 * alternated. The floor is a bare React 19 app with one heading and one combobox
 * (scripts/bench/floor/), built here into a temporary directory and served with the same
 * compression as the widget (brotli, from server/staticWidget.ts loadStaticFiles). The widget runs
 * behind the real production server (mock upstream) with a session minted through the partner API,
 * consent off. Prints min, median and max of each, the ratio of the medians, the initial JS of each
 * (gzip -9 of the JS fetched before the box was usable) and the request waterfall of the widget's
 * median run. A benchmark, not a test: the machine's load moves the times, so compare ratios from
 * one run only.
 *
 * Options: --runs N (default 5), --build (rebuild dist/ even when it exists), --port P (base of
 * three ports, default 5800: widget server, floor server, partner page).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession } from '@playwright/test';
import { build } from 'vite';
import { DEMO_PARTNER_SECRET } from '../server/config';
import { startServer } from '../server/main';
import { loadStaticFiles } from '../server/staticWidget';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    build: { type: 'boolean', default: false },
    port: { type: 'string', default: '5800' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const BASE_PORT = Number(args.port);
const ROOT = resolve(import.meta.dirname, '..');
const WIDGET_ORIGIN = `http://localhost:${BASE_PORT}`;
const FLOOR_ORIGIN = `http://localhost:${BASE_PORT + 1}`;
const PARTNER_ORIGIN = `http://127.0.0.1:${BASE_PORT + 2}`;

/** DevTools' network and CPU emulation, as issue #27 measured */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 1, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
}

/** A static server with the widget server's compression (brotli, else gzip), for the floor. */
function serveStatic(dir: string, port: number): Promise<Server> {
  const files = loadStaticFiles(dir);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', FLOOR_ORIGIN).pathname;
    const file = files.get(path === '/' ? '/index.html' : path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const accept = req.headers['accept-encoding'] ?? '';
    const encoding = file.br && /\bbr\b/.test(accept) ? 'br' : file.gzip && /\bgzip\b/.test(accept) ? 'gzip' : null;
    res.writeHead(200, {
      'content-type': file.type,
      vary: 'Accept-Encoding',
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.body);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

/** The partner's page: an empty iframe whose src the bench sets (window.start), with the clock's start. */
const PARTNER_PAGE = `<!doctype html><html><head><title>Partner</title></head><body>
<iframe id="frame" title="Connect" style="width:420px;height:640px;border:0"></iframe>
<script>window.start = (url) => { window.t0 = performance.timeOrigin + performance.now(); document.getElementById('frame').src = url; return window.t0; };</script>
</body></html>`;

function servePartner(port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(PARTNER_PAGE);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

/** In every frame but the top one: reports (epoch ms) the first moment the search box is usable. */
const USABLE_PROBE = `(() => {
  if (window === window.top) return;
  const check = () => {
    const box = document.querySelector('[role="combobox"]');
    if (box && !box.disabled && box.getClientRects().length > 0) {
      window.__benchUsable(performance.timeOrigin + performance.now());
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

interface Request {
  url: string;
  type: string;
  /** ms from the clock's start */
  start: number;
  /** first byte (ms from the clock's start) */
  firstByte?: number;
  end?: number;
  bytes?: number;
}

interface Run {
  ms: number;
  requests: Request[];
}

/** Records every request of the page and its frames (site isolation off: one renderer, one session). */
function recordNetwork(cdp: CDPSession) {
  const requests = new Map<string, Request & { wallOffset: number }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith('http')) return;
    const wallOffset = e.wallTime * 1000 - e.timestamp * 1000;
    const url = new URL(e.request.url);
    // never the session token (or any query) in what the bench prints
    requests.set(e.requestId, {
      url: `${url.origin}${url.pathname}`,
      type: e.type ?? '',
      start: e.wallTime * 1000,
      wallOffset,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const request = requests.get(e.requestId);
    const timing = e.response.timing;
    if (request && timing)
      request.firstByte = timing.requestTime * 1000 + timing.receiveHeadersEnd + request.wallOffset;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (!request) return;
    request.end = e.timestamp * 1000 + request.wallOffset;
    request.bytes = e.encodedDataLength;
  });
  return (t0: number): Request[] =>
    [...requests.values()].map(({ wallOffset: _, ...r }) => ({
      ...r,
      start: r.start - t0,
      firstByte: r.firstByte === undefined ? undefined : r.firstByte - t0,
      end: r.end === undefined ? undefined : r.end - t0,
    }));
}

async function main() {
  if (args.build || !existsSync(join(ROOT, 'dist/index.html'))) {
    console.info('Building the widget (dist/)…');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
  }
  const floorDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  console.info('Building the floor app…');
  await build({
    configFile: join(ROOT, 'scripts/bench/floor/vite.config.ts'),
    build: { outDir: floorDir, emptyOutDir: true },
  });

  const widget = await startServer(
    {
      PORT: String(BASE_PORT),
      HOST: 'localhost',
      CONNECT_HOST_ORIGINS: PARTNER_ORIGIN,
      ACCESS_LOG: 'false',
      NODE_ENV: 'development',
    },
    join(ROOT, 'dist'),
  );
  const floor = await serveStatic(floorDir, BASE_PORT + 1);
  const partner = await servePartner(BASE_PORT + 2);

  const partnerHeaders = { authorization: `Bearer ${DEMO_PARTNER_SECRET}`, 'content-type': 'application/json' };
  const created = (await (
    await fetch(`${WIDGET_ORIGIN}/partner/users`, {
      method: 'POST',
      headers: partnerHeaders,
      body: JSON.stringify({ user: {} }),
    })
  ).json()) as { user: { guid: string } };
  const mint = async () => {
    const response = await fetch(`${WIDGET_ORIGIN}/partner/users/${created.user.guid}/widget_urls`, {
      method: 'POST',
      headers: partnerHeaders,
      body: JSON.stringify({
        widget_url: { widget_type: 'connect_widget', disable_consent: true },
        parent_origin: PARTNER_ORIGIN,
      }),
    });
    if (!response.ok) throw new Error(`minting a widget URL: ${response.status}`);
    return ((await response.json()) as { widget_url: { url: string } }).widget_url.url;
  };

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    // one renderer for page and frame, so the CPU and network emulation of the page apply to the frame
    args: ['--no-sandbox', '--disable-gpu', '--disable-site-isolation-trials', '--disable-features=site-per-process'],
  });

  async function once(url: string): Promise<Run> {
    const context = await browser.newContext();
    const page = await context.newPage();
    let usable: (at: number) => void = () => {};
    const usableAt = new Promise<number>((done) => (usable = done));
    await page.exposeBinding('__benchUsable', (_source, at: number) => usable(at));
    await page.addInitScript(USABLE_PROBE);
    await page.goto(PARTNER_ORIGIN);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const requests = recordNetwork(cdp);
    const t0 = await page.evaluate((src) => (window as unknown as { start(u: string): number }).start(src), url);
    const at = await Promise.race([
      usableAt,
      new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`no usable search box: ${url}`)), 60_000)),
    ]);
    await context.close();
    return { ms: at - t0, requests: requests(t0).filter((r) => r.start <= at - t0) };
  }

  const runs = { widget: [] as Run[], floor: [] as Run[] };
  try {
    for (let i = 0; i < RUNS; i += 1) {
      runs.widget.push(await once(await mint()));
      runs.floor.push(await once(`${FLOOR_ORIGIN}/`));
      console.info(`run ${i + 1}/${RUNS}: widget ${fmt(runs.widget[i]?.ms)}  floor ${fmt(runs.floor[i]?.ms)}`);
    }
  } finally {
    await browser.close();
    await widget.close();
    floor.close();
    partner.close();
  }

  const widgetMedian = report('widget', runs.widget, join(ROOT, 'dist'));
  const floorMedian = report('floor', runs.floor, floorDir);
  console.info(`ratio (widget median / floor median): ${(widgetMedian.ms / floorMedian.ms).toFixed(2)}`);
  console.info(`\nwaterfall of the widget's median run (ms from the iframe's src; start → first byte → end):`);
  printWaterfall(widgetMedian);
  console.info(`\nwaterfall of the floor's median run:`);
  printWaterfall(floorMedian);
  rmSync(floorDir, { recursive: true, force: true });
}

const fmt = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(2)} s`);

/** Prints min / median / max and the initial JS; returns the median run. */
function report(name: string, list: Run[], dir: string): Run {
  const sorted = [...list].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)] ?? sorted[0];
  if (!median) throw new Error('no runs');
  const js = new Set(
    median.requests.filter((r) => r.url.endsWith('.js')).map((r) => join(dir, new URL(r.url).pathname)),
  );
  const jsBytes = [...js]
    .filter((f) => existsSync(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  console.info(
    `${name.padEnd(7)} min ${fmt(sorted[0]?.ms)}  median ${fmt(median.ms)}  max ${fmt(sorted.at(-1)?.ms)}  ` +
      `initial JS ${jsBytes.toLocaleString('en-US')} B gzip -9 (${js.size} file${js.size === 1 ? '' : 's'})`,
  );
  return median;
}

function printWaterfall(run: Run) {
  const ms = (n: number | undefined) => (n === undefined ? '    …' : String(Math.round(n)).padStart(5));
  for (const r of [...run.requests].sort((a, b) => a.start - b.start)) {
    const path = new URL(r.url).pathname;
    console.info(`  ${ms(r.start)} → ${ms(r.firstByte)} → ${ms(r.end)}  ${r.type.padEnd(10)} ${path}`);
  }
  console.info(`  ${ms(run.ms)}  search box usable`);
}

await main();
