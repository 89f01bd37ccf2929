// Load benchmark (a benchmark, not a test): N simulated widgets, each with its own session token
// and member, polling member status through the production server once a second, at 100, 500 and
// 1,000 sessions, each widget starting at its own moment in the second as real ones do (a
// generator that fired them all on the same tick would measure its own burst); then the same
// sessions polling flat out (autocannon) to find what one server process (one
// core: Node serves on one thread) can answer. The server runs in its own process with the mock
// upstream in-process, so the figures include the session check, allow-list, rate limiter and
// upstream call of every request. Usage: npm run load [-- --seconds 10]; LOAD_SESSIONS=100,500 picks the runs.
import { spawn, execSync } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';

const SESSION_COUNTS = (process.env.LOAD_SESSIONS ?? '100,500,1000').split(',').map(Number);
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 10;
const PARTNER_SECRET = 'load-partner-secret-0123456789abcdef';
const MX_MEDIA_TYPE = 'application/vnd.mx.api.v1+json';

if (!existsSync('dist/index.html')) execSync('npm run build', { stdio: 'inherit' });

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ACCESS_LOG: '0',
    NODE_ENV: 'production',
    PARTNER_SECRET,
    SESSION_SECRET: 'load-session-secret-0123456789abcdef',
    CONNECT_HOST_ORIGINS: 'https://partner.example',
    CONNECT_UPSTREAM: 'mock',
    PUBLIC_ORIGIN: 'https://connect.load.example',
    // every simulated widget comes from this one address, and the flat-out phase polls far above
    // a widget's rate: the limiter still runs on every request, it just never says no
    RATE_LIMIT_PER_SESSION: '1000000000',
    RATE_LIMIT_PER_ADDRESS: '1000000000',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => String(chunk).includes('listening') && resolve());
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const partner = { authorization: `Bearer ${PARTNER_SECRET}`, 'content-type': 'application/json' };
async function post(path, headers, body) {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** One widget: a user, a session token minted for it, and a member it polls. */
async function newWidget(i) {
  const { user } = await post('/partner/users', partner, { user: { id: `load-${i}` } });
  const minted = await post(`/partner/users/${user.guid}/widget_urls`, partner, {
    widget_url: { widget_type: 'connect_widget' },
    parent_origin: 'https://partner.example',
  });
  const token = new URL(minted.widget_url.url).searchParams.get('session_token');
  const headers = { authorization: `Bearer ${token}`, accept: MX_MEDIA_TYPE, 'content-type': 'application/json' };
  const { member } = await post(`/api/users/${user.guid}/members`, headers, {
    member: {
      institution_code: 'mxbank',
      credentials: [
        { guid: 'CRD-mxbank-login', value: `load${i}` },
        { guid: 'CRD-mxbank-password', value: 'password' },
      ],
    },
  });
  return {
    path: `/api/users/${user.guid}/members/${member.guid}/status`,
    headers: { authorization: headers.authorization, accept: MX_MEDIA_TYPE },
  };
}

const widgets = [];
for (let i = 0; i < Math.max(...SESSION_COUNTS); i += 50) {
  widgets.push(...(await Promise.all(Array.from({ length: 50 }, (_, k) => newWidget(i + k)))));
}

/** Flat out: every session's connection sends its next request as soon as the last is answered. */
function flatOut(sessions) {
  let next = 0;
  return autocannon({
    url: base,
    connections: sessions,
    duration: SECONDS,
    // each connection is one widget: its own token, its own member
    setupClient: (client) => client.setRequest({ method: 'GET', ...widgets[next++ % widgets.length] }),
  });
}

/** Paced: each widget polls once a second from its own random phase, on its own kept-alive connection. */
async function paced(sessions) {
  const agent = new Agent({ keepAlive: true, maxSockets: sessions });
  const latencies = [];
  let failed = 0;
  const get = (widget) =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const req = httpRequest(`${base}${widget.path}`, { agent, headers: widget.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) failed += 1;
          resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      });
      req.on('error', () => {
        failed += 1;
        resolve(0);
      });
      req.end();
    });
  const until = Date.now() + SECONDS * 1000 + 1000;
  await Promise.all(
    widgets.slice(0, sessions).map(async (widget) => {
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      await get(widget); // the first poll opens the connection: not counted
      for (let due = Date.now() + 1000; due < until; due += 1000) {
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
        latencies.push(await get(widget));
      }
    }),
  );
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), failed };
}

const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const rows = [];
for (const sessions of SESSION_COUNTS) {
  const polled = await paced(sessions);
  const flat = await flatOut(sessions);
  rows.push({
    sessions,
    pacedRps: polled.rps,
    p50: polled.p50,
    p99: polled.p99,
    maxRps: flat.requests.average,
    flatP99: flat.latency.p99,
    bad: `${polled.failed} / ${flat.non2xx} non-2xx, ${flat.errors} errors, ${flat.timeouts} timeouts`,
  });
}
server.kill('SIGTERM');

console.info(
  `\nmember status through the server, ${SECONDS} s per run, server: 1 process (1 core) of ${availableParallelism()}`,
);
console.info(
  'sessions  polling 1/s: req/s   p50      p99   | flat out: req/s per core   p99     | failed: polling / flat out',
);
for (const r of rows) {
  console.info(
    `${String(r.sessions).padStart(8)}  ${r.pacedRps.toFixed(0).padStart(17)}  ${ms(r.p50).padStart(7)}  ${ms(r.p99).padStart(7)} | ${r.maxRps.toFixed(0).padStart(24)}  ${ms(r.flatP99).padStart(7)} | ${r.bad}`,
  );
}
const at500 = rows.find((r) => r.sessions === 500);
const capacity = Math.max(...rows.map((r) => r.maxRps));
console.info(
  `goal: >= 5000 req/s per core (best ${capacity.toFixed(0)}), p99 <= 20 ms at 500 sessions (${at500 ? ms(at500.p99) : '?'})`,
);
