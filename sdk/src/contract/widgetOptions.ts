import * as v from 'valibot';

/**
 * The widget URL's options (MX's parameter names): one definition that the widget parses its URL
 * with and the partner API checks a widget URL request with, so the server never mints a URL the
 * widget would refuse. valibot, because the widget's first bundle carries it and only the
 * functions used here are bundled.
 */

/** The widget's languages (MX's `locale` values); a region (en-US, es-MX) reads as its language. */
export const WIDGET_LOCALES = ['en', 'es', 'fr-CA'] as const;

/** A string option's value, without the spaces around it (what every check below reads). */
const trimmed = v.pipe(v.string(), v.trim());

/** A limit on a (trimmed) value's length, named in its message. */
const maxLength = (max: number) => v.maxLength<string, number, string>(max, `must be at most ${max} characters`);
const notEmpty = v.minLength<string, number, string>(1, 'must not be empty');

/** An enum whose message lists what it takes, e.g. "must be one of light, dark". */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  v.picklist(values, `must be one of ${values.join(', ')}`);

/** "true"/"1" or "false"/"0" as a boolean; an absent flag is `fallback`. */
const flag = (fallback: 'true' | 'false') =>
  v.optional(
    v.pipe(
      v.picklist(['true', 'false', '1', '0'], 'must be true or false'),
      v.transform((value) => value === 'true' || value === '1'),
    ),
    fallback,
  );

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** The longest origin (characters): `https://`, a 253-character host name, `:65535` and a trailing slash. */
const MAX_ORIGIN_LENGTH = 8 + 253 + 6 + 1;

/** The host page's origin, without a trailing slash. */
export const originOption = v.pipe(
  v.pipe(trimmed, maxLength(MAX_ORIGIN_LENGTH), v.check(isOrigin, 'must be an origin such as https://partner.example')),
  v.transform((value) => value.replace(/\/$/, '')),
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
const isAppScheme = (value: string) => /^[a-z][a-z0-9+.-]{0,31}$/.test(value) && !RESERVED_SCHEME.test(value);
const urlScheme = v.pipe(trimmed, v.check(isAppScheme, 'must be your app’s own URL scheme, such as myapp'));

/** Where the bank sends the user back after OAuth in the app: https (a universal link) or the app's scheme. */
function isRedirectUrl(value: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/[^\s]+$/.exec(value)?.[1];
  return scheme === 'https' || (scheme !== undefined && isAppScheme(scheme));
}

/** MX's guids: a prefix, a dash and up to 64 letters, digits, dashes or underscores. */
const guidPattern = (prefix: string) => new RegExp(`^${prefix}-[A-Za-z0-9_-]{1,64}$`);
const guid = (prefix: string) => v.pipe(trimmed, v.regex(guidPattern(prefix), `must look like ${prefix}-…`));
export const userGuidOption = guid('USR');
export const sessionGuidOption = guid('SES');
const USER_GUID = /* @__PURE__ */ guidPattern('USR');

/**
 * Whether `value` is a user guid exactly as given (USR-…, no spaces around it: the widget trims the
 * guid it reads from its URL, so one with spaces would name another user than the one checked).
 */
export const isUserGuid = (value: string): boolean => USER_GUID.test(value);

/**
 * The longest value of any option (characters; the URLs are the long ones): each is carried twice,
 * in the widget URL and in its session token, and both must fit a request line (server/sessions.ts).
 */
export const MAX_OPTION_LENGTH = 1_000;

const cornerRadiusMessage = 'must be a whole number of pixels from 0 to 24';

/** Every option a partner may set on a widget URL, with the widget's defaults. */
export const widgetOptionsShape = {
  mode: v.optional(oneOf(['aggregation', 'verification']), 'aggregation'),
  color_scheme: v.optional(oneOf(['light', 'dark']), 'light'),
  current_institution_code: v.optional(v.pipe(trimmed, notEmpty, maxLength(200))),
  current_member_guid: v.optional(guid('MBR')),
  /** verification mode: resume this microdeposit at the step its status calls for */
  current_microdeposit_guid: v.optional(guid('MIC')),
  disable_institution_search: flag('false'),
  include_transactions: flag('true'),
  locale: v.optional(
    v.pipe(trimmed, v.regex(/^(en|es|fr)([-_][A-Za-z0-9]{1,8})?$/i, `must be one of ${WIDGET_LOCALES.join(', ')}`)),
  ),
  /** host branding; the colour is corrected for contrast, see theme.ts */
  brand_color: v.optional(
    v.pipe(trimmed, v.regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #1d4ed8')),
  ),
  corner_radius: v.optional(
    v.pipe(
      v.pipe(trimmed, v.regex(/^\d{1,2}$/, cornerRadiusMessage)),
      v.transform(Number),
      v.maxValue(24, cornerRadiusMessage),
    ),
  ),
  /** the consent screen comes first unless the partner collects consent itself */
  disable_consent: flag('false'),
  /** the partner's app, as the consent screen names it */
  client_name: v.optional(v.pipe(trimmed, notEmpty, maxLength(80))),
  privacy_policy_url: v.optional(
    v.pipe(trimmed, maxLength(MAX_OPTION_LENGTH), v.check(isHttpsUrl, 'must be an https URL')),
  ),
  /** the partner will ask for identity data (owner name, email, address): consent says so */
  include_identity: flag('false'),
  /** in an iOS or Android WebView: events become navigations to ui_message_webview_url_scheme */
  is_mobile_webview: flag('false'),
  ui_message_webview_url_scheme: v.optional(urlScheme, 'mx'),
  /** the message format; only MX's version 4 exists here */
  ui_message_version: v.optional(v.pipe(trimmed, v.regex(/^4$/, 'must be 4'))),
  /** APP: the app opens the bank in the system browser; BROWSER: the widget opens a popup */
  oauth_referral_source: v.optional(oneOf(['BROWSER', 'APP'])),
  client_redirect_url: v.optional(
    v.pipe(
      trimmed,
      maxLength(MAX_OPTION_LENGTH),
      v.check(isRedirectUrl, 'must be an https URL or your app’s own scheme'),
    ),
  ),
};

/** A flag the widget adds to the partner's options (false unless given), read like theirs. */
export const flagOption = flag('false');

const widgetOptionsSchema = v.object(widgetOptionsShape);
export type WidgetOptionName = keyof typeof widgetOptionsShape;

/** The option names, in the order above. */
export const WIDGET_URL_OPTIONS = /* @__PURE__ */ Object.keys(widgetOptionsShape) as WidgetOptionName[];

export const isWidgetOption = (name: string): name is WidgetOptionName => Object.hasOwn(widgetOptionsShape, name);

/** The first option at fault and why ("color_scheme", "must be one of light, dark"); never its value. */
export type OptionsCheck<T> = { ok: true; options: T } | { ok: false; option: string; message: string };

/**
 * Parses options given as strings (a URL's query) with `schema` (the widget's extension of the
 * partner's options), then the rule between options.
 */
export function parseWidgetOptions<T extends { disable_institution_search: boolean }>(
  schema: v.GenericSchema<unknown, T>,
  raw: Readonly<Record<string, string>>,
): OptionsCheck<T> {
  const parsed = v.safeParse(schema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const key: unknown = issue.path?.[0]?.key;
    const option = typeof key === 'string' ? key : 'query';
    const message = raw[option] === undefined ? 'is required' : issue.message;
    return { ok: false, option, message };
  }
  const { disable_institution_search, current_institution_code, current_member_guid } = parsed.output as T &
    Partial<Record<'current_institution_code' | 'current_member_guid', string>>;
  if (disable_institution_search && !current_institution_code && !current_member_guid) {
    return {
      ok: false,
      option: 'disable_institution_search',
      message: 'needs current_institution_code or current_member_guid',
    };
  }
  return { ok: true, options: parsed.output };
}

/**
 * Checks a partner's widget options, given as strings (its request's values turned to strings):
 * the parsed options, or the first option at fault and why.
 */
export const checkWidgetOptions = (raw: Readonly<Record<string, string>>) =>
  parseWidgetOptions(widgetOptionsSchema, raw);
