import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_SECRET, ENV_EXAMPLE_PLACEHOLDERS } from '../server/config';
import {
  boundUser,
  COOKIE_MAX_AGE_S,
  decodeUserCookie,
  encodeUserCookie,
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
    expect(readUserCookie(key, header)).toEqual([mine]);
    expect(readUserCookie(key, undefined)).toEqual([]);
    expect(readUserCookie(key, 'demo_users=garbage')).toEqual([]);
  });

  it('for a widget server that is not local, refuses a key from the demo or .env.example secret, or a short one', () => {
    const deployed = 'https://connect.example';
    const refused = 'PARTNER_SECRET must be set for a widget server that is not local';
    expect(() => userCookieKey(DEMO_PARTNER_SECRET, deployed)).toThrow(refused);
    expect(() => userCookieKey(ENV_EXAMPLE_PLACEHOLDERS.PARTNER_SECRET, deployed)).toThrow(refused);
    expect(() => userCookieKey('short', deployed)).toThrow('at least 16 characters');
    expect(userCookieKey('a-real-partner-secret-of-length', deployed)).toHaveLength(32);
    expect(userCookieKey('a-real-partner-secret-of-length', deployed)).not.toEqual(key);
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
