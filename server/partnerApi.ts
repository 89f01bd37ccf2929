import { fieldPath } from '../sdk/src/contract/mx';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { mintSessionToken, WEBVIEW_PARENT } from './sessions';
import { errorJson } from './errors';
import type { Upstream } from './upstreams/types';
import { WIDGET_URL_OPTIONS } from './widgetOptions';

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

const scalar = z.union([z.string().trim().max(200), z.boolean(), z.number()]).optional();
const widgetUrlBody = z.object({
  widget_url: z
    .object({ widget_type: z.literal('connect_widget'), parent_origin: z.string().trim().optional() })
    .extend(
      Object.fromEntries(WIDGET_URL_OPTIONS.map((k) => [k, scalar])) as Record<
        (typeof WIDGET_URL_OPTIONS)[number],
        typeof scalar
      >,
    ),
  parent_origin: z.string().trim().optional(),
});
const userBody = z.object({
  user: z
    .object({ id: z.string().trim().max(200).optional(), email: z.string().trim().max(200).optional() })
    .default({}),
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

async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | Response> {
  let raw: unknown;
  try {
    raw = JSON.parse((await request.text()) || '{}');
  } catch {
    return errorJson(400, 'Malformed JSON in request body.');
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const field = fieldPath(parsed.error.issues[0]?.path ?? []);
  return errorJson(400, `Invalid field "${field}".`);
}

/** What a partner's back end calls: create users, mint widget URLs carrying a signed session. */
export function partnerApi(options: PartnerApiOptions) {
  const partner = new Hono();
  partner.use('*', partnerAuth({ secret: options.partnerSecret }));
  partner.use('*', bodyLimit({ maxSize: 16 * 1024, onError: () => errorJson(413, 'Request body is too large.') }));

  partner.post('/users', async (c) => {
    const body = await readJson(c.req.raw, userBody);
    if (body instanceof Response) return body;
    return options.upstream({ method: 'POST', path: '/users', search: '', body: JSON.stringify(body) });
  });

  partner.post('/users/:user_guid/widget_urls', async (c) => {
    const userGuid = c.req.param('user_guid');
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(userGuid)) return errorJson(404, 'User not found.');
    const body = await readJson(c.req.raw, widgetUrlBody);
    if (body instanceof Response) return body;
    // a native app's WebView has no parent page: its session is bound to no origin (nothing may frame it)
    const webview = ['true', '1'].includes(String(body.widget_url.is_mobile_webview ?? ''));
    const parentOrigin = webview ? WEBVIEW_PARENT : (body.widget_url.parent_origin ?? body.parent_origin);
    if (!webview && (!parentOrigin || !options.hostOrigins.includes(parentOrigin))) {
      return c.json(
        {
          error: {
            message: 'parent_origin must be one of the host origins this server allows (CONNECT_HOST_ORIGINS).',
            status: 422,
            field: 'parent_origin',
          },
        },
        422,
      );
    }
    const widgetOptions: Record<string, string> = {};
    for (const key of WIDGET_URL_OPTIONS) {
      const value = body.widget_url[key];
      if (value !== undefined && value !== '') widgetOptions[key] = String(value);
    }
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
    return c.json({ widget_url: { type: 'connect_widget', url: url.toString(), user_id: null } });
  });

  return partner;
}
