import { fieldPath } from '../sdk/src/contract/mx';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { mintSessionToken, WEBVIEW_PARENT } from './sessions';
import { errorJson } from './errors';
import type { Upstream } from './upstreams/types';
import { isRecord, looseObject, object, validate } from './validation';
import { checkWidgetOptions, isUserGuid, isWidgetOption, type OptionsCheck } from '../sdk/src/contract/widgetOptions';

const digest = (value: string) => createHash('sha256').update(value).digest();

export interface PartnerAuthOptions {
  secret: string;
}

/**
 * The partner's back end authenticates with its secret as a bearer token; compared in constant
 * time (over digests, so the length leaks nothing either).
 *
 * @example partner.use('*', partnerAuth({ secret: config.PARTNER_SECRET }))
 */
export function partnerAuth({ secret }: PartnerAuthOptions): MiddlewareHandler {
  const expected = digest(secret);
  return async function partnerAuthMiddleware(c, next) {
    const match = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '');
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      return errorJson(401, 'A valid partner secret is required.');
    }
    return next();
  };
}

const trimmed = v.pipe(v.string(), v.trim());
const widgetUrlBody = object({
  // the options are checked one by one below, with the widget's own schema
  widget_url: looseObject({ widget_type: v.literal('connect_widget'), parent_origin: v.optional(trimmed) }),
  parent_origin: v.optional(trimmed),
});
const userBody = object({
  user: v.optional(
    // a blank id names no user: sent on, every blank-id user after the first would be a 409 naming the first
    object({
      id: v.optional(v.pipe(trimmed, v.minLength(1), v.maxLength(200))),
      email: v.optional(v.pipe(trimmed, v.maxLength(200))),
    }),
    {},
  ),
});

export interface PartnerApiOptions {
  partnerSecret: string;
  sessionSecret: string;
  sessionTtlS: number;
  /** host origins a widget URL may be minted for (CONNECT_HOST_ORIGINS) */
  hostOrigins: readonly string[];
  /** where widget URLs point, e.g. https://connect.partner.example */
  publicOrigin: (request: Request) => string;
  upstream: Upstream;
}

/** MX's user, as GET /users/{guid} and list users carry it (the fields the partner API reads). */
const mxUser = object({
  guid: v.pipe(v.string(), v.maxLength(200)),
  id: v.nullish(v.pipe(v.string(), v.maxLength(200))),
});
type MxUser = v.InferOutput<typeof mxUser>;
const userResponse = object({ user: mxUser });
const usersResponse = object({ users: v.pipe(v.array(mxUser), v.maxLength(1_000)) });

/** Not options: the widget type, and the host origin the server checks against CONNECT_HOST_ORIGINS itself. */
const NOT_OPTIONS = new Set(['widget_type', 'parent_origin']);

/**
 * The request's widget options as strings, the way the widget will read them from its URL, checked
 * with the widget's own schema; or the first one at fault. A name is echoed only when it looks like
 * one, and a value never is (a partner may have pasted a secret into the wrong field).
 */
function widgetOptionsOf(widgetUrl: Record<string, unknown>): OptionsCheck<Record<string, string>> {
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(widgetUrl)) {
    if (NOT_OPTIONS.has(key) || value === undefined || value === null || value === '') continue;
    if (!isWidgetOption(key)) {
      return /^[a-z0-9_]{1,64}$/i.test(key)
        ? { ok: false, option: key, message: 'is not an option of this widget' }
        : { ok: false, option: 'option', message: 'names an option this widget does not have' };
    }
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      return { ok: false, option: key, message: 'must be a string, a number or a boolean' };
    }
    options[key] = String(value).trim();
  }
  const checked = checkWidgetOptions(options);
  return checked.ok ? { ok: true, options } : checked;
}

const refuse = (field: string, message: string) => errorJson(422, `${field} ${message}`, { field });

/**
 * Asks the upstream whether it knows the user (MX: GET /users/{user_guid}), so no URL is minted for
 * a widget that could only fail. The user when it does; else the refusal: 404 unknown user, 504 when
 * the upstream did not answer in time, 429 (with its Retry-After, in seconds) when it asks to slow
 * down, 502 for any other failure (never the upstream's own words).
 */
async function knownUser(upstream: Upstream, userGuid: string): Promise<MxUser | Response> {
  let response: Response;
  try {
    response = await upstream({ method: 'GET', path: `/users/${encodeURIComponent(userGuid)}`, search: '' });
  } catch {
    return errorJson(502, 'The bank data service could not be reached to check the user.');
  }
  if (response.status === 404) return errorJson(404, 'User not found.');
  if (response.status === 504) return errorJson(504, 'The bank data service did not answer in time.');
  if (response.status === 429) {
    // the partner's back end may try again once the upstream says so
    const limited = errorJson(429, 'The bank data service asks to slow down; try again shortly.');
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter && /^\d{1,5}$/.test(retryAfter)) limited.headers.set('retry-after', retryAfter);
    return limited;
  }
  const body = response.ok ? validate(userResponse, await response.json().catch(() => null)) : null;
  // the shape only: a spec-driven stand-in for MX (Prism) answers any guid with its example user
  if (body?.ok) return body.value.user;
  return errorJson(502, 'The bank data service could not confirm the user.');
}

/** The upstream's user with this partner id (MX: list users by `id`), or null when none or it cannot say. */
async function userWithId(upstream: Upstream, id: string): Promise<MxUser | null> {
  try {
    const response = await upstream({ method: 'GET', path: '/users', search: `?${new URLSearchParams({ id })}` });
    const body = response.ok ? validate(usersResponse, await response.json()) : null;
    return body?.ok ? (body.value.users.find((user) => user.id === id) ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * The request's JSON body checked with `schema`: its output, and the body as it was parsed (whose
 * own keys include those the schema drops, `__proto__` and `constructor` among them); or a 400.
 */
async function readJson<T extends v.GenericSchema>(
  request: Request,
  schema: T,
): Promise<{ body: v.InferOutput<T>; raw: unknown } | Response> {
  let raw: unknown;
  try {
    raw = JSON.parse((await request.text()) || '{}');
  } catch {
    return errorJson(400, 'Malformed JSON in request body.');
  }
  const parsed = validate(schema, raw);
  if (parsed.ok) return { body: parsed.value, raw };
  return errorJson(400, `Invalid field "${fieldPath(parsed.refusals[0].path)}".`);
}

/** What a partner's back end calls: create users, mint widget URLs carrying a signed session. */
export function partnerApi(options: PartnerApiOptions) {
  const partner = new Hono();
  partner.use('*', partnerAuth({ secret: options.partnerSecret }));
  partner.use('*', bodyLimit({ maxSize: 16 * 1024, onError: () => errorJson(413, 'Request body is too large.') }));

  partner.post('/users', async (c) => {
    const read = await readJson(c.req.raw, userBody);
    if (read instanceof Response) return read;
    const { body } = read;
    const created = await options.upstream({ method: 'POST', path: '/users', search: '', body: JSON.stringify(body) });
    if (created.status !== 409 || body.user.id === undefined) return created;
    // MX's 409 says only that the id is taken: name the user it belongs to, so the partner can go on with it
    const existing = await userWithId(options.upstream, body.user.id);
    return c.json(
      {
        error: { message: 'A user with this id already exists.', status: 409, field: 'user.id' },
        ...(existing ? { user: { guid: existing.guid, id: existing.id ?? body.user.id } } : {}),
      },
      409,
    );
  });

  partner.post('/users/:user_guid/widget_urls', async (c) => {
    const userGuid = c.req.param('user_guid');
    // the widget trims the guid it reads from its URL: one with spaces around it names no user the session could act for
    if (!isUserGuid(userGuid)) return refuse('user_guid', 'must look like USR-…');
    const read = await readJson(c.req.raw, widgetUrlBody);
    if (read instanceof Response) return read;
    const { body, raw } = read;
    // the options as sent: valibot's looseObject drops keys such as `constructor` and `__proto__`,
    // which must be refused as unknown options like any other
    const sent = isRecord(raw) && isRecord(raw.widget_url) ? raw.widget_url : body.widget_url;
    const checked = widgetOptionsOf(sent);
    if (!checked.ok) return refuse(`widget_url.${checked.option}`, checked.message);
    const widgetOptions = checked.options;
    // a native app's WebView has no parent page: its session is bound to no origin (nothing may frame it)
    const webview = ['true', '1'].includes(widgetOptions.is_mobile_webview ?? '');
    const parentOrigin = webview ? WEBVIEW_PARENT : (body.widget_url.parent_origin ?? body.parent_origin);
    if (!webview && (!parentOrigin || !options.hostOrigins.includes(parentOrigin))) {
      return refuse('parent_origin', 'must be one of the host origins this server allows (CONNECT_HOST_ORIGINS).');
    }
    const user = await knownUser(options.upstream, userGuid);
    if (user instanceof Response) return user;
    const sessionGuid = `SES-${randomUUID()}`;
    const token = await mintSessionToken(
      options.sessionSecret,
      {
        user_guid: userGuid,
        session_guid: sessionGuid,
        parent_origin: parentOrigin ?? WEBVIEW_PARENT,
        options: widgetOptions,
      },
      options.sessionTtlS,
    );
    const url = new URL('/', options.publicOrigin(c.req.raw));
    url.searchParams.set('user_guid', userGuid);
    url.searchParams.set('session_guid', sessionGuid);
    if (!webview && parentOrigin) url.searchParams.set('parent_origin', parentOrigin);
    for (const [key, value] of Object.entries(widgetOptions)) url.searchParams.set(key, value);
    url.searchParams.set('session_token', token);
    return c.json({ widget_url: { type: 'connect_widget', url: url.toString(), user_id: user.id ?? null } });
  });

  return partner;
}
