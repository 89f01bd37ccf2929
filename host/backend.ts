import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { WIDGET_URL_OPTIONS } from '../sdk/src/contract/widgetOptions';
import { MX_MEDIA_TYPE } from '../server/upstreams/mock/http';
import {
  boundUser,
  isLocalRequest,
  isPublicSecret,
  readUserCookie,
  userCookieHeader,
  userCookieKey,
} from './userCookie';

/**
 * The demo partner's own back end. It holds the partner secret and calls the widget server's
 * partner API; the page in the browser never does (that API wants the secret, and grants no CORS).
 * Here that back end is a middleware of the host page's dev/preview server.
 */
export interface DemoBackendOptions {
  /** where the widget server lives, read at request time (the test server picks its own port) */
  widgetOrigin: () => string;
  /** the partner secret this back end holds (never sent to the page) */
  partnerSecret: () => string;
}

const MAX_BODY_BYTES = 8 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/** The partner API's refusal: its status, and its message (which names the option at fault, never a value). */
class PartnerApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function callPartnerApi<T>(origin: string, secret: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${origin}/partner${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: MX_MEDIA_TYPE, authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
    const message = typeof refusal?.error?.message === 'string' ? refusal.error.message.slice(0, 300) : '';
    throw new PartnerApiError(response.status, message || `${path}: HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

/** The page's own origin, as the browser sent it: the only parent_origin this back end mints for. */
function pageOrigin(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (typeof origin !== 'string' || typeof host !== 'string') return null;
  try {
    return new URL(origin).host === host ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether the page asking came over https: the connection itself, or the scheme of the page's own
 * Origin (a POST) or Referer (a same-origin GET sends no Origin) when it names this host. It picks
 * the one cookie name read and written (userCookie.ts: never the plain one over https).
 */
function overHttps(req: IncomingMessage): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  const host = req.headers.host;
  const sent = req.headers.origin ?? req.headers.referer;
  if (typeof sent !== 'string' || typeof host !== 'string') return false;
  try {
    const url = new URL(sent);
    return url.host === host && url.protocol === 'https:';
  } catch {
    return false;
  }
}

const DAY_MS = 24 * 60 * 60_000;

/** The refusal of a user_guid this browser did not create here (never echoes the guid it was sent). */
const NOT_YOURS = {
  error: {
    message: 'This browser did not create that user: the demo opens the widget only for users it made here.',
    status: 403,
  },
};

/** The refusal of a request from beyond this machine while the back end holds a public secret. */
const LOCAL_ONLY = {
  error: {
    message:
      'This demo holds the public demo partner secret, so it serves this machine only: set PARTNER_SECRET (at least 16 characters) to serve it to others.',
    status: 403,
  },
};

/** The refusal of a user named in the URL: a link or a hand-made request cannot pick the user. */
const USER_IN_URL = {
  error: {
    message: 'A user_guid is taken from the request body only, and only for a user this browser created here.',
    status: 403,
  },
};

export function demoBackendMiddleware(
  { widgetOrigin, partnerSecret }: DemoBackendOptions,
  pageHost?: string | boolean,
): Connect.NextHandleFunction {
  // derived once per partner secret and widget server (both are read at request time)
  let cached: { from: string; key: Buffer } | null = null;
  const cookieKey = () => {
    const [secret, widget] = [partnerSecret(), widgetOrigin()];
    if (cached?.from !== `${widget} ${secret}`)
      cached = { from: `${widget} ${secret}`, key: userCookieKey(secret, widget, pageHost) };
    return cached.key;
  };
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (!url.pathname.startsWith('/demo/')) return next();
    // anyone can sign a cookie with a public secret: only this machine's own browser is served
    if (isPublicSecret(partnerSecret()) && !isLocalRequest(req)) return send(res, 403, LOCAL_ONLY);
    if (url.searchParams.has('user_guid')) return send(res, 403, USER_IN_URL);
    const remembered = () => readUserCookie(cookieKey(), req.headers.cookie, overHttps(req));
    if (url.pathname === '/demo/users') {
      // the page starts from what this back end remembers, never from a user named in its URL
      if (req.method !== 'GET') return send(res, 405, { error: { message: 'GET only', status: 405 } });
      return send(res, 200, { users: remembered() });
    }
    if (url.pathname === '/demo/skip-ahead') return skipAhead(req, res, widgetOrigin(), remembered());
    if (url.pathname !== '/demo/widget-url') return next();
    if (req.method !== 'POST') return send(res, 405, { error: { message: 'POST only', status: 405 } });
    const origin = pageOrigin(req);
    // only this demo page may ask (a same-origin fetch carries its Origin)
    if (!origin) return send(res, 403, { error: { message: 'Same-origin requests only.', status: 403 } });
    void (async () => {
      try {
        const input = (await readJson(req)) as { user_guid?: unknown; options?: Record<string, unknown> };
        const users = remembered();
        const named = boundUser(input, users);
        if (named === 'refused') return send(res, 403, NOT_YOURS);
        const widget = widgetOrigin();
        const options: Record<string, string> = {};
        for (const key of WIDGET_URL_OPTIONS) {
          const value = input.options?.[key];
          if (typeof value === 'string' && value.trim()) options[key] = value.trim().slice(0, 200);
        }
        const newUser = async () =>
          (
            await callPartnerApi<{ user: { guid: string } }>(widget, partnerSecret(), '/users', {
              // a partner's id names one user: a second user with the same id would be refused (409)
              user: { id: `demo-${randomUUID()}` },
            })
          ).user.guid;
        const mint = (user: string) =>
          callPartnerApi<{ widget_url: { url: string } }>(
            widget,
            partnerSecret(),
            `/users/${encodeURIComponent(user)}/widget_urls`,
            { widget_url: { widget_type: 'connect_widget', ...options, parent_origin: origin } },
          );
        let userGuid = named ?? (await newUser());
        const minted = await mint(userGuid).catch(async (error: unknown) => {
          // a remembered user the (restarted) mock no longer knows: go on as a new one
          if (!(error instanceof PartnerApiError) || error.status !== 404 || named === null) throw error;
          userGuid = await newUser();
          return mint(userGuid);
        });
        // remember it (the newest last; a forgotten one dropped): only now may this browser name it
        const kept = [...users.filter((u) => u !== userGuid && u !== named), userGuid];
        res.setHeader('set-cookie', userCookieHeader(cookieKey(), kept, overHttps(req)));
        send(res, 200, { url: minted.widget_url.url, widget_origin: widget, user_guid: userGuid });
      } catch (error) {
        // the partner API's refusals (422 naming an option) reach the page as they are; anything else is 502
        const status = error instanceof PartnerApiError && error.status < 500 ? error.status : 502;
        send(res, status, {
          error: { message: error instanceof Error ? error.message : 'could not mint a widget URL', status },
        });
      }
    })();
  };
}

/**
 * "Skip ahead one day": moves this user's microdeposits (and members) a day on in the mock's
 * virtual time, through the mock's control API (off unless MOCK_CONTROL_API=1; never in production).
 */
function skipAhead(req: IncomingMessage, res: ServerResponse, widget: string, remembered: readonly string[]) {
  if (req.method !== 'POST') return send(res, 405, { error: { message: 'POST only', status: 405 } });
  if (!pageOrigin(req)) return send(res, 403, { error: { message: 'Same-origin requests only.', status: 403 } });
  void (async () => {
    try {
      const input = (await readJson(req)) as { user_guid?: unknown };
      const user = boundUser(input, remembered);
      if (user === null) return send(res, 400, { error: { message: 'user_guid is required.', status: 400 } });
      if (user === 'refused') return send(res, 403, NOT_YOURS);
      const response = await fetch(`${widget}/mock/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance_ms: DAY_MS, user_guid: user }),
        signal: AbortSignal.timeout(10_000),
      });
      send(
        res,
        response.ok ? 200 : response.status,
        response.ok ? { ok: true } : { error: { status: response.status } },
      );
    } catch (error) {
      send(res, 502, { error: { message: error instanceof Error ? error.message : 'mock clock', status: 502 } });
    }
  })();
}

/** The demo page may not be framed by anyone: it is a partner's page, not a widget. */
export function hostPageHeaders(): Connect.NextHandleFunction {
  return (_req, res, next) => {
    res.setHeader(
      'Content-Security-Policy',
      "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'",
    );
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  };
}

export function demoBackendPlugin(options: DemoBackendOptions): Plugin {
  return {
    name: 'demo-partner-backend',
    configureServer(server) {
      const host = server.config.server.host;
      // refuses to start with a public partner secret where others could reach the page or the widget
      // server: the secret signs the user cookie
      userCookieKey(options.partnerSecret(), options.widgetOrigin(), host);
      server.middlewares.use(hostPageHeaders());
      server.middlewares.use(demoBackendMiddleware(options, host));
    },
    configurePreviewServer(server) {
      const host = server.config.preview.host;
      userCookieKey(options.partnerSecret(), options.widgetOrigin(), host);
      server.middlewares.use(hostPageHeaders());
      server.middlewares.use(demoBackendMiddleware(options, host));
    },
  };
}
