import { z } from 'zod/mini';

const trimmed = z.string().check(z.trim());

const flag = z.pipe(
  z.enum(['true', 'false', '1', '0']),
  z.transform((v) => v === 'true' || v === '1'),
);

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

const origin = z.pipe(
  trimmed.check(z.refine(isOrigin, 'must be an origin such as https://partner.example')),
  z.transform((v) => v.replace(/\/$/, '')),
);

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The app's own URL scheme (myapp), never one a browser acts on itself: `javascript:` would run
 * an event's metadata, `http(s):`, `data:` or `file:` would load something.
 */
const RESERVED_SCHEME = /^(javascript|vbscript|data|file|https?|about|blob|ftp|wss?)$/;
const isAppScheme = (v: string) => /^[a-z][a-z0-9+.-]{0,31}$/.test(v) && !RESERVED_SCHEME.test(v);
const urlScheme = trimmed.check(z.refine(isAppScheme, 'must be your app’s own URL scheme, such as myapp'));

/** Where the bank sends the user back after OAuth in the app: https (a universal link) or the app's scheme. */
function isRedirectUrl(value: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/[^\s]+$/.exec(value)?.[1];
  return scheme === 'https' || (scheme !== undefined && isAppScheme(scheme));
}

const guid = (prefix: string) =>
  trimmed.check(z.regex(new RegExp(`^${prefix}-[A-Za-z0-9_-]{1,64}$`), `must look like ${prefix}-…`));

/** The widget URL's query string (MX parameter names), validated once at start-up. */
export const configSchema = z.object({
  mode: z._default(z.enum(['aggregation', 'verification']), 'aggregation'),
  color_scheme: z._default(z.enum(['light', 'dark']), 'light'),
  current_institution_code: z.optional(trimmed.check(z.minLength(1), z.maxLength(200))),
  current_member_guid: z.optional(guid('MBR')),
  /** verification mode: resume this microdeposit at the step its status calls for */
  current_microdeposit_guid: z.optional(guid('MIC')),
  disable_institution_search: z._default(flag, false),
  include_transactions: z._default(flag, true),
  locale: z.optional(trimmed),
  parent_origin: z.optional(origin),
  user_guid: guid('USR'),
  session_guid: z.optional(guid('SES')),
  /** host branding; the colour is corrected for contrast, see theme.ts */
  brand_color: z.optional(
    trimmed.check(z.regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #1d4ed8')),
  ),
  corner_radius: z.optional(
    z.pipe(
      trimmed.check(z.regex(/^\d{1,2}$/, 'must be a whole number of pixels from 0 to 24')),
      z.pipe(z.transform(Number), z.number().check(z.maximum(24, 'must be a whole number of pixels from 0 to 24'))),
    ),
  ),
  /** the consent screen comes first unless the partner collects consent itself */
  disable_consent: z._default(flag, false),
  /** the partner's app, as the consent screen names it */
  client_name: z.optional(trimmed.check(z.minLength(1), z.maxLength(80))),
  privacy_policy_url: z.optional(trimmed.check(z.refine(isHttpsUrl, 'must be an https URL'))),
  /** the partner will ask for identity data (owner name, email, address): consent says so */
  include_identity: z._default(flag, false),
  /** in an iOS or Android WebView: events become navigations to ui_message_webview_url_scheme */
  is_mobile_webview: z._default(flag, false),
  ui_message_webview_url_scheme: z._default(urlScheme, 'mx'),
  /** the message format; only MX's version 4 exists here */
  ui_message_version: z.optional(trimmed.check(z.regex(/^4$/, 'must be 4'))),
  /** APP: the app opens the bank in the system browser; BROWSER: the widget opens a popup */
  oauth_referral_source: z.optional(z.enum(['BROWSER', 'APP'])),
  client_redirect_url: z.optional(
    trimmed.check(z.maxLength(2_000), z.refine(isRedirectUrl, 'must be an https URL or your app’s own scheme')),
  ),
  /** demo only: run unframed (opened directly in a tab) */
  allow_top_level: z._default(flag, false),
});

export type WidgetConfig = z.infer<typeof configSchema> & { session_guid: string };

/** How OAuth leaves the widget: a popup it opens (browser), or a URL the app opens (webview). */
export function oauthReferralSource(config: Pick<WidgetConfig, 'oauth_referral_source' | 'is_mobile_webview'>) {
  return config.oauth_referral_source ?? (config.is_mobile_webview ? 'APP' : 'BROWSER');
}

export type ConfigResult = { ok: true; config: WidgetConfig } | { ok: false; param: string; message: string };

function newSessionGuid(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `SES-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function parseConfig(search: string): ConfigResult {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue?.path[0] ?? 'query');
    const message = raw[param] === undefined ? 'is required' : (issue?.message ?? 'is not valid');
    return { ok: false, param, message };
  }
  if (
    parsed.data.disable_institution_search &&
    !parsed.data.current_institution_code &&
    !parsed.data.current_member_guid
  ) {
    return {
      ok: false,
      param: 'disable_institution_search',
      message: 'needs current_institution_code or current_member_guid',
    };
  }
  return { ok: true, config: { ...parsed.data, session_guid: parsed.data.session_guid ?? newSessionGuid() } };
}
