import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_SECRET } from '../server/config';
import { demoBackendMiddleware } from './backend';
import { userCookieHeader, userCookieKey } from './userCookie';

const WIDGET = 'http://localhost:4173';

/** What the middleware answered (status and JSON body), or 'next' when it passed the request on. */
function ask(
  secret: string,
  url: string,
  { localAddress = '127.0.0.1', headers = {} }: { localAddress?: string; headers?: Record<string, string> } = {},
) {
  const answer: { status?: number; body?: { error?: { message?: string; status?: number } }; next?: boolean } = {};
  const req = {
    url,
    method: 'GET',
    socket: { localAddress },
    headers: { host: '127.0.0.1:4174', ...headers },
  } as unknown as IncomingMessage;
  const res = {
    statusCode: 0,
    setHeader: () => res,
    end(text: string) {
      answer.status = res.statusCode;
      answer.body = JSON.parse(text) as typeof answer.body;
    },
  };
  demoBackendMiddleware({ widgetOrigin: () => WIDGET, partnerSecret: () => secret })(
    req,
    res as unknown as ServerResponse,
    () => (answer.next = true),
  );
  return answer;
}

describe('the demo back end', () => {
  const forged = `demo_users=${userCookieHeader(userCookieKey(DEMO_PARTNER_SECRET, WIDGET), ['USR-victim'], false).split(/[=;]/)[1]}`;

  it('with the public demo secret, refuses a request from beyond this machine, a forged cookie and all', () => {
    for (const url of ['/demo/users', '/demo/widget-url', '/demo/skip-ahead']) {
      const answer = ask(DEMO_PARTNER_SECRET, url, { localAddress: '192.168.1.20', headers: { cookie: forged } });
      expect(answer.status, url).toBe(403);
      expect(answer.body?.error?.message).toMatch(/serves this machine only: set PARTNER_SECRET/);
    }
    // a proxy on this machine forwarding it counts as beyond
    expect(ask(DEMO_PARTNER_SECRET, '/demo/users', { headers: { 'x-forwarded-for': '203.0.113.9' } }).status).toBe(403);
    // this machine's own browser is served
    expect(ask(DEMO_PARTNER_SECRET, '/demo/users', { headers: { cookie: forged } })).toMatchObject({
      status: 200,
      body: { users: ['USR-victim'] },
    });
  });

  it('with a real secret, serves the page wherever it is, and the demo-signed cookie opens no one', () => {
    const answer = ask('a-real-partner-secret-of-length', '/demo/users', {
      localAddress: '192.168.1.20',
      headers: { host: 'demo.example', cookie: forged },
    });
    expect(answer).toMatchObject({ status: 200, body: { users: [] } });
  });

  it('over https reads the __Host- cookie only, never a plain one someone planted for the site', () => {
    const key = userCookieKey(DEMO_PARTNER_SECRET, WIDGET);
    const value = (users: string[], secure: boolean) => userCookieHeader(key, users, secure).split(/[=;]/)[1];
    const planted = `demo_users=${value(['USR-planter'], false)}`;
    const own = `__Host-demo_users=${value(['USR-mine'], true)}`;
    // a same-origin GET carries no Origin: its Referer gives the page's scheme
    const https = { referer: 'https://127.0.0.1:4174/' };
    expect(ask(DEMO_PARTNER_SECRET, '/demo/users', { headers: { ...https, cookie: planted } }).body).toEqual({
      users: [],
    });
    expect(
      ask(DEMO_PARTNER_SECRET, '/demo/users', { headers: { ...https, cookie: `${planted}; ${own}` } }).body,
    ).toEqual({ users: ['USR-mine'] });
    expect(ask(DEMO_PARTNER_SECRET, '/demo/users', { headers: { cookie: `${planted}; ${own}` } }).body).toEqual({
      users: ['USR-planter'],
    });
  });

  it('refuses a user named in the URL with a message, as it refuses one in the body', () => {
    for (const url of ['/demo/widget-url?user_guid=USR-victim', '/demo/skip-ahead?user_guid=USR-victim']) {
      const answer = ask(DEMO_PARTNER_SECRET, url);
      expect(answer.status, url).toBe(403);
      expect(answer.body?.error).toEqual({
        message: 'A user_guid is taken from the request body only, and only for a user this browser created here.',
        status: 403,
      });
    }
  });

  it('passes every other path on', () => {
    expect(ask(DEMO_PARTNER_SECRET, '/index.html').next).toBe(true);
    expect(ask(DEMO_PARTNER_SECRET, '/?user_guid=USR-victim').next).toBe(true);
  });
});
