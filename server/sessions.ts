import { MAX_OPTION_LENGTH } from '../sdk/src/contract/widgetOptions';
import { sign, verify } from 'hono/jwt';
import { JwtTokenExpired } from 'hono/utils/jwt/types';
import * as v from 'valibot';
import { object, record, validate, wholeNumber } from './validation';

/** The longest a widget session may live, whatever the configuration says. */
export const MAX_SESSION_TTL_S = 30 * 60;
/**
 * The longest token the server accepts (characters): room for every option at its longest
 * (widgetOptions.ts), while the widget URL that carries it stays within the 8 KiB request line
 * common proxies allow (nginx's default).
 */
export const MAX_SESSION_TOKEN_LENGTH = 4_096;
const ISSUER = 'connect-widget-server';
const AUDIENCE = 'connect-widget-api';

/** The parent_origin of a session for a native app's WebView: no page may frame it. */
export const WEBVIEW_PARENT = 'webview';

/** Everything a widget session may do is named in its token: one user, one session, one parent origin. */
export interface WidgetSession {
  user_guid: string;
  session_guid: string;
  parent_origin: string;
  /** the widget URL options it was minted with (mode, colour scheme, institution…) */
  options: Record<string, string>;
}

const guid = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const claimsSchema = object({
  iss: v.literal(ISSUER),
  aud: v.literal(AUDIENCE),
  sub: guid,
  sid: guid,
  origin: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  // an option's value is at most MAX_OPTION_LENGTH characters (client_redirect_url, privacy_policy_url)
  opt: v.optional(record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(MAX_OPTION_LENGTH))), {}),
  iat: wholeNumber,
  exp: wholeNumber,
});

export async function mintSessionToken(
  secret: string,
  session: WidgetSession,
  ttlS: number,
  nowS = Math.floor(Date.now() / 1000),
): Promise<string> {
  const lifetime = Math.min(Math.max(1, ttlS), MAX_SESSION_TTL_S);
  return sign(
    {
      iss: ISSUER,
      aud: AUDIENCE,
      sub: session.user_guid,
      sid: session.session_guid,
      origin: session.parent_origin,
      opt: session.options,
      iat: nowS,
      exp: nowS + lifetime,
    },
    secret,
    'HS256',
  );
}

export type SessionCheck =
  { ok: true; session: WidgetSession; expiresAt: number } | { ok: false; reason: 'expired' | 'invalid' };

/**
 * Checks a token from an Authorization header: signature (HS256 only), issuer, audience, expiry
 * and shape. Any garbage is "invalid", never an exception.
 */
export async function verifySessionToken(secret: string, token: string): Promise<SessionCheck> {
  if (token.length === 0 || token.length > MAX_SESSION_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
  let payload: unknown;
  try {
    payload = await verify(token, secret, { alg: 'HS256', iss: ISSUER, aud: AUDIENCE });
  } catch (error) {
    return { ok: false, reason: error instanceof JwtTokenExpired ? 'expired' : 'invalid' };
  }
  const claims = validate(claimsSchema, payload);
  if (!claims.ok) return { ok: false, reason: 'invalid' };
  const { sub, sid, origin, opt, iat, exp } = claims.value;
  // a token that claims a longer life than any server mints is not one of ours
  if (exp - iat > MAX_SESSION_TTL_S) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    session: { user_guid: sub, session_guid: sid, parent_origin: origin, options: opt },
    expiresAt: exp,
  };
}

/**
 * The parent origin a token was minted for, when its signature is ours, even if it has expired:
 * the widget page must still load in that frame to say "session expired".
 */
export async function parentOriginOf(secret: string, token: string): Promise<string | null> {
  return (await pageClaimsOf(secret, token))?.origin ?? null;
}

/** What the widget page's headers depend on (parent origin, WebView scheme), from a token of ours even if expired. */
export async function pageClaimsOf(
  secret: string,
  token: string,
): Promise<{ origin: string; appScheme: string | null } | null> {
  if (token.length === 0 || token.length > MAX_SESSION_TOKEN_LENGTH) return null;
  try {
    const payload = await verify(token, secret, { alg: 'HS256', iss: ISSUER, aud: AUDIENCE, exp: false });
    const claims = validate(claimsSchema, payload);
    if (!claims.ok) return null;
    const { origin, opt } = claims.value;
    const webview = origin === WEBVIEW_PARENT;
    const scheme = opt.ui_message_webview_url_scheme ?? 'mx';
    // the same rule the widget applies: a plain scheme name, never one a browser acts on
    const usable =
      /^[a-z][a-z0-9+.-]{0,31}$/.test(scheme) &&
      !/^(javascript|vbscript|data|file|https?|about|blob|ftp|wss?)$/.test(scheme);
    return { origin, appScheme: webview && usable ? scheme : null };
  } catch {
    return null;
  }
}
