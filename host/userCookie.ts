import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { parse, serialize } from 'hono/utils/cookie';
import { DEMO_PARTNER_SECRET, ENV_EXAMPLE_PLACEHOLDERS } from '../server/config';

/**
 * Which widget users this browser may open the widget for: the pattern a partner's back end follows.
 *
 * The widget API trusts the partner's back end with any user_guid (it holds the partner secret), so
 * that back end must never take a user_guid from the browser on trust: a shared link or a hand-made
 * request would open someone else's connections, with Disconnect. A partner binds users to its own
 * signed-in account; this demo has no accounts, so it binds them to the browser: the users it created
 * here, in a signed cookie of the page's own origin that the page's script cannot read (HttpOnly) and
 * other sites cannot send (SameSite=Strict).
 */

/** a widget user guid as the partner API returns it */
export const USER_GUID = /^USR-[\w-]{1,100}$/;
/** the most users one browser keeps (the oldest is forgotten first); bounds the cookie's size */
export const MAX_USERS = 5;
/** a cookie longer than this is refused unread (5 guids of 104 characters sign to about 1 KB) */
export const MAX_COOKIE_CHARS = 1_500;
/** how long a browser is remembered after the last user was added, in seconds */
export const COOKIE_MAX_AGE_S = 7 * 24 * 60 * 60;
/** `__Host-`: over https the browser binds it to this exact origin (no Domain, Path=/, Secure) */
const SECURE_NAME = '__Host-demo_users';
const PLAIN_NAME = 'demo_users';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A partner secret anyone can read (the demo's, `.env.example`'s) or one too short to be a secret. */
export function isPublicSecret(secret: string): boolean {
  return secret === DEMO_PARTNER_SECRET || secret === ENV_EXAMPLE_PLACEHOLDERS.PARTNER_SECRET || secret.length < 16;
}

/** An address of this machine's loopback interface (`127.0.0.0/8`, `::1`, and IPv4 as IPv6 clients see it). */
const isLoopbackAddress = (address: string | undefined) =>
  !!address && (/^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address) || address === '::1');

/**
 * Whether a server bound to `host` (Vite's `server.host` / `preview.host`: undefined means
 * `localhost`, `true` every interface) is reachable from this machine only.
 */
export function bindsLoopbackOnly(host: string | boolean | undefined): boolean {
  return host === undefined || host === 'localhost' || (typeof host === 'string' && isLoopbackAddress(host));
}

/**
 * Whether a request reached the demo back end from this machine itself: it arrived on a loopback
 * address, names a loopback host (a DNS name rebound to 127.0.0.1 does not), and no proxy forwarded
 * it (a proxy on this machine may be exposing the page to everyone).
 */
export function isLocalRequest(req: {
  socket: { localAddress?: string };
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  const host = req.headers.host;
  if (typeof host !== 'string' || !isLoopbackAddress(req.socket.localAddress)) return false;
  if (req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined) return false;
  try {
    return LOCAL_HOSTS.has(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/**
 * The cookie's HMAC key (32 bytes), derived (HKDF-SHA256) from the partner secret this back end
 * already holds: one secret less to deploy, and the cookie is exactly as hard to forge as a widget
 * URL is to mint. A public secret (isPublicSecret: anyone can sign a cookie with it) is refused
 * (throws) unless both the widget server and the demo page (`pageHost`, as bindsLoopbackOnly reads
 * it) are this machine's alone; the back end also refuses every request with it that did not come
 * from this machine (isLocalRequest). (Not NODE_ENV: Vite's preview sets it to production for every
 * run.) Locally the demo secret gives a fixed key, with which the e2e fixtures remember users they
 * made themselves.
 */
export function userCookieKey(partnerSecret: string, widgetOrigin: string, pageHost?: string | boolean): Buffer {
  if (isPublicSecret(partnerSecret)) {
    if (!LOCAL_HOSTS.has(new URL(widgetOrigin).hostname))
      throw new Error(
        'Invalid configuration: PARTNER_SECRET must be set (at least 16 characters) for a widget server that is not local',
      );
    if (!bindsLoopbackOnly(pageHost))
      throw new Error(
        'Invalid configuration: PARTNER_SECRET must be set (at least 16 characters) for a demo page served beyond loopback',
      );
  }
  return Buffer.from(hkdfSync('sha256', partnerSecret, 'connect-demo-host', 'user cookie v1', 32));
}

interface Payload {
  /** user guids, oldest first */
  users: string[];
  /** expiry, seconds since the epoch: signed, so a cookie kept past its Max-Age is still refused */
  exp: number;
}

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** `base64url(JSON payload).base64url(HMAC)`: only characters a cookie value may hold unescaped. */
export function encodeUserCookie(key: Buffer, users: readonly string[], nowMs = Date.now()): string {
  const payload: Payload = { users: users.slice(-MAX_USERS), exp: Math.floor(nowMs / 1000) + COOKIE_MAX_AGE_S };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/**
 * The users a cookie value names, or [] when it is missing, oversized, tampered with, expired or
 * malformed (each is a browser that never made a user here: nothing to refuse loudly).
 */
export function decodeUserCookie(key: Buffer, value: string | undefined, nowMs = Date.now()): string[] {
  if (!value || value.length > MAX_COOKIE_CHARS) return [];
  const dot = value.lastIndexOf('.');
  if (dot < 1) return [];
  const body = value.slice(0, dot);
  // compared as text: decoding first would accept other spellings of the same bytes
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(key, body));
  // constant time: a byte-by-byte compare would tell a forger how much of a guess was right
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return [];
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload>;
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= nowMs || !Array.isArray(payload.users)) return [];
    return payload.users.filter((u): u is string => typeof u === 'string' && USER_GUID.test(u)).slice(-MAX_USERS);
  } catch {
    return [];
  }
}

/**
 * The users remembered by a request's Cookie header. `secure`: the request came over https; then only
 * the `__Host-` cookie counts. A plain one can be planted by anyone who can set a cookie for the site
 * (a sibling subdomain, a plain-http response): read over https it would sign the victim in as the
 * planter's user, whose bank the victim would then connect.
 */
export function readUserCookie(
  key: Buffer,
  cookieHeader: string | undefined,
  secure: boolean,
  nowMs = Date.now(),
): string[] {
  if (!cookieHeader || cookieHeader.length > 8 * 1024) return [];
  return decodeUserCookie(key, parse(cookieHeader)[secure ? SECURE_NAME : PLAIN_NAME], nowMs);
}

/**
 * The Set-Cookie header remembering `users` (the newest last; the oldest beyond MAX_USERS dropped).
 * `secure`: the page is served over https (then the cookie is `__Host-` and Secure).
 */
export function userCookieHeader(key: Buffer, users: readonly string[], secure: boolean, nowMs = Date.now()): string {
  const unique = [...new Set(users.filter((u) => USER_GUID.test(u)))];
  return serialize(secure ? SECURE_NAME : PLAIN_NAME, encodeUserCookie(key, unique, nowMs), {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: COOKIE_MAX_AGE_S,
  });
}

/**
 * The user_guid a request names, checked against the users this browser's cookie remembers:
 * `null` when it names none (make a new user), the guid when it is one of them, or a refusal.
 */
export function boundUser(input: { user_guid?: unknown }, remembered: readonly string[]): string | null | 'refused' {
  if (input.user_guid === undefined || input.user_guid === null) return null;
  return typeof input.user_guid === 'string' && remembered.includes(input.user_guid) ? input.user_guid : 'refused';
}
