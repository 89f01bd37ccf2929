// @vitest-environment node
import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { mintSessionToken, verifySessionToken, type WidgetSession } from './sessions';

const SECRET = 'a-test-session-secret-that-is-long-enough';
const session: WidgetSession = {
  user_guid: 'USR-1',
  session_guid: 'SES-1',
  parent_origin: 'https://partner.example',
  options: { mode: 'aggregation' },
};

describe('widget session tokens', () => {
  it('round-trips the session it names', async () => {
    const token = await mintSessionToken(SECRET, session, 600);
    const check = await verifySessionToken(SECRET, token);
    expect(check).toMatchObject({ ok: true, session });
  });

  it('never lives longer than 30 minutes, whatever it is asked for', async () => {
    const now = 1_800_000_000;
    const token = await mintSessionToken(SECRET, session, 86_400, now);
    const check = await verifySessionToken(SECRET, await mintSessionToken(SECRET, session, 86_400));
    expect(check.ok).toBe(true);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
    expect(payload.exp - now).toBe(1_800);
  });

  it('an expired token is "expired"', async () => {
    const token = await mintSessionToken(SECRET, session, 60, Math.floor(Date.now() / 1000) - 3_600);
    expect(await verifySessionToken(SECRET, token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('a tampered payload or a foreign key is "invalid"', async () => {
    const token = await mintSessionToken(SECRET, session, 600);
    const [header, payload, signature] = token.split('.');
    const other = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'USR-2' }),
    ).toString('base64url');
    expect(await verifySessionToken(SECRET, `${header}.${other}.${signature}`)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const forged = await mintSessionToken('another-secret-that-is-long-enough-too', session, 600);
    expect(await verifySessionToken(SECRET, forged)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('alg "none", a token that lives too long, and garbage are all "invalid", never a throw', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: 'USR-1' }),
    ).toString('base64url')}.`;
    const now = Math.floor(Date.now() / 1000);
    const long = await sign(
      {
        iss: 'connect-widget-server',
        aud: 'connect-widget-api',
        sub: 'U',
        sid: 'S',
        origin: 'o',
        iat: now,
        exp: now + 99_999,
      },
      SECRET,
      'HS256',
    );
    for (const token of [none, long, '', 'x', 'a.b.c', '....', '\u0000\u0001', 'é'.repeat(5_000)]) {
      expect(await verifySessionToken(SECRET, token)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});
