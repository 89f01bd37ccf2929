// The production smoke test (a phase of `npm test`, after the build): what the Dockerfile's run stage
// and README "Deploy" do, in a temporary directory. The run stage is read from the Dockerfile and
// performed here as an engine would (its COPY --from=build steps from this build's output, their
// --chmod/--chown honoured and any other flag refused, its RUN install), so a broken image is caught
// where no container engine runs; then its CMD starts the compiled server with Node alone, a production
// environment and, when this test runs as root, the uid/gid of the Dockerfile's USER (as `docker run`
// would: a file that user cannot read fails here too), which is asked /healthz and /readyz,
// creates a user and mints a widget URL, loads that URL's page; the HEALTHCHECK command runs verbatim,
// and SIGTERM stops it. `npm run start:prod` (README's way) starts and stops it once more.
// `docker build` runs too when a container engine answers (named in the output when none does).
// Counts go to .reports/smoke-prod.json ({ passed, failed, skipped }), which scripts/test-summary.mjs sums.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';

const started = Date.now();
const results = [];
const skipped = [];
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
  writeFileSync(
    '.reports/smoke-prod.json',
    JSON.stringify({ passed, failed, skipped: skipped.length, durationMs: Date.now() - started }),
  );
  console.info(`smoke-prod: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed === 0 && passed > 0;
}

/**
 * The Dockerfile's stages: `{ name, from, steps: [{ op, args }] }`, comments dropped, continuation
 * lines joined. Only what this file's run stage uses is understood; the rest is kept as text.
 */
function dockerStages(text) {
  const stages = [];
  for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(trimmed) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [from, as, name] = args.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : String(stages.length), steps: [] });
    } else stages.at(-1)?.steps.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

/** `["node", "-e", "…"]` (exec form) as an argv, or null for the shell form (no shell runs here). */
const execForm = (args) => {
  try {
    const argv = JSON.parse(args);
    return Array.isArray(argv) && argv.every((a) => typeof a === 'string') ? argv : null;
  } catch {
    return null;
  }
};

/** `ENV A=1 B=2` (unquoted values, as this Dockerfile writes them) as an object. */
const envOf = (args) => Object.fromEntries(args.split(/\s+/).map((pair) => pair.split(/=(.*)/s).slice(0, 2)));

/**
 * Whether .dockerignore keeps `name` out of the build context: a line naming it (or `**` + it) that
 * no later `!` line takes back.
 */
function dockerIgnores(lines, name) {
  let ignored = false;
  for (const line of lines) {
    const negated = line.startsWith('!');
    const pattern = negated ? line.slice(1) : line;
    if (pattern === name || pattern === `**/${name}`) ignored = !negated;
  }
  return ignored;
}

/**
 * The uid, gid and home of a Dockerfile `USER` (`name`, `uid`, `name:group` or `uid:gid`) on this
 * machine, from /etc/passwd and /etc/group. A name this machine does not know (the image's `node` user
 * is the image's own) becomes `nobody` (65534), which `note` names: unprivileged all the same.
 */
function resolveUser(spec, note) {
  const table = (file) =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .map((line) => line.split(':'))
      : [];
  const [user = '', group] = spec.split(':');
  const entry = table('/etc/passwd').find((f) => f[0] === user || (/^\d+$/.test(user) && f[2] === user));
  let uid = entry ? Number(entry[2]) : /^\d+$/.test(user) ? Number(user) : 65534;
  let gid = entry ? Number(entry[3]) : uid;
  if (!entry && !/^\d+$/.test(user)) {
    note(`no user named ${user} on this machine: running as nobody (uid/gid 65534) instead`);
    [uid, gid] = [65534, 65534];
  }
  if (group !== undefined) {
    const g = table('/etc/group').find((f) => f[0] === group || f[2] === group);
    gid = g ? Number(g[2]) : /^\d+$/.test(group) ? Number(group) : 65534;
  }
  return { uid, gid, home: entry?.[5] ?? '/nonexistent' };
}

/** Applies `apply(path)` to `path` and, for a directory, everything in it (as COPY --chmod/--chown do). */
function walk(path, apply) {
  apply(path);
  if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name), apply);
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

// the image, as written: what an engine would build, checked before anything runs
const stages = existsSync('Dockerfile') ? dockerStages(readFileSync('Dockerfile', 'utf8')) : [];
const build = stages.find((s) => s.name === 'build');
// RUN --mount is BuildKit's: the parser directive (only honoured on the very first line) asks for it
const dockerfileHead = existsSync('Dockerfile') ? readFileSync('Dockerfile', 'utf8').split(/\r?\n/, 1)[0] : '';
check(
  'Dockerfile: RUN --mount comes with `# syntax=docker/dockerfile:1` as its first line',
  !stages.some((st) => st.steps.some((x) => x.op === 'RUN' && x.args.includes('--mount='))) ||
    /^#\s*syntax=docker\/dockerfile:1\s*$/.test(dockerfileHead),
  dockerfileHead,
);
const run = stages.at(-1);
const steps = (op) => run?.steps.filter((s) => s.op === op) ?? [];
check('Dockerfile: a build stage, then a run stage', stages.length >= 2 && !!build && run !== build);
const major = process.versions.node.split('.')[0];
check(
  `Dockerfile: every stage FROM a pinned node:${major} tag (this machine's Node major)`,
  stages.length > 0 && stages.every((s) => new RegExp(`^node:${major}\\.\\d+\\.\\d+-`).test(s.from)),
  stages.map((s) => s.from).join(', '),
);
const users = steps('USER').map((s) => s.args.trim());
check(
  'Dockerfile: the run stage runs as a user who is not root',
  users.length > 0 && !/^(root|0)(:|$)/.test(users.at(-1) ?? ''),
  users.join(', ') || 'no USER',
);
const imageEnv = Object.assign({}, ...steps('ENV').map((s) => envOf(s.args)));
check('Dockerfile: NODE_ENV=production in the run stage', imageEnv.NODE_ENV === 'production');
const cmd = execForm(steps('CMD').at(-1)?.args ?? '');
check(
  'Dockerfile: CMD is `npm run start:prod` without npm or a shell (exec form)',
  !!cmd && `exec ${cmd.join(' ')}` === pkg.scripts?.['start:prod'],
  JSON.stringify(cmd),
);
const healthArgs = steps('HEALTHCHECK').at(-1)?.args ?? '';
const healthcheck = execForm(healthArgs.slice(healthArgs.indexOf('CMD ') + 4));
check(
  'Dockerfile: HEALTHCHECK asks /healthz with node (exec form)',
  healthcheck?.[0] === 'node' && healthcheck.join(' ').includes('/healthz'),
  healthArgs,
);
/**
 * A COPY's flags and paths: `{ from, chmod, chown, unknown, paths }`. `--link` changes only how the
 * layer is stored; any other flag is `unknown`, which this test refuses rather than silently drops.
 */
function copyOf(args) {
  const copy = { from: undefined, chmod: undefined, chown: undefined, unknown: [], paths: [] };
  for (const part of args.split(/\s+/).filter(Boolean)) {
    const [, flag, value] = /^--([\w-]+)(?:=(.*))?$/.exec(part) ?? [];
    if (!flag) copy.paths.push(part);
    else if (flag === 'from' || flag === 'chmod' || flag === 'chown') copy[flag] = value;
    else if (flag !== 'link') copy.unknown.push(part);
  }
  return copy;
}
const copies = steps('COPY').map((c) => copyOf(c.args));
check(
  'Dockerfile: the run stage copies from the build stage only (never the context)',
  copies.length > 0 && copies.every((c) => c.from === 'build'),
);
const unknownFlags = copies.flatMap((c) => c.unknown);
check(
  'Dockerfile: every COPY flag is one this test performs (--from, --chmod, --chown, --link)',
  unknownFlags.length === 0 && copies.every((c) => c.chmod === undefined || /^[0-7]{3,4}$/.test(c.chmod)),
  unknownFlags.join(' ') || 'a --chmod that is not octal',
);
const ignoreLines = existsSync('.dockerignore')
  ? readFileSync('.dockerignore', 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  : [];
for (const name of ['.env', 'node_modules', '.git']) {
  check(`.dockerignore keeps ${name} out of the build context`, dockerIgnores(ignoreLines, name));
}

// docker build itself, only where an engine answers: here it is named, never skipped silently
const engine = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
if (engine.status === 0) {
  const image = spawnSync('docker', ['build', '--quiet', '-t', 'connect-widget:smoke', '.'], { stdio: 'inherit' });
  check('docker build', image.status === 0, `exit ${image.status}`);
} else {
  const why = (engine.error?.message ?? engine.stderr ?? '').trim().split('\n')[0] || `exit ${engine.status}`;
  skipped.push('docker build');
  console.info(
    `skip docker build: no container engine answers here (docker info: ${why}); the run stage is performed below`,
  );
}

/**
 * Starts the server (`argv` in `cwd`, as `user`'s uid/gid when given), waits for /healthz, runs `exercise(origin)`, then stops it
 * with SIGTERM. Returns the exit code, or null when it never answered.
 */
async function serve(label, argv, cwd, env, user, exercise) {
  const t0 = Date.now();
  const [command = 'node', ...args] = argv;
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...user });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let health = null;
    // the bound only stops a hung server: start-up is about 2.5 s of CPU (brotli of the widget is most
    // of it), which a machine shared by many test runs stretches well past 15 s of wall time
    while (Date.now() - t0 < 60_000 && child.exitCode === null) {
      health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`).catch(() => null);
      if (health) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    check(
      `${label}: starts with Node alone (${Date.now() - t0} ms)`,
      health?.status === 200,
      // the error's own line (EACCES, a missing module), not the stack or Node's version under it
      output
        .trim()
        .split('\n')
        .findLast((line) => /Error|EACCES|ENOENT/.test(line)) ?? output.trim().split('\n').at(-1),
    );
    if (health?.status === 200) await exercise(output);
    child.kill('SIGTERM');
    check(`${label}: stops on SIGTERM with exit 0`, (await exited) === 0);
  } finally {
    child.kill('SIGKILL');
  }
}

// `docker run` starts the CMD as the image's USER: as root this test does the same (spawn's uid/gid),
// so a file that user cannot read fails here; as anyone else it runs as itself and says so
const asRoot = process.getuid?.() === 0;
const imageUser = resolveUser(users.at(-1) ?? 'root', (line) => console.info(`note ${line}`));
const runAs = asRoot ? { uid: imageUser.uid, gid: imageUser.gid } : {};
if (!asRoot)
  console.info(`note not root: the CMD and HEALTHCHECK run as this user, USER ${users.at(-1)} is read as text`);

const dir = mkdtempSync(join(tmpdir(), 'connect-smoke-'));
// an image's WORKDIR is root's and world-readable (mkdtemp made it 0700)
chmodSync(dir, 0o755);
try {
  // the run stage's steps, in order, with the temporary directory as its WORKDIR: COPY --from=build
  // takes the build stage's paths from this build (its WORKDIR is this checkout)
  const buildDir = build?.steps.findLast((s) => s.op === 'WORKDIR')?.args.trim() ?? '/';
  // a RUN after a USER runs as that user, as in a build
  let stepUser = {};
  for (const step of run?.steps ?? []) {
    if (step.op === 'USER' && asRoot) {
      const { uid, gid } = resolveUser(step.args.trim(), () => {});
      stepUser = { uid, gid };
    } else if (step.op === 'COPY') {
      const { paths, chmod, chown } = copyOf(step.args);
      const dest = paths.pop() ?? '.';
      const into = dest.endsWith('/') || paths.length > 1;
      // --chown's owner: a name this machine lacks is nobody, as for USER (chown needs root: else noted)
      const owner = chown === undefined ? null : resolveUser(chown, (line) => console.info(`note COPY ${line}`));
      if (owner && !asRoot) console.info(`note not root: COPY --chown=${chown} is not performed`);
      for (const source of paths) {
        const from = posix.relative(buildDir, posix.resolve(buildDir, source));
        const ok = existsSync(from) && !from.startsWith('..');
        check(`COPY --from=build ${source}`, ok, 'not in the build output');
        if (!ok) continue;
        const to = join(dir, dest, into ? basename(from) : '');
        cpSync(from, to, { recursive: true });
        walk(to, (path) => {
          if (chmod !== undefined) chmodSync(path, parseInt(chmod, 8));
          if (owner && asRoot) chownSync(path, owner.uid, owner.gid);
        });
      }
    } else if (step.op === 'RUN') {
      // the command as written, less RUN's own flags (--mount: BuildKit's cache, a warm one here too);
      // only an install may run on this machine, so anything else is a failure to look at
      const command = step.args.replace(/^(--\S+\s+)+/, '');
      if (!/^npm (ci|prune) [\w\s=-]*$/.test(command)) {
        check(`RUN ${command}`, false, 'only npm ci / npm prune steps are performed by this test');
        continue;
      }
      const install = spawnSync('sh', ['-c', command], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...imageEnv, npm_config_prefer_offline: 'true' },
        stdio: ['ignore', 'inherit', 'inherit'],
        ...stepUser,
      });
      check(`RUN ${command}`, install.status === 0, `exit ${install.status}`);
    }
  }
  check('no devDependency installed', !existsSync(join(dir, 'node_modules', 'vite')), 'vite is there');
  check('no source in the image', !existsSync(join(dir, 'server')) && !existsSync(join(dir, 'src')));
  if (results.some((r) => !r.ok)) throw new Error('the run stage failed');

  // what a deployment sets (`docker run -e …`) over the image's ENV: nothing of this shell's
  // environment leaks in but PATH and HOME; bound to loopback here, the image's 0.0.0.0 is a container's own
  const publicOrigin = 'https://connect.smoke.example';
  const partnerSecret = randomBytes(24).toString('hex');
  const deployment = async (home = process.env.HOME) => ({
    PATH: process.env.PATH,
    HOME: home,
    ...imageEnv,
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    PUBLIC_ORIGIN: publicOrigin,
    CONNECT_HOST_ORIGINS: 'https://app.smoke.example',
    CONNECT_UPSTREAM: 'mock',
    PARTNER_SECRET: partnerSecret,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ACCESS_LOG: '0',
  });
  const runHealthcheck = (env) =>
    spawnSync(healthcheck?.[0] ?? 'node', healthcheck?.slice(1) ?? [], { cwd: dir, env, timeout: 10_000, ...runAs })
      .status;

  const imageRun = await deployment(asRoot ? imageUser.home : process.env.HOME);
  const who = asRoot ? ` as uid ${imageUser.uid}` : '';
  await serve(`the image CMD${who}`, cmd ?? [], dir, imageRun, runAs, async (output) => {
    const origin = `http://127.0.0.1:${imageRun.PORT}`;
    check(
      'warns, in one line, that the mock upstream is in use',
      /^Warning: CONNECT_UPSTREAM=mock in production[^\n]*$/m.test(output),
      'no warning line naming CONNECT_UPSTREAM=mock',
    );
    check('the HEALTHCHECK command, verbatim, passes', runHealthcheck(imageRun) === 0);
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
  });
  check('the HEALTHCHECK command fails once the server is gone', runHealthcheck(imageRun) !== 0);

  // README "Deploy": through npm; the script execs node, so the SIGTERM npm passes on reaches the
  // server itself (a shell in between kept it running)
  await serve(
    'npm run start:prod',
    ['npm', 'run', '--silent', 'start:prod'],
    dir,
    await deployment(),
    {},
    async () => {},
  );
} catch (error) {
  console.error(`smoke-prod: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(report() ? 0 : 1);
