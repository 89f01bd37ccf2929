import { Hono } from 'hono';
import { z } from 'zod';
import { HttpError, json, optionalString, readBody } from '../http';
import { WIDGET_URL_OPTIONS } from '../../../widgetOptions';
import type { BackendState } from '../state';

const createUserBody = z.object({
  user: z.object({ id: optionalString, email: optionalString, metadata: optionalString }).default({}),
});

const WIDGET_PARAMS = [...WIDGET_URL_OPTIONS, 'parent_origin'] as const;

const scalar = z.union([z.string().trim(), z.boolean(), z.number()]).optional();
const widgetUrlBody = z.object({
  widget_url: z
    .object({ widget_type: z.literal('connect_widget') })
    .extend(
      Object.fromEntries(WIDGET_PARAMS.map((k) => [k, scalar])) as Record<
        (typeof WIDGET_PARAMS)[number],
        typeof scalar
      >,
    ),
  parent_origin: z.string().trim().optional(),
});

export function userRoutes(state: BackendState, widgetOrigin: (request: Request) => string) {
  const routes = new Hono();

  routes.post('/', async (c) => {
    const body = await readBody(c, createUserBody);
    const guid = `USR-${state.nextId()}`;
    const user = {
      guid,
      id: body.user.id ?? null,
      email: body.user.email ?? null,
      metadata: body.user.metadata ?? null,
    };
    state.users.set(guid, user);
    return json(c, { user: { ...user, is_disabled: false } });
  });

  routes.post('/:user_guid/widget_urls', async (c) => {
    const user = state.users.get(c.req.param('user_guid'));
    if (!user) throw new HttpError(404, `User not found: ${c.req.param('user_guid')}`);
    const body = await readBody(c, widgetUrlBody);
    const url = new URL('/', widgetOrigin(c.req.raw));
    url.searchParams.set('user_guid', user.guid);
    url.searchParams.set('session_guid', `SES-${state.nextId()}`);
    const config: Record<string, unknown> = {
      ...body.widget_url,
      parent_origin: body.widget_url.parent_origin ?? body.parent_origin,
    };
    for (const key of WIDGET_PARAMS) {
      const value = config[key];
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return json(c, { widget_url: { type: 'connect_widget', url: url.toString(), user_id: user.id } });
  });

  return routes;
}
