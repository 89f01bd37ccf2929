import { z } from 'zod';
import { MX_API_VERSIONS } from './upstreams/apiVersion';

/**
 * The production server's configuration, from the environment, validated once at start-up.
 * With no configuration at all it runs the demo: mock upstream, demo secrets, local origins.
 */
export const DEMO_PARTNER_SECRET = 'demo-partner-secret-not-for-production';
export const DEMO_SESSION_SECRET = 'demo-session-secret-not-for-production-0123456789';

const origin = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'must be an origin such as https://partner.example');

const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(z.array(origin).min(1, 'must list at least one origin'));

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4173),
    HOST: z.string().trim().min(1).default('localhost'),
    /** the widget's public origin, as partners' pages see it */
    PUBLIC_ORIGIN: origin.optional(),
    /** host pages allowed to embed the widget (and to be a token's parent_origin) */
    CONNECT_HOST_ORIGINS: originList.default(['http://127.0.0.1:4174', 'http://localhost:4174']),
    CONNECT_UPSTREAM: z.enum(['mock', 'mx']).default('mock'),
    MX_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    MX_CLIENT_ID: z.string().trim().min(1).optional(),
    MX_API_KEY: z.string().trim().min(1).optional(),
    /** MX Platform API version the server speaks to MX (server/upstreams/apiVersion.ts) */
    MX_API_VERSION: z.enum(MX_API_VERSIONS).default('v1'),
    /**
     * hosts the server may fetch MX's institution logos from (server/logos.ts), comma-separated,
     * or `none` (no logo is fetched; the widget shows initials: tests and offline demos)
     */
    MX_LOGO_HOSTS: z
      .string()
      .trim()
      .default('content.moneydesktop.com')
      .transform((value) => (value === 'none' ? [] : value.split(',').map((h) => h.trim().toLowerCase())))
      .pipe(z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be host names, comma-separated, or none'))),
    /** per request to the upstream */
    UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    PARTNER_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEMO_PARTNER_SECRET),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEMO_SESSION_SECRET),
    /** a widget session's lifetime; at most 30 minutes */
    SESSION_TTL_S: z.coerce.number().int().min(60).max(1_800).default(1_800),
    /** widget API calls one session may make per minute (a status poll a second is 60) */
    RATE_LIMIT_PER_SESSION: z.coerce.number().int().min(1).default(600),
    /** and one client address (many users may share one behind a NAT) */
    RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(6_000),
    /** behind a load balancer: take the client address from X-Forwarded-For (its last hop) */
    TRUST_PROXY: flag.default(false),
    MOCK_CLOCK_SPEED: z.coerce.number().min(0).max(10_000).default(1),
    MOCK_CONTROL_API: flag.default(false),
    /** where "Get help" requests are posted (https; http only for localhost outside production) */
    HELP_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    HELP_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(5_000),
    /** the JSON access log on stdout */
    ACCESS_LOG: flag.default(true),
  })
  .superRefine((config, ctx) => {
    if (config.CONNECT_UPSTREAM === 'mx') {
      for (const key of ['MX_BASE_URL', 'MX_CLIENT_ID', 'MX_API_KEY'] as const) {
        if (!config[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when CONNECT_UPSTREAM=mx' });
      }
      if (config.MX_BASE_URL && !config.MX_BASE_URL.startsWith('https://') && config.NODE_ENV === 'production') {
        ctx.addIssue({ code: 'custom', path: ['MX_BASE_URL'], message: 'must be https in production' });
      }
    }
    if (config.HELP_WEBHOOK_URL && !config.HELP_WEBHOOK_URL.startsWith('https://')) {
      const host = new URL(config.HELP_WEBHOOK_URL).hostname;
      const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
      if (!local || config.NODE_ENV === 'production')
        ctx.addIssue({ code: 'custom', path: ['HELP_WEBHOOK_URL'], message: 'must be https' });
    }
    if (config.NODE_ENV === 'production') {
      if (config.PARTNER_SECRET === DEMO_PARTNER_SECRET)
        ctx.addIssue({ code: 'custom', path: ['PARTNER_SECRET'], message: 'must be set in production' });
      if (config.SESSION_SECRET === DEMO_SESSION_SECRET)
        ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be set in production' });
      if (config.MOCK_CONTROL_API)
        ctx.addIssue({ code: 'custom', path: ['MOCK_CONTROL_API'], message: 'is not allowed in production' });
    }
  });

export type ServerConfig = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; error: string };

/** Reads the environment; a bad value is named in one line, never echoed (it may be a secret). */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? 'environment');
  return { ok: false, error: `Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}` };
}
