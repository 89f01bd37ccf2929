// The production smoke test (a phase of `npm test`, after the build): what README "Deploy" tells a
// partner to do, in a temporary directory that holds only the build output and the production
// dependencies. It starts the compiled server with Node alone and a production environment, asks
// /healthz and /readyz, creates a user and mints a widget URL, loads that URL's page, then stops it.
// Counts go to .reports/smoke-prod.json ({ passed, failed }), which scripts/test-summary.mjs sums.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = Date.now();
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.info(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

/** A port nothing listens on right now (the kernel's pick). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

function report() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  mkdirSync('.reports', { recursive: true });
  writeFileSync('.reports/smoke-prod.json', JSON.stringify({ passed, failed, durationMs: Date.now() - started }));
  console.info(`smoke-prod: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed === 0 && passed > 0;
}

for (const built of ['dist/index.html', 'dist-server/main.js']) {
  check(`${built} is built`, existsSync(built), 'run npm run build first');
}
if (results.some((r) => !r.ok)) process.exit(report() ? 0 : 1);

// every package the compiled server imports must be a production dependency
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bare = [...readFileSync('dist-server/main.js', 'utf8').matchAll(/^import[^'"]*["']([^'"]+)["'];?$/gm)]
  .map((m) => m[1])
  .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s));
const packageOf = (s) =>
  s
    .split('/')
    .slice(0, s.startsWith('@') ? 2 : 1)
    .join('/');
const notDeps = [...new Set(bare.map(packageOf))].filter((name) => !(name in (pkg.dependencies ?? {})));
check('the compiled server imports only dependencies', notDeps.length === 0, notDeps.join(', '));

const dir = mkdtempSync(join(tmpdir(), 'connect-smoke-'));
let server = null;
try {
  for (const entry of ['dist', 'dist-server', 'package.json', 'package-lock.json']) {
    cpSync(entry, join(dir, entry), { recursive: true });
  }
  const install = spawnSync(
    'npm',
    ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  check('npm ci --omit=dev in a clean copy', install.status === 0, `exit ${install.status}`);
  check('no devDependency installed', !existsSync(join(dir, 'node_modules', 'vite')), 'vite is there');
  if (install.status !== 0) throw new Error('install failed');

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // what partners' pages see; a request's Host header never decides a widget URL's origin
  const publicOrigin = 'https://connect.smoke.example';
  const partnerSecret = randomBytes(24).toString('hex');
  // only what a deployment sets: nothing of this shell's environment leaks in but PATH and HOME
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_ORIGIN: publicOrigin,
    CONNECT_HOST_ORIGINS: 'https://app.smoke.example',
    CONNECT_UPSTREAM: 'mock',
    PARTNER_SECRET: partnerSecret,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ACCESS_LOG: '0',
  };
  const t0 = Date.now();
  // as README "Deploy" says, through npm: the script execs node, so the SIGTERM npm passes on reaches
  // the server itself (a shell in between kept it running)
  check(
    'npm run start:prod execs node dist-server/main.js',
    pkg.scripts?.['start:prod'] === 'exec node dist-server/main.js',
  );
  server = spawn('npm', ['run', '--silent', 'start:prod'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));

  let health = null;
  while (Date.now() - t0 < 15_000 && server.exitCode === null) {
    health = await fetch(`${origin}/healthz`).catch(() => null);
    if (health) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  check(`starts with Node alone (${Date.now() - t0} ms)`, health?.status === 200, output.trim().split('\n').at(-1));
  check(
    'warns, in one line, that the mock upstream is in use',
    /^Warning: CONNECT_UPSTREAM=mock in production[^\n]*$/m.test(output),
    'no warning line naming CONNECT_UPSTREAM=mock',
  );
  if (health?.status === 200) {
    const ready = await fetch(`${origin}/readyz`);
    check('GET /readyz is 200', ready.status === 200, String(ready.status));
    const partner = (path, body) =>
      fetch(`${origin}/partner${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${partnerSecret}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const user = await partner('/users', { user: { id: 'smoke' } });
    const userGuid = user.ok ? (await user.json()).user?.guid : undefined;
    check('POST /partner/users creates a user', typeof userGuid === 'string', String(user.status));
    const minted = await partner(`/users/${userGuid}/widget_urls`, {
      widget_url: { widget_type: 'connect_widget', parent_origin: 'https://app.smoke.example' },
    });
    const url = minted.ok ? (await minted.json()).widget_url?.url : undefined;
    check('mints a widget URL on PUBLIC_ORIGIN', typeof url === 'string' && url.startsWith(`${publicOrigin}/?`), url);
    const page = url ? await fetch(url.replace(publicOrigin, origin)) : null;
    check(
      "the widget URL's page is served, framable by the partner only",
      page?.status === 200 &&
        (page.headers.get('content-security-policy') ?? '').includes('frame-ancestors https://app.smoke.example'),
      String(page?.status),
    );
  }
  server.kill('SIGTERM');
  check('stops on SIGTERM with exit 0', (await exited) === 0);
  server = null;
} catch (error) {
  console.error(`smoke-prod: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  server?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
process.exit(report() ? 0 : 1);
