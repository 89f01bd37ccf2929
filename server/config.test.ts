// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configSchema,
  ENV_EXAMPLE_PLACEHOLDERS,
  loadConfig,
  nearMissOf,
  REQUIRED_IN_PRODUCTION,
  SCRIPT_VARIABLES,
} from './config';

describe('server configuration', () => {
  it('needs nothing to run the demo: mock upstream, local origins, 30-minute sessions', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.CONNECT_UPSTREAM).toBe('mock');
    expect(result.config.CONNECT_HOST_ORIGINS).toEqual(['http://127.0.0.1:4174', 'http://localhost:4174']);
    expect(result.config.SESSION_TTL_S).toBe(1_800);
    expect(result.config.MX_API_VERSION).toBe('v1');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ CONNECT_HOST_ORIGINS: 'https://ok.example,javascript:alert(1)' }, 'CONNECT_HOST_ORIGINS'],
    [{ SESSION_TTL_S: '86400' }, 'SESSION_TTL_S'],
    [{ CONNECT_UPSTREAM: 'mx' }, 'MX_BASE_URL'],
    [{ NODE_ENV: 'production' }, 'CONNECT_UPSTREAM'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ MX_API_VERSION: 'v2' }, 'MX_API_VERSION'],
  ])('%j is refused in one line naming %s', (env, name) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(result.error).not.toContain('\n');
  });

  it('never echoes a secret it refuses', () => {
    const result = loadConfig({ PARTNER_SECRET: 'tiny-secret' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).not.toContain('tiny-secret');
  });
});

describe('MX_LOGO_HOSTS', () => {
  it('defaults to MX’s logo host, takes a list, and none for no logo fetching', () => {
    const hosts = (env: Record<string, string>) => {
      const result = loadConfig(env);
      return result.ok ? result.config.MX_LOGO_HOSTS : result.error;
    };
    expect(hosts({})).toEqual(['content.moneydesktop.com']);
    expect(hosts({ MX_LOGO_HOSTS: 'a.example, B.example' })).toEqual(['a.example', 'b.example']);
    expect(hosts({ MX_LOGO_HOSTS: 'none' })).toEqual([]);
    expect(hosts({ MX_LOGO_HOSTS: 'https://a.example/x' })).toMatch(/^Invalid configuration: MX_LOGO_HOSTS /);
  });
});

/** A production environment that passes: every variable without a default set, nothing local. */
const PRODUCTION = {
  NODE_ENV: 'production',
  HOST: '0.0.0.0',
  PUBLIC_ORIGIN: 'https://connect.bank.test',
  CONNECT_HOST_ORIGINS: 'https://app.bank.test',
  CONNECT_UPSTREAM: 'mx',
  MX_BASE_URL: 'https://int-api.mx.com',
  MX_CLIENT_ID: 'client-7',
  MX_API_KEY: 'key-7',
  PARTNER_SECRET: 'p'.repeat(24),
  SESSION_SECRET: 's'.repeat(40),
};

function refusal(env: Record<string, string | undefined>): string {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error).not.toContain('\n');
  return result.error;
}

describe('production configuration fails loudly', () => {
  it('accepts a complete production environment without a warning', () => {
    const result = loadConfig(PRODUCTION);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it.each(REQUIRED_IN_PRODUCTION)('%s has no default in production', (name) => {
    expect(refusal({ ...PRODUCTION, [name]: undefined })).toBe(
      `Invalid configuration: ${name} must be set in production (no default)`,
    );
  });

  it('every refusal at once, one line each, naming no value: .env.example copied unchanged', () => {
    const result = loadConfig({ ...PRODUCTION, ...ENV_EXAMPLE_PLACEHOLDERS, HOST: undefined });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const named = errors.map((line) => line.split(' ')[2]);
    expect(named).toEqual(expect.arrayContaining(['HOST', ...Object.keys(ENV_EXAMPLE_PLACEHOLDERS)]));
    expect(new Set(named).size).toBe(named.length);
    for (const line of errors) {
      expect(line).not.toContain('\n');
      for (const value of Object.values(ENV_EXAMPLE_PLACEHOLDERS)) expect(line).not.toContain(value);
    }
  });

  it.each(Object.entries(ENV_EXAMPLE_PLACEHOLDERS))(".env.example's %s placeholder is refused", (name, value) => {
    const error = refusal({
      ...PRODUCTION,
      [name]: name === 'CONNECT_HOST_ORIGINS' ? `https://a.test,${value}` : value,
    });
    expect(error).toBe(`Invalid configuration: ${name} is still .env.example's placeholder`);
  });

  it.each([
    ['CONNECT_HOST_ORIGINS', 'https://app.bank.test,http://localhost:4174'],
    ['CONNECT_HOST_ORIGINS', 'https://127.0.0.1'],
    ['CONNECT_HOST_ORIGINS', 'https://[::1]:8443'],
    ['PUBLIC_ORIGIN', 'https://localhost'],
  ])('%s naming a local origin (%s) is refused', (name, value) => {
    expect(refusal({ ...PRODUCTION, [name]: value })).toBe(
      `Invalid configuration: ${name} must not name localhost in production`,
    );
  });

  it.each(['PUBLIC_ORIGIN', 'CONNECT_HOST_ORIGINS'])('%s must be https', (name) => {
    expect(refusal({ ...PRODUCTION, [name]: 'http://bank.test' })).toBe(
      `Invalid configuration: ${name} must be https in production`,
    );
  });

  it('refuses the demo secrets and the mock control API', () => {
    expect(refusal({ ...PRODUCTION, SESSION_SECRET: undefined })).toMatch(/^Invalid configuration: SESSION_SECRET /);
    expect(refusal({ ...PRODUCTION, PARTNER_SECRET: undefined })).toMatch(/^Invalid configuration: PARTNER_SECRET /);
    expect(refusal({ ...PRODUCTION, CONNECT_UPSTREAM: 'mock', MOCK_CONTROL_API: '1' })).toBe(
      'Invalid configuration: MOCK_CONTROL_API is not allowed in production',
    );
  });

  it('allows an explicit CONNECT_UPSTREAM=mock with one warning line', () => {
    const result = loadConfig({ ...PRODUCTION, CONNECT_UPSTREAM: 'mock' });
    expect(result.ok && result.warnings).toEqual([
      expect.stringMatching(/^Warning: CONNECT_UPSTREAM=mock in production/),
    ]);
  });

  it('keeps the development defaults: local origins are fine outside production', () => {
    expect(loadConfig({ CONNECT_HOST_ORIGINS: 'http://localhost:5000' }).ok).toBe(true);
  });
});

describe('REDIS_URL', () => {
  it.each([
    ['redis://127.0.0.1:6390'],
    ['rediss://:s3cret@redis.internal:6380/0'],
    ['redis://user:pass@cache.example/15'],
  ])('takes %s', (url) => {
    const result = loadConfig({ NODE_ENV: 'test', REDIS_URL: url });
    expect(result.ok && result.config.REDIS_URL).toBe(url);
  });

  it('is optional: the limits count per instance without it', () => {
    const result = loadConfig({ NODE_ENV: 'test' });
    expect(result.ok && result.config.REDIS_URL).toBeUndefined();
  });

  it.each([
    ['http://:s3cret@redis.internal:6379', 'must be a redis:// or rediss:// URL with a host'],
    ['redis.internal:6379', 'must be a redis:// or rediss:// URL with a host'],
    ['redis://', 'must be a redis:// or rediss:// URL with a host'],
    [
      'rediss://:s3cret@redis.internal/0?tls=no',
      'may name only a database number after the host (redis://host:6379/0), nothing else',
    ],
    [
      'redis://:s3cret@redis.internal/keys',
      'may name only a database number after the host (redis://host:6379/0), nothing else',
    ],
  ])('refuses %s, one line naming the variable, never the value (a password)', (url, rule) => {
    const error = refusal({ ...PRODUCTION, REDIS_URL: url });
    expect(error).toBe(`Invalid configuration: REDIS_URL ${rule}`);
    expect(error).not.toContain('s3cret');
  });

  it.each(['49', '2001', 'Infinity', '1.5', '500ms'])(
    'REDIS_COMMAND_TIMEOUT_MS=%s is refused (50..2000 ms)',
    (value) => {
      expect(refusal({ NODE_ENV: 'test', REDIS_COMMAND_TIMEOUT_MS: value })).toMatch(
        /^Invalid configuration: REDIS_COMMAND_TIMEOUT_MS /,
      );
    },
  );

  it('REDIS_KEY_PREFIX: letters, digits and : . _ - only', () => {
    expect(refusal({ NODE_ENV: 'test', REDIS_KEY_PREFIX: 'a b' })).toBe(
      'Invalid configuration: REDIS_KEY_PREFIX must be 1 to 64 letters, digits or : . _ -',
    );
  });
});

describe('a mistyped variable', () => {
  it.each([
    ['CONNECT_HOST_ORIGIN', 'CONNECT_HOST_ORIGINS'],
    ['SESION_SECRET', 'SESSION_SECRET'],
    ['PARTNER_SECRETS', 'PARTNER_SECRET'],
    ['MX_APIKEY', 'MX_API_KEY'],
    ['WIDGET_PROT', 'WIDGET_PORT'],
  ])('%s is a warning naming %s, never its value', (typo, meant) => {
    const result = loadConfig({ [typo]: 'secret-value-123' });
    expect(result.ok && result.warnings).toEqual([
      `Warning: ${typo} is not a variable this server reads; did you mean ${meant}?`,
    ]);
  });

  it.each(['HOME', 'PATH', 'HOSTNAME', 'NODE_OPTIONS', 'npm_config_port', 'TERM', 'CONNECT_HOST_ORIGINS'])(
    '%s is not taken for a typo',
    (name) => {
      expect(nearMissOf(name, [...Object.keys(configSchema.entries), ...SCRIPT_VARIABLES])).toBeNull();
    },
  );
});

describe('.env.example', () => {
  const example = readFileSync(resolve(import.meta.dirname, '../.env.example'), 'utf8');
  const listed = new Set([...example.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

  it('holds exactly the placeholders production refuses', () => {
    for (const [name, value] of Object.entries(ENV_EXAMPLE_PLACEHOLDERS)) {
      expect(example).toMatch(new RegExp(`^${name}=${value.replace(/[.+]/g, '\\$&')}$`, 'm'));
    }
  });

  it('lists every variable the server and the scripts read', () => {
    const readByCode = new Set<string>([...Object.keys(configSchema.entries), ...SCRIPT_VARIABLES]);
    // what the scripts read from process.env, bar the tools' own and what scripts/serve.ts sets itself
    const tooling = [
      'CI',
      'PATH',
      'HOME',
      'PW_JSON_REPORT',
      'PLAYWRIGHT_CHROMIUM_PATH',
      'VITE_CONFIG_NATIVE_IGNORE_WARNING',
      'CONNECT_WIDGET_ORIGIN',
    ];
    const root = resolve(import.meta.dirname, '..');
    const files = [
      ...readdirSync(join(root, 'scripts')).map((f) => join('scripts', f)),
      ...readdirSync(join(root, 'host')).map((f) => join('host', f)),
      ...readdirSync(root).filter((f) => f.endsWith('.config.ts')),
    ].filter((f) => /\.(ts|mjs)$/.test(f));
    for (const file of files) {
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) {
        const name = m[1] ?? '';
        if (!tooling.includes(name)) expect(readByCode, `${file} reads ${name}`).toContain(name);
      }
    }
    expect([...readByCode].filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe('values that are not what they claim to be', () => {
  it.each([
    [{ PUBLIC_ORIGIN: 'connect.acme.com' }, 'PUBLIC_ORIGIN'],
    [{ CONNECT_HOST_ORIGINS: 'app.acme.com' }, 'CONNECT_HOST_ORIGINS'],
    [{ CONNECT_HOST_ORIGINS: 'null' }, 'CONNECT_HOST_ORIGINS'],
    [{ HELP_WEBHOOK_URL: 'hooks.acme.com/x' }, 'HELP_WEBHOOK_URL'],
    [{ MX_BASE_URL: 'int-api.mx.com' }, 'MX_BASE_URL'],
    [{ REDIS_URL: 'redis://:SEC%zzRETPW@cache.internal:6379' }, 'REDIS_URL'],
    [{ PORT: '0x50' }, 'PORT'],
    [{ PORT: '1e3' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PARTNER_SECRET: '                        ' }, 'PARTNER_SECRET'],
  ])('%j is a refusal line naming %s, in production too, never the value', (env, name) => {
    for (const base of [{}, PRODUCTION]) {
      const lines = (() => {
        const result = loadConfig({ ...base, ...env });
        if (result.ok) throw new Error('expected a refusal');
        return result.errors;
      })();
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Invalid configuration: ${name} `)));
      for (const line of lines) {
        expect(line).not.toContain('SEC%zz');
        expect(line).not.toContain('acme');
        expect(line).not.toContain('Invalid URL');
      }
    }
  });

  it('takes secrets trimmed and origins in one form', () => {
    const result = loadConfig({
      PARTNER_SECRET: `  ${'p'.repeat(20)}\n`,
      CONNECT_HOST_ORIGINS: 'https://app.bank.test/',
      PORT: '8080',
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.config.PARTNER_SECRET).toBe('p'.repeat(20));
    expect(result.config.CONNECT_HOST_ORIGINS).toEqual(['https://app.bank.test']);
    expect(result.config.PORT).toBe(8080);
  });

  it('knows a placeholder with a trailing slash, and every name for this machine, in production', () => {
    expect(refusal({ ...PRODUCTION, PUBLIC_ORIGIN: 'https://connect.example.com/' })).toBe(
      "Invalid configuration: PUBLIC_ORIGIN is still .env.example's placeholder",
    );
    for (const local of ['https://127.0.0.2', 'https://0.0.0.0', 'https://localhost.', 'https://app.localhost']) {
      expect(refusal({ ...PRODUCTION, CONNECT_HOST_ORIGINS: local })).toBe(
        'Invalid configuration: CONNECT_HOST_ORIGINS must not name localhost in production',
      );
    }
  });

  it('says the demo secrets are the demo secrets', () => {
    const result = loadConfig({
      ...PRODUCTION,
      PARTNER_SECRET: 'demo-partner-secret-not-for-production',
      SESSION_SECRET: 'demo-session-secret-not-for-production-0123456789',
    });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors).toEqual([
      'Invalid configuration: PARTNER_SECRET is the demo secret (refused in production): set your own',
      'Invalid configuration: SESSION_SECRET is the demo secret (refused in production): set your own',
    ]);
  });

  it('gives the near-miss hints with the refusals: CONNECT_HOST_ORIGIN set, CONNECT_HOST_ORIGINS missing', () => {
    const { CONNECT_HOST_ORIGINS, ...withoutOrigins } = PRODUCTION;
    const result = loadConfig({ ...withoutOrigins, CONNECT_HOST_ORIGIN: CONNECT_HOST_ORIGINS });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.errors).toEqual([
      'Invalid configuration: CONNECT_HOST_ORIGINS must be set in production (no default)',
    ]);
    expect(result.warnings).toEqual([
      'Warning: CONNECT_HOST_ORIGIN is not a variable this server reads; did you mean CONNECT_HOST_ORIGINS?',
    ]);
  });
});

describe('a .env with real secrets', () => {
  it('is never committed: .gitignore ignores .env and .env.*, but not .env.example', () => {
    const run = spawnSync('git', ['check-ignore', '--no-index', '.env', '.env.production', '.env.example'], {
      cwd: resolve(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(['.env', '.env.production']);
  });

  it(".env.example's header says every refusal is listed at once", () => {
    const header = readFileSync(resolve(import.meta.dirname, '../.env.example'), 'utf8').split('\n\n')[0];
    expect(header).toContain('listing every refusal at once');
    expect(header).not.toContain('the first bad one');
  });
});

describe('README Deploy', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8');
  it('states the Node version and keeps HOST and PORT out of a docker --env-file', () => {
    const dockerfile = readFileSync(resolve(import.meta.dirname, '../Dockerfile'), 'utf8');
    const major = /FROM node:(\d+)\./.exec(dockerfile)?.[1];
    expect(readme).toContain(`Node ${major ?? '?'} (the version the image runs`);
    expect(readme).toMatch(/For `--env-file \.env`, leave `HOST` and `PORT` out of that file: the image sets them/);
  });
});
