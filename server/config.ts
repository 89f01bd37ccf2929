import * as v from 'valibot';
import { finiteNumber, isRecord, validate, wholeNumber } from './validation';
import { MX_API_VERSIONS } from './upstreams/apiVersion';

/**
 * The production server's configuration, from the environment, validated once at start-up.
 * With no configuration at all it runs the demo: mock upstream, demo secrets, local origins.
 */
export const DEMO_PARTNER_SECRET = 'demo-partner-secret-not-for-production';
export const DEMO_SESSION_SECRET = 'demo-session-secret-not-for-production-0123456789';

/**
 * .env.example's placeholder values: a copied .env left as it is must not run in production, any
 * more than the demo secrets may (config.test.ts checks .env.example still holds exactly these).
 */
export const ENV_EXAMPLE_PLACEHOLDERS = {
  PUBLIC_ORIGIN: 'https://connect.example.com',
  CONNECT_HOST_ORIGINS: 'https://app.partner.example',
  MX_CLIENT_ID: 'your-client-id',
  MX_API_KEY: 'your-api-key',
  PARTNER_SECRET: 'change-me-to-a-long-random-string',
  SESSION_SECRET: 'change-me-to-another-long-random-string-of-32+',
  HELP_WEBHOOK_URL: 'https://support.partner.example/connect-help',
} as const;

/** In production these say where the server runs and whom it serves: no default could be right. */
export const REQUIRED_IN_PRODUCTION = ['CONNECT_UPSTREAM', 'PUBLIC_ORIGIN', 'CONNECT_HOST_ORIGINS', 'HOST'] as const;

/**
 * Variables the repository's scripts read besides the server's own (scripts/serve.ts, load.mjs,
 * mx-stand-in.ts, contract-upstream.ts, the Playwright configs): .env.example lists them too, and a near miss of one is
 * flagged like a near miss of the server's.
 */
export const SCRIPT_VARIABLES = [
  'WIDGET_PORT',
  'HOST_PORT',
  'EXTRA_FRAME_ORIGINS',
  'LOAD_SESSIONS',
  'MX_STANDIN_PORT',
  'E2E_WIDGET_PORT',
  'E2E_HOST_PORT',
  'E2E_CONTRACT_PORT',
] as const;

/** The value as a URL, or null when it is not one (never throws: refinements run on refused values too). */
const urlOf = (value: unknown) => (typeof value === 'string' && URL.canParse(value) ? new URL(value) : null);

/**
 * Whether a URL names this machine: localhost (with or without its trailing dot, and any
 * *.localhost), 127.0.0.0/8, 0.0.0.0 or [::1]. false for a value that is not a URL.
 */
export function isLocalUrl(value: unknown): boolean {
  const host = urlOf(value)?.hostname.replace(/\.$/, '');
  if (host === undefined) return false;
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]'
  );
}

/** A value as it is compared with a placeholder: a URL's normal form (https://a.example/), else trimmed. */
const normalised = (value: unknown) => urlOf(value)?.href ?? (typeof value === 'string' ? value.trim() : value);

/** Whether the user and password of a URL decode (a `%` must start a %XX escape). */
const credentialsDecode = (url: URL) => {
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return true;
  } catch {
    return false;
  }
};

// one form (no trailing slash) so it compares equal to a browser's Origin header
const origin = v.pipe(
  v.string(),
  v.trim(),
  v.check((value) => {
    const url = urlOf(value);
    return (url?.protocol === 'https:' || url?.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  }, 'must be an origin such as https://partner.example'),
  v.transform((value) => urlOf(value)?.origin ?? value),
);

const originList = v.pipe(
  v.string(),
  v.transform((value) =>
    value
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  ),
  v.array(origin),
  v.minLength(1, 'must list at least one origin'),
);

/**
 * An http(s) URL (`message` for any refusal), trimmed, without the tabs and newlines a URL parser
 * ignores. Its scheme must be written out with `//` (http:example.com is refused, not read as a path).
 */
const httpUrl = (message: string) =>
  v.pipe(
    v.string(message),
    v.trim(),
    v.transform((value) => value.replace(/[\t\n\r]/g, '')),
    v.check((value) => {
      const protocol = urlOf(value)?.protocol;
      return /^https?:\/\//i.test(value) && (protocol === 'https:' || protocol === 'http:');
    }, message),
  );

/**
 * redis://[user:password@]host[:port][/db] or rediss:// (TLS). Refusals never echo the value: the
 * URL may carry a password.
 */
const redisUrl = v.pipe(
  v.string(),
  v.trim(),
  v.check((value) => {
    const url = urlOf(value);
    return (url?.protocol === 'redis:' || url?.protocol === 'rediss:') && url.hostname !== '';
  }, 'must be a redis:// or rediss:// URL with a host'),
  v.check((value) => {
    const url = urlOf(value);
    return !url || (/^\/?\d{0,2}$/.test(url.pathname) && url.search === '' && url.hash === '');
  }, 'may name only a database number after the host (redis://host:6379/0), nothing else'),
  v.check((value) => {
    const url = urlOf(value);
    return !url || credentialsDecode(url);
  }, 'has a user or password that does not decode: write a % in them as %25'),
);

const flag = v.pipe(
  v.picklist(['0', '1', 'true', 'false']),
  v.transform((value) => value === '1' || value === 'true'),
);

/** A number variable, as Number() reads it (so 0x10 is 16 and a blank is 0), within its bounds. */
const envNumber = (kind: v.GenericSchema<number>, min: number, max = Infinity) =>
  v.pipe(v.unknown(), v.transform(Number), kind, v.minValue<number, number>(min), v.maxValue<number, number>(max));

/** A trimmed string that must not be blank; its refusal says `tooShort` when given. */
const text = (min = 1, tooShort?: string) => v.pipe(v.string(), v.trim(), v.minLength(min, tooShort));

const variables = v.object({
  NODE_ENV: v.optional(v.picklist(['development', 'test', 'production']), 'development'),
  PORT: v.pipe(
    v.optional(
      v.pipe(v.string(), v.trim(), v.regex(/^\d{1,5}$/, 'must be a port number: digits only, 0 to 65535')),
      '4173',
    ),
    v.transform(Number),
    v.maxValue(65_535, 'must be a port number: digits only, 0 to 65535'),
  ),
  HOST: v.optional(text(), 'localhost'),
  /** the widget's public origin, as partners' pages see it */
  PUBLIC_ORIGIN: v.optional(origin),
  /** host pages allowed to embed the widget (and to be a token's parent_origin) */
  CONNECT_HOST_ORIGINS: v.optional(originList, 'http://127.0.0.1:4174,http://localhost:4174'),
  CONNECT_UPSTREAM: v.optional(v.picklist(['mock', 'mx']), 'mock'),
  MX_BASE_URL: v.optional(httpUrl('must be a URL such as https://int-api.mx.com')),
  MX_CLIENT_ID: v.optional(text()),
  MX_API_KEY: v.optional(text()),
  /** MX Platform API version the server speaks to MX (server/upstreams/apiVersion.ts) */
  MX_API_VERSION: v.optional(v.picklist(MX_API_VERSIONS), 'v1'),
  /**
   * hosts the server may fetch MX's institution logos from (server/logos.ts), comma-separated,
   * or `none` (no logo is fetched; the widget shows initials: tests and offline demos)
   */
  MX_LOGO_HOSTS: v.pipe(
    v.optional(v.pipe(v.string(), v.trim()), 'content.moneydesktop.com'),
    v.transform((value) => (value === 'none' ? [] : value.split(',').map((h) => h.trim().toLowerCase()))),
    v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be host names, comma-separated, or none'))),
  ),
  /** per request to the upstream */
  UPSTREAM_TIMEOUT_MS: v.optional(envNumber(wholeNumber, 100, 60_000), 10_000),
  // trimmed: a secret pasted with a newline or spaces around it is the same secret
  PARTNER_SECRET: v.optional(text(16, 'must be at least 16 characters (not blank)'), DEMO_PARTNER_SECRET),
  SESSION_SECRET: v.optional(text(32, 'must be at least 32 characters (not blank)'), DEMO_SESSION_SECRET),
  /** a widget session's lifetime; at most 30 minutes */
  SESSION_TTL_S: v.optional(envNumber(wholeNumber, 60, 1_800), 1_800),
  /** widget API calls one session may make per minute (a status poll a second is 60) */
  RATE_LIMIT_PER_SESSION: v.optional(envNumber(wholeNumber, 1), 600),
  /** /logos requests per minute per client address (an <img> carries no session; many users may share one address behind a NAT) */
  RATE_LIMIT_PER_ADDRESS: v.optional(envNumber(wholeNumber, 1), 6_000),
  /**
   * /partner calls with the right secret per minute per client address (your back ends' addresses);
   * a wrong secret counts in RATE_LIMIT_FAILED_AUTH_PER_ADDRESS instead
   */
  RATE_LIMIT_PARTNER_PER_ADDRESS: v.optional(envNumber(wholeNumber, 1), 3_000),
  /**
   * widget API calls per minute per client address whose session token is missing, bad or
   * expired, and, counted apart, /partner calls with a missing or wrong partner secret; a valid
   * session or secret is never counted here (server/rateLimits.ts limitFailedAuth)
   */
  RATE_LIMIT_FAILED_AUTH_PER_ADDRESS: v.optional(envNumber(wholeNumber, 1), 300),
  /**
   * several instances: the rate limits are counted in this Redis (or Valkey) so they hold across
   * instances; unset, each instance counts in its own memory (server/rateLimitStore.ts)
   */
  REDIS_URL: v.optional(redisUrl),
  /** prepended to the rate-limit keys in Redis; by default from PUBLIC_ORIGIN, so deployments can share one Redis */
  REDIS_KEY_PREFIX: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9:._-]{1,64}$/, 'must be 1 to 64 letters, digits or : . _ -')),
  ),
  /**
   * a Redis command slower than this (ms) counts as an outage and the limits count in memory; at most
   * 2 s (the reconnect bound, half the widget's 4 s wait for its first read): a request that waits
   * longer on its limiter has been given up by the widget
   */
  REDIS_COMMAND_TIMEOUT_MS: v.optional(envNumber(wholeNumber, 50, 2_000), 500),
  /** behind a load balancer: take the client address from X-Forwarded-For (its last hop) */
  TRUST_PROXY: v.optional(flag, 'false'),
  MOCK_CLOCK_SPEED: v.optional(envNumber(finiteNumber, 0, 10_000), 1),
  MOCK_CONTROL_API: v.optional(flag, 'false'),
  /** where "Get help" requests are posted (https; http only for localhost outside production) */
  HELP_WEBHOOK_URL: v.optional(httpUrl('must be a URL such as https://support.partner.example/connect-help')),
  HELP_WEBHOOK_TIMEOUT_MS: v.optional(envNumber(wholeNumber, 100, 30_000), 5_000),
  /** the JSON access log on stdout */
  ACCESS_LOG: v.optional(flag, 'true'),
});

type Variable = keyof v.InferOutput<typeof variables>;

/**
 * The rules that tie variables together; each names the variable to fix. `config` is the parsed
 * environment, where a value refused for a rule (not for its type) is still there as it was.
 */
function crossChecks(config: Readonly<Record<string, unknown>>): { key: Variable; message: string }[] {
  const refusals: { key: Variable; message: string }[] = [];
  const refuse = (key: Variable, message: string) => refusals.push({ key, message });
  if (config.CONNECT_UPSTREAM === 'mx') {
    for (const key of ['MX_BASE_URL', 'MX_CLIENT_ID', 'MX_API_KEY'] as const) {
      if (!config[key]) refuse(key, 'is required when CONNECT_UPSTREAM=mx');
    }
    const base = config.MX_BASE_URL;
    if (typeof base === 'string' && base && !base.startsWith('https://') && config.NODE_ENV === 'production') {
      refuse('MX_BASE_URL', 'must be https in production');
    }
  }
  // a value refused above reaches here as it was: every check guards its own parsing
  const webhook = urlOf(config.HELP_WEBHOOK_URL);
  if (webhook && webhook.protocol !== 'https:') {
    if (!isLocalUrl(config.HELP_WEBHOOK_URL) || config.NODE_ENV === 'production')
      refuse('HELP_WEBHOOK_URL', 'must be https');
  }
  if (config.NODE_ENV === 'production') {
    for (const [key, placeholder] of Object.entries(ENV_EXAMPLE_PLACEHOLDERS)) {
      const value: unknown = config[key as keyof typeof ENV_EXAMPLE_PLACEHOLDERS];
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (values.some((v) => normalised(v) === normalised(placeholder)))
        refuse(key as keyof typeof ENV_EXAMPLE_PLACEHOLDERS, "is still .env.example's placeholder");
    }
    for (const key of ['PUBLIC_ORIGIN', 'CONNECT_HOST_ORIGINS'] as const) {
      const origins: unknown[] = [config[key] ?? []].flat();
      // a value that is not an origin has its own refusal already
      if (!origins.every((o) => urlOf(o))) continue;
      if (origins.some(isLocalUrl)) refuse(key, 'must not name localhost in production');
      else if (origins.some((o) => urlOf(o)?.protocol !== 'https:')) refuse(key, 'must be https in production');
    }
    const demo = 'is the demo secret (refused in production): set your own';
    if (config.PARTNER_SECRET === DEMO_PARTNER_SECRET) refuse('PARTNER_SECRET', demo);
    if (config.SESSION_SECRET === DEMO_SESSION_SECRET) refuse('SESSION_SECRET', demo);
    if (config.MOCK_CONTROL_API) refuse('MOCK_CONTROL_API', 'is not allowed in production');
  }
  return refusals;
}

export const configSchema = v.pipe(
  variables,
  v.rawCheck(({ dataset, addIssue }) => {
    // a value of the wrong type stops them (a value refused for a bound or a rule does not)
    const config = dataset.value;
    if (!isRecord(config) || dataset.issues?.some((issue) => issue.kind === 'schema')) return;
    for (const { key, message } of crossChecks(config)) {
      addIssue({ message, path: [{ type: 'object', origin: 'value', input: config, key, value: config[key] }] });
    }
  }),
);

export type ServerConfig = v.InferOutput<typeof configSchema>;

/**
 * `error` is the first refusal; `errors` every one, a line each (never a value: it may be a secret);
 * `warnings` the lines to print with either (a refused start too: a near-miss name often explains a refusal).
 */
export type ConfigResult =
  | { ok: true; config: ServerConfig; warnings: string[] }
  | { ok: false; error: string; errors: string[]; warnings: string[] };

/** Levenshtein distance, for names of a few dozen characters. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (row[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known variable a set one probably meant (CONNECT_HOST_ORIGIN, SESION_SECRET), or null. Only
 * names of our family count (upper case, and sharing their first or last word with the known
 * name), so HOME is never taken for HOST.
 */
export function nearMissOf(name: string, known: readonly string[]): string | null {
  if (known.includes(name) || !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name)) return null;
  const words = name.split('_');
  for (const candidate of known) {
    const theirs = candidate.split('_');
    if (theirs.length < 2 || (theirs[0] !== words[0] && theirs.at(-1) !== words.at(-1))) continue;
    if (editDistance(name, candidate) <= 2) return candidate;
  }
  return null;
}

/**
 * Reads the environment. A refusal is one line naming the variable and the rule, never its value
 * (it may be a secret); warnings (mock upstream in production, a mistyped name) are lines too.
 */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  // every refusal at once, one line each: fixing a .env one start at a time is a slow loop
  const errors: string[] = [];
  if (present.NODE_ENV === 'production') {
    for (const key of REQUIRED_IN_PRODUCTION) {
      if (present[key] === undefined)
        errors.push(`Invalid configuration: ${key} must be set in production (no default)`);
    }
  }
  const parsed = validate(configSchema, present);
  if (!parsed.ok) {
    const named = new Set<string>();
    for (const issue of parsed.refusals) {
      const name = String(issue.path[0] ?? 'environment');
      if (named.has(name) || errors.some((line) => line.startsWith(`Invalid configuration: ${name} `))) continue;
      named.add(name);
      errors.push(`Invalid configuration: ${name} ${issue.message}`);
    }
  }
  const known = [...Object.keys(configSchema.entries), ...SCRIPT_VARIABLES];
  const nearMisses: string[] = [];
  for (const name of Object.keys(env)) {
    const meant = nearMissOf(name, known);
    if (meant) nearMisses.push(`Warning: ${name} is not a variable this server reads; did you mean ${meant}?`);
  }
  const [error] = errors;
  if (error !== undefined || !parsed.ok) {
    return { ok: false, error: error ?? 'Invalid configuration: environment is invalid', errors, warnings: nearMisses };
  }
  const config = parsed.value;
  const warnings: string[] = [];
  if (config.NODE_ENV === 'production' && config.CONNECT_UPSTREAM === 'mock') {
    warnings.push(
      'Warning: CONNECT_UPSTREAM=mock in production: the in-process sandbox bank (a demo environment), no real institution',
    );
  }
  return { ok: true, config, warnings: [...warnings, ...nearMisses] };
}
