import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_SECRET, ENV_EXAMPLE_PLACEHOLDERS } from '../server/config';
import {
  boundUser,
  COOKIE_MAX_AGE_S,
  decodeUserCookie,
  encodeUserCookie,
  isLocalRequest,
  isPublicSecret,
  MAX_COOKIE_CHARS,
  MAX_USERS,
  readUserCookie,
  userCookieHeader,
  userCookieKey,
} from './userCookie';

const LOCAL = 'http://localhost:4173';
const key = userCookieKey(DEMO_PARTNER_SECRET, LOCAL);
const mine = 'USR-mine-0001';
const theirs = 'USR-theirs-0002';
const valueOf = (header: string) => header.slice(header.indexOf('=') + 1, header.indexOf(';'));

describe('the demo host user cookie', () => {
  it('remembers the users it was given, and no one else', () => {
    const value = encodeUserCookie(key, [mine]);
    expect(decodeUserCookie(key, value)).toEqual([mine]);
    expect(decodeUserCookie(key, value)).not.toContain(theirs);
  });

  it('is refused when its payload is edited to add another user (the signature no longer matches)', () => {
    const [, signature] = encodeUserCookie(key, [mine]).split('.');
    const forged = Buffer.from(JSON.stringify({ users: [mine, theirs], exp: 4_102_444_800 })).toString('base64url');
    expect(decodeUserCookie(key, `${forged}.${signature}`)).toEqual([]);
  });

  it('is refused when its signature is altered, truncated or missing', () => {
    const value = encodeUserCookie(key, [mine]);
    const at = value.length - 10;
    const flipped = value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);
    expect(decodeUserCookie(key, flipped)).toEqual([]);
    expect(decodeUserCookie(key, value.slice(0, -4))).toEqual([]);
    expect(decodeUserCookie(key, value.split('.')[0])).toEqual([]);
  });

  it('is refused when signed with another key (another partner secret)', () => {
    const other = userCookieKey('another-partner-secret-entirely', LOCAL);
    expect(decodeUserCookie(key, encodeUserCookie(other, [mine]))).toEqual([]);
  });

  it('expires after its max age, even if the browser kept it', () => {
    const now = Date.UTC(2026, 10, 29);
    const value = encodeUserCookie(key, [mine], now);
    expect(decodeUserCookie(key, value, now + (COOKIE_MAX_AGE_S - 1) * 1000)).toEqual([mine]);
    expect(decodeUserCookie(key, value, now + COOKIE_MAX_AGE_S * 1000)).toEqual([]);
  });

  it('refuses an oversized cookie unread, and keeps at most the newest users it writes', () => {
    const many = Array.from({ length: 20 }, (_, i) => `USR-${String(i).padStart(100, '0')}`);
    const value = encodeUserCookie(key, many);
    expect(value.length).toBeLessThanOrEqual(MAX_COOKIE_CHARS);
    expect(decodeUserCookie(key, value)).toEqual(many.slice(-MAX_USERS));
    expect(decodeUserCookie(key, `${'A'.repeat(MAX_COOKIE_CHARS)}.${value.split('.')[1]}`)).toEqual([]);
  });

  it('is HttpOnly, SameSite=Strict, Path=/, with a Max-Age; Secure and __Host- over https', () => {
    const plain = userCookieHeader(key, [mine], false);
    expect(plain).toMatch(/^demo_users=[\w-]+\.[\w-]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Strict$/);
    const secure = userCookieHeader(key, [mine], true);
    expect(secure).toMatch(/^__Host-demo_users=.*; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
  });

  it('is read from a Cookie header among others, and ignores a guid of the wrong shape', () => {
    const header = `theme=dark; demo_users=${valueOf(userCookieHeader(key, [mine, 'not a guid'], false))}; x=1`;
    expect(readUserCookie(key, header, false)).toEqual([mine]);
    expect(readUserCookie(key, undefined, false)).toEqual([]);
    expect(readUserCookie(key, 'demo_users=garbage', false)).toEqual([]);
  });

  it('over https is read from the __Host- cookie only: a validly signed plain one someone planted is ignored', () => {
    const planted = `demo_users=${valueOf(userCookieHeader(key, [theirs], false))}`;
    const own = `__Host-demo_users=${valueOf(userCookieHeader(key, [mine], true))}`;
    expect(readUserCookie(key, planted, true)).toEqual([]);
    expect(readUserCookie(key, `${planted}; ${own}`, true)).toEqual([mine]);
    expect(readUserCookie(key, `${own}; ${planted}`, true)).toEqual([mine]);
    // and over http the __Host- one (a browser never sends it there) is not read either
    expect(readUserCookie(key, own, false)).toEqual([]);
  });

  it('for a widget server that is not local, refuses a key from the demo or .env.example secret, or a short one', () => {
    const deployed = 'https://connect.example';
    const refused = 'PARTNER_SECRET must be set (at least 16 characters) for a widget server that is not local';
    expect(() => userCookieKey(DEMO_PARTNER_SECRET, deployed)).toThrow(refused);
    expect(() => userCookieKey(ENV_EXAMPLE_PLACEHOLDERS.PARTNER_SECRET, deployed)).toThrow(refused);
    expect(() => userCookieKey('short', deployed)).toThrow(refused);
    expect(userCookieKey('a-real-partner-secret-of-length', deployed)).toHaveLength(32);
    expect(userCookieKey('a-real-partner-secret-of-length', deployed)).not.toEqual(key);
  });
});

describe('the public demo secret', () => {
  const beyond = 'PARTNER_SECRET must be set (at least 16 characters) for a demo page served beyond loopback';

  it('is refused for a demo page bound to more than loopback, even with a local widget server', () => {
    for (const host of [true, '0.0.0.0', '::', '192.168.1.20', 'demo.example'])
      expect(() => userCookieKey(DEMO_PARTNER_SECRET, LOCAL, host), String(host)).toThrow(beyond);
    for (const host of [undefined, 'localhost', '127.0.0.1', '::1'])
      expect(userCookieKey(DEMO_PARTNER_SECRET, LOCAL, host), String(host)).toEqual(key);
    expect(userCookieKey('a-real-partner-secret-of-length', LOCAL, '0.0.0.0')).toHaveLength(32);
  });

  const request = (localAddress: string, headers: Record<string, string>) => ({
    socket: { localAddress },
    headers: { host: '127.0.0.1:4174', ...headers },
  });

  it('serves only requests from this machine: on loopback, naming a loopback host, not forwarded', () => {
    expect(isLocalRequest(request('127.0.0.1', {}))).toBe(true);
    expect(isLocalRequest(request('::ffff:127.0.0.1', { host: 'localhost:4174' }))).toBe(true);
    expect(isLocalRequest(request('::1', { host: '[::1]:4174' }))).toBe(true);
    expect(isLocalRequest(request('192.168.1.20', {}))).toBe(false);
    // a name rebound to 127.0.0.1 by its DNS, or a proxy on this machine exposing the page
    expect(isLocalRequest(request('127.0.0.1', { host: 'rebound.example:4174' }))).toBe(false);
    expect(isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toBe(false);
    expect(isLocalRequest(request('127.0.0.1', { forwarded: 'for=203.0.113.9' }))).toBe(false);
    expect(isLocalRequest({ socket: {}, headers: {} })).toBe(false);
  });

  it('is public: a cookie anyone signs with it is not a secret one', () => {
    expect(isPublicSecret(DEMO_PARTNER_SECRET)).toBe(true);
    expect(isPublicSecret(ENV_EXAMPLE_PLACEHOLDERS.PARTNER_SECRET)).toBe(true);
    expect(isPublicSecret('short')).toBe(true);
    expect(isPublicSecret('a-real-partner-secret-of-length')).toBe(false);
  });
});

describe('a user_guid sent to the demo back end', () => {
  it('is taken only when this browser remembers it; another user’s, or one of the wrong type, is refused', () => {
    expect(boundUser({ user_guid: mine }, [mine])).toBe(mine);
    expect(boundUser({ user_guid: theirs }, [mine])).toBe('refused');
    expect(boundUser({ user_guid: theirs }, [])).toBe('refused');
    expect(boundUser({ user_guid: [mine] }, [mine])).toBe('refused');
    expect(boundUser({}, [mine])).toBeNull();
    expect(boundUser({ user_guid: null }, [])).toBeNull();
  });
});
