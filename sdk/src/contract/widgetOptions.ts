import { z } from 'zod/mini';

/**
 * The widget URL's options (MX's parameter names): one definition that the widget parses its URL
 * with and the partner API checks a widget URL request with, so the server never mints a URL the
 * widget would refuse. zod/mini, because the widget's first bundle carries it.
 */

/** The widget's languages (MX's `locale` values); a region (en-US, es-MX) reads as its language. */
export const WIDGET_LOCALES = ['en', 'es', 'fr-CA'] as const;

const trimmed = z.string().check(z.trim());

/** An enum whose message lists what it takes, e.g. "must be one of light, dark". */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, `must be one of ${values.join(', ')}`);

const flag = z.pipe(
  z.enum(['true', 'false', '1', '0'], 'must be true or false'),
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

/** The host page's origin, without a trailing slash. */
export const originOption = z.pipe(
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

/** MX's guids: a prefix, a dash and up to 64 letters, digits, dashes or underscores. */
const guid = (prefix: string) =>
  trimmed.check(z.regex(new RegExp(`^${prefix}-[A-Za-z0-9_-]{1,64}$`), `must look like ${prefix}-…`));
export const userGuidOption = guid('USR');
export const sessionGuidOption = guid('SES');

/**
 * The longest value of any option (characters; the URLs are the long ones): each is carried twice,
 * in the widget URL and in its session token, and both must fit a request line (server/sessions.ts).
 */
export const MAX_OPTION_LENGTH = 1_000;

const cornerRadiusMessage = 'must be a whole number of pixels from 0 to 24';

/** Every option a partner may set on a widget URL, with the widget's defaults. */
export const widgetOptionsShape = {
  mode: z._default(oneOf(['aggregation', 'verification']), 'aggregation'),
  color_scheme: z._default(oneOf(['light', 'dark']), 'light'),
  current_institution_code: z.optional(trimmed.check(z.minLength(1), z.maxLength(200))),
  current_member_guid: z.optional(guid('MBR')),
  /** verification mode: resume this microdeposit at the step its status calls for */
  current_microdeposit_guid: z.optional(guid('MIC')),
  disable_institution_search: z._default(flag, false),
  include_transactions: z._default(flag, true),
  locale: z.optional(
    trimmed.check(z.regex(/^(en|es|fr)([-_][A-Za-z0-9]{1,8})?$/i, `must be one of ${WIDGET_LOCALES.join(', ')}`)),
  ),
  /** host branding; the colour is corrected for contrast, see theme.ts */
  brand_color: z.optional(
    trimmed.check(z.regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #1d4ed8')),
  ),
  corner_radius: z.optional(
    z.pipe(
      trimmed.check(z.regex(/^\d{1,2}$/, cornerRadiusMessage)),
      z.pipe(z.transform(Number), z.number().check(z.maximum(24, cornerRadiusMessage))),
    ),
  ),
  /** the consent screen comes first unless the partner collects consent itself */
  disable_consent: z._default(flag, false),
  /** the partner's app, as the consent screen names it */
  client_name: z.optional(trimmed.check(z.minLength(1), z.maxLength(80))),
  privacy_policy_url: z.optional(
    trimmed.check(z.maxLength(MAX_OPTION_LENGTH), z.refine(isHttpsUrl, 'must be an https URL')),
  ),
  /** the partner will ask for identity data (owner name, email, address): consent says so */
  include_identity: z._default(flag, false),
  /** in an iOS or Android WebView: events become navigations to ui_message_webview_url_scheme */
  is_mobile_webview: z._default(flag, false),
  ui_message_webview_url_scheme: z._default(urlScheme, 'mx'),
  /** the message format; only MX's version 4 exists here */
  ui_message_version: z.optional(trimmed.check(z.regex(/^4$/, 'must be 4'))),
  /** APP: the app opens the bank in the system browser; BROWSER: the widget opens a popup */
  oauth_referral_source: z.optional(oneOf(['BROWSER', 'APP'])),
  client_redirect_url: z.optional(
    trimmed.check(
      z.maxLength(MAX_OPTION_LENGTH),
      z.refine(isRedirectUrl, 'must be an https URL or your app’s own scheme'),
    ),
  ),
};

export const widgetOptionsSchema = z.object(widgetOptionsShape);
export type WidgetOptionName = keyof typeof widgetOptionsShape;

/** The option names, in the order above. */
export const WIDGET_URL_OPTIONS = /* @__PURE__ */ Object.keys(widgetOptionsShape) as WidgetOptionName[];

export const isWidgetOption = (name: string): name is WidgetOptionName => Object.hasOwn(widgetOptionsShape, name);

/** The first option at fault and why ("color_scheme", "must be one of light, dark"); never its value. */
export type OptionsCheck<T> = { ok: true; options: T } | { ok: false; option: string; message: string };

/**
 * Parses options given as strings (a URL's query, or a partner's request turned to strings) with
 * `schema` (widgetOptionsSchema, or the widget's extension of it), then the rule between options.
 */
export function checkWidgetOptions<T extends { disable_institution_search: boolean }>(
  schema: z.ZodMiniType<T>,
  raw: Readonly<Record<string, string>>,
): OptionsCheck<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = String(issue?.path[0] ?? 'query');
    const message = raw[option] === undefined ? 'is required' : (issue?.message ?? 'is not valid');
    return { ok: false, option, message };
  }
  const { disable_institution_search, current_institution_code, current_member_guid } = parsed.data as T &
    Partial<Record<'current_institution_code' | 'current_member_guid', string>>;
  if (disable_institution_search && !current_institution_code && !current_member_guid) {
    return {
      ok: false,
      option: 'disable_institution_search',
      message: 'needs current_institution_code or current_member_guid',
    };
  }
  return { ok: true, options: parsed.data };
}
