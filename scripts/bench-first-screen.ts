/**
 * npm run bench:first-screen: how long the widget's first screen takes against what React alone
 * allows (issue #27). A partner page sets an iframe's src; the clock stops when the institution
 * search box is usable (visible, enabled: the first `role=combobox` in the frame). Network 150 ms
 * round trip, 1.6 Mbps down, CPU slowed 4× (Chromium's DevTools emulation); five runs of each,
 * alternated. The floor is a bare React 19 app with one heading and one combobox
 * (scripts/bench/floor/), built here into a temporary directory and served with the same
 * compression as the widget (brotli, from server/staticWidget.ts loadStaticFiles). The widget runs
 * behind the real production server (mock upstream) with a session minted through the partner API,
 * consent off. Prints min, median and max of each, the ratio of the medians, when the widget's
 * popular list showed (after the clock: the floors have no list), the initial JS of each
 * (gzip -9 of the JS fetched before the box was usable; for the widget also the part asked for
 * before its entry had arrived, which is what the box waits on) and the request waterfall of the widget's
 * median run. A benchmark, not a test: the machine's load moves the times, so compare ratios from
 * one run only.
 *
 * Beside them runs the stack floor (scripts/bench/stack/: the floor plus the least of TanStack Query,
 * zustand and valibot the stack requires), for what the widget weighs above its libraries.
 * Options: --runs N (default 5), --build (rebuild dist/ even when it exists), --port P (base of
 * four ports, default 5800: widget server, floor server, partner page, stack floor server), --profile (record a CPU
 * profile of each widget run and print, for the median run, the self time by source module and by
 * function, mapped through source maps, from the last JS file's end to the usable box; the main
 * thread's trace events there and an outline of the long ones; the whole profile in
 * .reports/first-screen.cpuprofile. It rebuilds dist/ with hidden source maps, removed at the end;
 * profiling slows the widget, so compare its times only with other --profile runs).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
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
    profile: { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const BASE_PORT = Number(args.port);
const ROOT = resolve(import.meta.dirname, '..');
const WIDGET_ORIGIN = `http://localhost:${BASE_PORT}`;
const FLOOR_ORIGIN = `http://localhost:${BASE_PORT + 1}`;
const PARTNER_ORIGIN = `http://127.0.0.1:${BASE_PORT + 2}`;
const STACK_ORIGIN = `http://localhost:${BASE_PORT + 3}`;

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

/**
 * In every frame but the top one: reports (epoch ms) the first moment the search box is usable, then
 * the first moment an institution is listed under it (the widget's popular list; the floors have none).
 */
const USABLE_PROBE = `(() => {
  if (window === window.top) return;
  const listed = () => {
    if (document.querySelector('[role="listbox"] [role="option"]')) {
      window.__benchListed(performance.timeOrigin + performance.now());
      return;
    }
    requestAnimationFrame(listed);
  };
  const check = () => {
    const box = document.querySelector('[role="combobox"]');
    if (box && !box.disabled && box.getClientRects().length > 0) {
      window.__benchUsable(performance.timeOrigin + performance.now());
      listed();
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
  /** the widget only: ms from the iframe's src to the first institution listed under the box */
  listedMs?: number;
  requests: Request[];
  /** with --profile: the CPU profile from the iframe's src to the usable box */
  profile?: CpuProfile;
  /** with --profile: the renderer main thread's complete trace events (ms from the iframe's src) */
  trace?: TraceEvent[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
}

/** The parts of DevTools' Profiler.Profile the summary reads */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  /** µs on the monotonic clock; rewritten by the bench to ms from the iframe's src */
  startTime: number;
  /** µs between samples */
  timeDeltas?: number[];
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
  const list = (t0: number): Request[] =>
    [...requests.values()].map(({ wallOffset: _, ...r }) => ({
      ...r,
      start: r.start - t0,
      firstByte: r.firstByte === undefined ? undefined : r.firstByte - t0,
      end: r.end === undefined ? undefined : r.end - t0,
    }));
  /** ms to add to a monotonic timestamp (CDP's and the trace's clock, in ms) to get wall time */
  const wallOffset = () => [...requests.values()][0]?.wallOffset ?? 0;
  return { list, wallOffset };
}

async function main() {
  if (args.build || args.profile || !existsSync(join(ROOT, 'dist/index.html'))) {
    console.info('Building the widget (dist/)…');
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      logLevel: 'warn',
      // maps without the comment: the served JS stays byte for byte what a build without them serves
      ...(args.profile ? { build: { sourcemap: 'hidden' } } : {}),
    });
  }
  const floorDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  const stackDir = mkdtempSync(join(tmpdir(), 'bench-stack-'));
  console.info('Building the floor and stack floor apps…');
  for (const [fixture, outDir] of [
    ['floor', floorDir],
    ['stack', stackDir],
  ] as const) {
    await build({
      configFile: join(ROOT, `scripts/bench/${fixture}/vite.config.ts`),
      build: { outDir, emptyOutDir: true },
    });
  }

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
  const stack = await serveStatic(stackDir, BASE_PORT + 3);
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

  async function once(url: string, profile = false, list = false): Promise<Run> {
    const context = await browser.newContext();
    const page = await context.newPage();
    let usable: (at: number) => void = () => {};
    const usableAt = new Promise<number>((done) => (usable = done));
    await page.exposeBinding('__benchUsable', (_source, at: number) => usable(at));
    let listed: (at: number) => void = () => {};
    const listedAt = new Promise<number>((done) => (listed = done));
    await page.exposeBinding('__benchListed', (_source, at: number) => listed(at));
    await page.addInitScript(USABLE_PROBE);
    await page.goto(PARTNER_ORIGIN);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const requests = recordNetwork(cdp);
    const traced: TraceEvent[] = [];
    if (profile) {
      cdp.on('Tracing.dataCollected', (e) => traced.push(...(e.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', {
        categories:
          'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink,loading,__metadata',
        transferMode: 'ReportEvents',
      });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const t0 = await page.evaluate((src) => (window as unknown as { start(u: string): number }).start(src), url);
    const at = await Promise.race([
      usableAt,
      new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`no usable search box: ${url}`)), 60_000)),
    ]);
    const recorded = profile ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : undefined;
    if (recorded) recorded.startTime = recorded.startTime / 1000 + requests.wallOffset() - t0;
    if (profile) {
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
    }
    // the widget's popular list, after the clock has stopped (the box is what the issue times)
    const listedTime = list
      ? await Promise.race([listedAt, new Promise<undefined>((done) => setTimeout(done, 30_000))])
      : undefined;
    await context.close();
    return {
      ms: at - t0,
      listedMs: listedTime === undefined ? undefined : listedTime - t0,
      requests: requests.list(t0).filter((r) => r.start <= at - t0),
      profile: recorded,
      // the trace's µs on the run's clock: ms from the iframe's src
      trace: profile
        ? mainThreadOf(traced).map((e) => ({
            ...e,
            ts: e.ts / 1000 + requests.wallOffset() - t0,
            dur: (e.dur ?? 0) / 1000,
          }))
        : undefined,
    };
  }

  const runs = { widget: [] as Run[], floor: [] as Run[], stack: [] as Run[] };
  try {
    for (let i = 0; i < RUNS; i += 1) {
      runs.widget.push(await once(await mint(), args.profile, true));
      runs.floor.push(await once(`${FLOOR_ORIGIN}/`));
      runs.stack.push(await once(`${STACK_ORIGIN}/`));
      console.info(
        `run ${i + 1}/${RUNS}: widget ${fmt(runs.widget[i]?.ms)}  floor ${fmt(runs.floor[i]?.ms)}  stack floor ${fmt(runs.stack[i]?.ms)}`,
      );
    }
  } finally {
    await browser.close();
    await widget.close();
    floor.close();
    stack.close();
    partner.close();
  }

  const widgetMedian = report('widget', runs.widget, join(ROOT, 'dist'));
  const floorMedian = report('floor', runs.floor, floorDir);
  const stackMedian = report('stack', runs.stack, stackDir);
  console.info(`ratio (widget median / floor median): ${(widgetMedian.ms / floorMedian.ms).toFixed(2)}`);
  console.info(`ratio (stack floor median / floor median): ${(stackMedian.ms / floorMedian.ms).toFixed(2)}`);
  const listed = runs.widget
    .map((r) => r.listedMs)
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b);
  console.info(
    `widget's popular list shown (not timed by the issue; the floors have none): min ${fmt(listed[0])}  ` +
      `median ${fmt(listed[Math.floor(listed.length / 2)])}  max ${fmt(listed.at(-1))}` +
      (listed.length < runs.widget.length
        ? `  (${runs.widget.length - listed.length} run(s) listed none in 30 s)`
        : ''),
  );
  console.info(`\nwaterfall of the widget's median run (ms from the iframe's src; start → first byte → end):`);
  printWaterfall(widgetMedian);
  console.info(`\nwaterfall of the floor's median run:`);
  printWaterfall(floorMedian);
  if (widgetMedian.profile) {
    printProfile(widgetMedian.profile, join(ROOT, 'dist'), widgetMedian);
    if (widgetMedian.trace) printTrace(widgetMedian.trace, widgetMedian);
    // for DevTools' Performance panel (load the file there)
    mkdirSync(join(ROOT, '.reports'), { recursive: true });
    writeFileSync(join(ROOT, '.reports/first-screen.cpuprofile'), JSON.stringify(widgetMedian.profile));
    console.info('\nthe whole profile: .reports/first-screen.cpuprofile');
    // dist/ as a build without maps left it (the server and `npm run size` read it)
    for (const file of readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }))
      if (file.endsWith('.js.map')) rmSync(join(ROOT, 'dist', file));
  }
  rmSync(floorDir, { recursive: true, force: true });
  rmSync(stackDir, { recursive: true, force: true });
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
  const bytesOf = (files: Iterable<string>) =>
    [...files].filter((f) => existsSync(f)).reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const jsBytes = bytesOf(js);
  // what the page asked for before its entry had arrived: the box's own JS (the widget asks for
  // the rest of itself once its entry runs, when those bytes no longer share the link with it)
  const entryEnd = median.requests.find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.url))?.end;
  const early = new Set(
    median.requests
      .filter((r) => r.url.endsWith('.js') && entryEnd !== undefined && r.start <= entryEnd)
      .map((r) => join(dir, new URL(r.url).pathname)),
  );
  console.info(
    `${name.padEnd(7)} min ${fmt(sorted[0]?.ms)}  median ${fmt(median.ms)}  max ${fmt(sorted.at(-1)?.ms)}  ` +
      `initial JS ${jsBytes.toLocaleString('en-US')} B gzip -9 (${js.size} file${js.size === 1 ? '' : 's'}` +
      (early.size < js.size
        ? `; ${bytesOf(early).toLocaleString('en-US')} B asked for before the entry had arrived`
        : '') +
      ')',
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

/**
 * The widget's CPU time by self time (ms of the emulated, slowed CPU): per source module (node_modules
 * packages as one) and the top functions, each position mapped through dist/'s hidden source maps.
 */
function printProfile(profile: CpuProfile, dist: string, run: Run) {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const file = join(dist, `${new URL(url).pathname}.map`);
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as never) : null);
    }
    return maps.get(url) ?? null;
  };
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  // only what ran once the last JS file had arrived (before, the main thread mostly waits on the network)
  const from = lastScriptEnd(run);
  // sample i was taken at startTime + timeDeltas[0..i] and stands for the time until the next one
  let clock = profile.startTime * 1000;
  samples.forEach((id, i) => {
    clock += profile.timeDeltas?.[i] ?? 0;
    const us = profile.timeDeltas?.[i + 1] ?? 0;
    if (clock >= from * 1000 && clock <= run.ms * 1000) selfUs.set(id, (selfUs.get(id) ?? 0) + us);
  });
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const moduleOf = new Map<number, string>();
  const add = (table: Map<string, number>, key: string, us: number) => table.set(key, (table.get(key) ?? 0) + us);
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let where = url ? new URL(url).pathname : functionName || '(anonymous)';
    if (url.startsWith('http')) {
      const entry = mapOf(url)?.findEntry(lineNumber, columnNumber);
      const source = entry && 'originalSource' in entry ? (entry.originalSource as string | undefined) : undefined;
      if (source) where = source.replace(/^.*?(node_modules|src|sdk)\//, '$1/');
    }
    const module = where.startsWith('node_modules/')
      ? where
          .split('/')
          .slice(0, where.startsWith('node_modules/@') ? 3 : 2)
          .join('/')
      : where;
    add(byModule, module, us);
    moduleOf.set(node.id, module);
    add(byFunction, `${functionName || '(anonymous)'}  ${where}`, us);
  }
  const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  const top = (title: string, table: Map<string, number>, n: number) => {
    console.info(`\n${title}`);
    for (const [key, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, n))
      console.info(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`);
  };
  console.info(
    `\nCPU profile of the widget's median run, ${Math.round(from)}–${Math.round(run.ms)} ms: ${(total / 1000).toFixed(0)} ms sampled`,
  );
  top('self time by module:', byModule, 25);
  top('self time by function:', byFunction, 30);
  // when it ran: each 100 ms (from the profile's start, about the iframe's src) and its busiest modules
  console.info('\nby 100 ms (busy ms: top modules):');
  const buckets = new Map<number, Map<string, number>>();
  let at = profile.startTime * 1000;
  samples.forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    const us = profile.timeDeltas?.[i + 1] ?? 0;
    const module = moduleOf.get(id) ?? '';
    if (module !== '(idle)' && module !== '' && at >= from * 1000) {
      const bucket = Math.floor(at / 100_000);
      add(buckets.get(bucket) ?? buckets.set(bucket, new Map()).get(bucket) ?? new Map(), module, us);
    }
  });
  for (const [bucket, table] of [...buckets].sort((a, b) => a[0] - b[0])) {
    const busy = [...table.values()].reduce((sum, us) => sum + us, 0);
    if (busy < 5_000) continue;
    const names = [...table].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.info(
      `  ${String(bucket * 100).padStart(5)} ${(busy / 1000).toFixed(0).padStart(4)}  ` +
        names.map(([name, us]) => `${name.replace(/^node_modules\//, '')} ${(us / 1000).toFixed(0)}`).join(', '),
    );
  }
}

/** The renderer main thread's complete events (site isolation off: page and frame share it). */
function mainThreadOf(events: TraceEvent[]): TraceEvent[] {
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && JSON.stringify(e).includes('CrRendererMain'),
  );
  return events.filter((e) => e.ph === 'X' && main !== undefined && e.tid === main.tid && e.pid === main.pid);
}

/**
 * The main thread's work between the last JS file's end and the usable box, by trace event name
 * (inclusive ms: a Layout forced by a script is inside its FunctionCall too), and how many.
 */
function printTrace(events: TraceEvent[], run: Run) {
  const from = lastScriptEnd(run);
  const table = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.ts < from || e.ts > run.ms || !e.dur) continue;
    const row = table.get(e.name) ?? { ms: 0, count: 0 };
    row.ms += e.dur;
    row.count += 1;
    table.set(e.name, row);
  }
  console.info(
    `\nmain thread from the last script's end (${Math.round(from)} ms) to the usable box, by event (inclusive):`,
  );
  for (const [name, row] of [...table].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
    console.info(`  ${row.ms.toFixed(1).padStart(7)} ms  ${String(row.count).padStart(4)}×  ${name}`);
  // the outline: every event of 8 ms or more, indented under the one it ran inside
  console.info('\noutline (start ms, ms, event; nested events indented):');
  const shown = events
    .filter((e) => e.ts + (e.dur ?? 0) >= from && e.ts <= run.ms && (e.dur ?? 0) >= 8)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const open: TraceEvent[] = [];
  for (const e of shown) {
    while (open.length > 0 && (open.at(-1)?.ts ?? 0) + (open.at(-1)?.dur ?? 0) <= e.ts) open.pop();
    console.info(
      `  ${Math.round(e.ts).toString().padStart(5)} ${(e.dur ?? 0).toFixed(0).padStart(4)}  ${'  '.repeat(open.length)}${e.name}`,
    );
    open.push(e);
  }
}

/**
 * ms from the iframe's src to the end of the last JS file the run fetched and the box waited on: the
 * files that ended before the box was usable (the widget asks for the rest of itself as its entry
 * runs, and that arrives after the box)
 */
function lastScriptEnd(run: Run): number {
  const ends = run.requests.filter((r) => r.url.endsWith('.js') && r.end !== undefined && r.end <= run.ms);
  return Math.max(0, ...ends.map((r) => r.end ?? 0));
}
