// Load benchmark (a benchmark, not a test): N simulated widgets, each with its own session token
// and member, polling member status through the production server once a second, at 100, 500 and
// 1,000 sessions, each widget starting at its own moment in the second as real ones do (a
// generator that fired them all on the same tick would measure its own burst); then the same
// sessions polling flat out (autocannon) to find what one server process (one
// core: Node serves on one thread) can answer. The server runs in its own process with the mock
// upstream in-process, so the figures include the session check, allow-list, rate limiter and
// upstream call of every request. Then the same at 500 sessions (or LOAD_SESSIONS' largest) side by
// side: one instance counting its rate limits in memory, and two instances sharing one Redis
// (REDIS_URL; Debian's redis-server started here on a free port), every request's limiter a round
// trip to Redis. The mock keeps its members in its own process, so each widget polls the instance
// that holds its member (a load balancer with the real MX could send it to either).
// Usage: npm run load [-- --seconds 10]; LOAD_SESSIONS=100,500 picks the runs. It runs under tsx
// (package.json "load") so that the member it creates is the sandbox module's, not a copy.
import { spawn, execSync } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { MX_MEDIA_TYPE } from '../sdk/src/contract/mx.ts';
import { mxBankMember } from '../server/upstreams/mock/sandbox.ts';

const SESSION_COUNTS = (process.env.LOAD_SESSIONS ?? '100,500,1000').split(',').map(Number);
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 10;
const PARTNER_SECRET = 'load-partner-secret-0123456789abcdef';

if (!existsSync('dist/index.html')) execSync('npm run build', { stdio: 'inherit' });

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });

/** One server process (Node serves on one thread: one core); resolves with its base URL once it listens. */
async function startInstance(extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
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
      // a widget's rate: the limiter still runs (and counts) on every request, it just never says no
      RATE_LIMIT_PER_SESSION: '1000000000',
      RATE_LIMIT_PER_ADDRESS: '1000000000',
      RATE_LIMIT_PARTNER_PER_ADDRESS: '1000000000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

const partner = { authorization: `Bearer ${PARTNER_SECRET}`, 'content-type': 'application/json' };
async function post(base, path, headers, body) {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** One widget: a user, a session token minted for it, and a member it polls. */
async function newWidget(base, i) {
  const { user } = await post(base, '/partner/users', partner, { user: { id: `load-${i}` } });
  const minted = await post(base, `/partner/users/${user.guid}/widget_urls`, partner, {
    widget_url: { widget_type: 'connect_widget' },
    parent_origin: 'https://partner.example',
  });
  const token = new URL(minted.widget_url.url).searchParams.get('session_token');
  const headers = { authorization: `Bearer ${token}`, accept: MX_MEDIA_TYPE, 'content-type': 'application/json' };
  const { member } = await post(base, `/api/users/${user.guid}/members`, headers, mxBankMember('password', `load${i}`));
  return {
    base,
    path: `/api/users/${user.guid}/members/${member.guid}/status`,
    headers: { authorization: headers.authorization, accept: MX_MEDIA_TYPE },
  };
}

/** `count` widgets on `base`, created fifty at a time. */
async function newWidgets(base, count, from = 0) {
  const made = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Math.min(50, count - i);
    made.push(...(await Promise.all(Array.from({ length: batch }, (_, k) => newWidget(base, from + i + k)))));
  }
  return made;
}

/** Flat out: every session's connection sends its next request as soon as the last is answered. */
function flatOutOn(base, widgets, connections) {
  let next = 0;
  return autocannon({
    url: base,
    connections,
    duration: SECONDS,
    // each connection is one widget: its own token, its own member
    setupClient: (client) => {
      const { path, headers } = widgets[next++ % widgets.length];
      client.setRequest({ method: 'GET', path, headers });
    },
  });
}

/** Flat out on every instance at once, the sessions split between them; p99 is the worst instance's. */
async function flatOut(widgets, sessions) {
  const bases = [...new Set(widgets.map((w) => w.base))];
  const runs = await Promise.all(
    bases.map((base) => {
      const own = widgets.filter((w) => w.base === base);
      return flatOutOn(base, own, Math.ceil(sessions / bases.length));
    }),
  );
  return {
    rps: runs.reduce((sum, r) => sum + r.requests.average, 0),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    timeouts: runs.reduce((sum, r) => sum + r.timeouts, 0),
  };
}

/** Paced: each widget polls once a second from its own random phase, on its own kept-alive connection. */
async function paced(widgets, sessions) {
  const agent = new Agent({ keepAlive: true, maxSockets: sessions });
  const latencies = [];
  let failed = 0;
  const get = (widget) =>
    new Promise((resolve) => {
      const started = process.hrtime.bigint();
      const req = httpRequest(`${widget.base}${widget.path}`, { agent, headers: widget.headers }, (res) => {
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
const single = await startInstance();
const widgets = await newWidgets(single.base, Math.max(...SESSION_COUNTS));
const rows = [];
for (const sessions of SESSION_COUNTS) {
  const polled = await paced(widgets, sessions);
  const flat = await flatOut(widgets.slice(0, sessions), sessions);
  rows.push({
    sessions,
    pacedRps: polled.rps,
    p50: polled.p50,
    p99: polled.p99,
    maxRps: flat.rps,
    flatP99: flat.p99,
    bad: `${polled.failed} / ${flat.non2xx} non-2xx, ${flat.errors} errors, ${flat.timeouts} timeouts`,
  });
}
single.child.kill('SIGTERM');

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

// Several instances: two server processes sharing one Redis, beside the one instance above.
const REDIS_SERVER = '/usr/bin/redis-server';
const SIDE_BY_SIDE = SESSION_COUNTS.includes(500) ? 500 : Math.max(...SESSION_COUNTS);
if (!existsSync(REDIS_SERVER)) {
  console.info(`\nno ${REDIS_SERVER}: the two-instance run needs Debian's redis-server (apt-get install redis-server)`);
} else {
  const redisPort = await freePort();
  const redis = spawn(
    REDIS_SERVER,
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const shared = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };
  const instances = [];
  try {
    instances.push(await startInstance(shared), await startInstance(shared));
    // the first call of a fresh process connects to Redis: wait until both count there
    for (const { base } of instances) {
      for (let tries = 0; ; tries += 1) {
        const { rateLimitStore } = await (await fetch(`${base}/readyz`)).json();
        if (rateLimitStore === 'redis') break;
        if (tries > 50) throw new Error(`${base}: rateLimitStore is ${rateLimitStore}, not redis`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const half = Math.ceil(SIDE_BY_SIDE / 2);
    const spread = [
      ...(await newWidgets(instances[0].base, half)),
      ...(await newWidgets(instances[1].base, SIDE_BY_SIDE - half, half)),
    ];
    const polled = await paced(spread, SIDE_BY_SIDE);
    const flat = await flatOut(spread, SIDE_BY_SIDE);
    const one = rows.find((r) => r.sessions === SIDE_BY_SIDE);
    console.info(
      `\nat ${SIDE_BY_SIDE} sessions, side by side (Redis, both servers and this load generator share the ${availableParallelism()} cores)`,
    );
    console.info(
      '                                   polling 1/s: p99 | flat out: req/s  per core   p99     | failed: polling / flat out',
    );
    const line = (name, p99, rps, cores, flatP99, bad) =>
      console.info(
        `${name.padEnd(34)} ${ms(p99).padStart(16)} | ${rps.toFixed(0).padStart(15)} ${(rps / cores).toFixed(0).padStart(9)}  ${ms(flatP99).padStart(7)} | ${bad}`,
      );
    if (one) line('1 instance, limits in memory', one.p99, one.maxRps, 1, one.flatP99, one.bad);
    line(
      '2 instances, limits in one Redis',
      polled.p99,
      flat.rps,
      2,
      flat.p99,
      `${polled.failed} / ${flat.non2xx} non-2xx, ${flat.errors} errors, ${flat.timeouts} timeouts`,
    );
  } finally {
    // the servers first: Redis going away under them would be an outage line each
    await Promise.all(instances.map(({ child }) => new Promise((done) => child.once('exit', done).kill('SIGTERM'))));
    redis.kill('SIGKILL');
  }
}
