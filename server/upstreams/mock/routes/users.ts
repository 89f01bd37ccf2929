import { Hono } from 'hono';
import * as v from 'valibot';
import { HttpError, json, optionalString, paginate, pageRequest, readBody, requiredString } from '../http';
import { addManualAccount } from '../memberRules';
import { MAX_HELP_REQUESTS, userNamed, type UserRecord } from '../state';
import { HELP_FAILS_SANDBOX_TEXT, helpRecord, helpRequestBodySchema } from '../../../help';
import { MANUAL_ACCOUNT_TYPES, MAX_MANUAL_BALANCE } from '../../../../sdk/src/contract/manualAccounts';
import { WIDGET_URL_OPTIONS } from '../../../../sdk/src/contract/widgetOptions';
import type { BackendState } from '../state';
import { finiteNumber, object, wholeNumber } from '../../../validation';

const createUserBody = object({
  user: v.optional(object({ id: optionalString, email: optionalString, metadata: optionalString }), {}),
});

const amount = v.pipe(finiteNumber, v.minValue(0), v.maxValue(MAX_MANUAL_BALANCE));
const createAccountBody = object({
  account: object({
    name: v.pipe(requiredString, v.maxLength(100)),
    account_type: v.picklist(MANUAL_ACCOUNT_TYPES),
    // an overdrawn account's balance is below zero
    balance: v.pipe(finiteNumber, v.minValue(-MAX_MANUAL_BALANCE), v.maxValue(MAX_MANUAL_BALANCE)),
    is_business: v.optional(v.boolean(), false),
    interest_rate: v.nullish(v.pipe(finiteNumber, v.minValue(0), v.maxValue(100))),
    credit_limit: v.nullish(amount),
    original_balance: v.nullish(amount),
    minimum_payment: v.nullish(amount),
    day_payment_is_due: v.nullish(v.pipe(wholeNumber, v.minValue(1), v.maxValue(31))),
    metadata: optionalString,
  }),
});

const WIDGET_PARAMS = [...WIDGET_URL_OPTIONS, 'parent_origin'] as const;

const scalar = v.optional(v.union([v.pipe(v.string(), v.trim()), v.boolean(), finiteNumber]));
const widgetUrlBody = object({
  widget_url: object({
    widget_type: v.literal('connect_widget'),
    ...(Object.fromEntries(WIDGET_PARAMS.map((k) => [k, scalar])) as Record<
      (typeof WIDGET_PARAMS)[number],
      typeof scalar
    >),
  }),
  parent_origin: v.optional(v.pipe(v.string(), v.trim())),
});

export function userRoutes(state: BackendState, widgetOrigin: (request: Request) => string) {
  const routes = new Hono();

  /** MX's list users, filtered by `id` or `email` as MX allows. */
  routes.get('/', (c) => {
    const id = c.req.query('id');
    const email = c.req.query('email');
    const users = [...state.users.values()].filter(
      (user) => (id === undefined || user.id === id) && (email === undefined || user.email === email),
    );
    const { items, pagination } = paginate(users, pageRequest(c));
    return json(c, { users: items.map((user) => ({ ...user, is_disabled: false })), pagination });
  });

  routes.post('/', async (c) => {
    const body = await readBody(c, createUserBody);
    // like MX: a partner's id names one user; MX's 409 does not say which (list users by id does)
    if (body.user.id !== undefined && [...state.users.values()].some((user) => user.id === body.user.id)) {
      throw new HttpError(409, 'A user with this id already exists.', { field: 'user.id' });
    }
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

  const userOf = (guid: string): UserRecord => userNamed(state, guid);

  routes.get('/:user_guid', (c) => json(c, { user: { ...userOf(c.req.param('user_guid')), is_disabled: false } }));

  /** MX's "create manual account": it lands under the user's manual member. */
  routes.post('/:user_guid/accounts', async (c) => {
    const user = userOf(c.req.param('user_guid'));
    const { account } = await readBody(c, createAccountBody);
    const created = addManualAccount(state, user, {
      name: account.name,
      type: account.account_type,
      subtype: 'NONE',
      is_business: account.is_business,
      balance: account.balance,
      interest_rate: account.interest_rate ?? null,
      credit_limit: account.credit_limit ?? null,
      original_balance: account.original_balance ?? null,
      minimum_payment: account.minimum_payment ?? null,
      day_payment_is_due: account.day_payment_is_due ?? null,
    });
    return json(c, { account: created });
  });

  /*
   * Not MX: the mock stands in for the operator's help desk (README "Get help"). The server
   * forwards here in mock mode when no HELP_WEBHOOK_URL is set.
   */
  routes.get('/:user_guid/help', (c) => {
    const user = userOf(c.req.param('user_guid'));
    return json(c, { help: { available: true, email_on_file: user.email !== null } });
  });

  routes.post('/:user_guid/help', async (c) => {
    const user = userOf(c.req.param('user_guid'));
    const { help_request: body } = await readBody(c, helpRequestBodySchema);
    const email = user.email ?? body.email;
    if (!email)
      throw new HttpError(400, 'Invalid field "help_request.email": required.', { field: 'help_request.email' });
    if (body.details.includes(HELP_FAILS_SANDBOX_TEXT)) throw new HttpError(503, 'The help desk is not answering.');
    const record = helpRecord(`HLP-${state.nextId()}`, user.guid, email, body, state.clock.now());
    state.helpRequests.push(record);
    if (state.helpRequests.length > MAX_HELP_REQUESTS) state.helpRequests.shift();
    return json(c, { help_request: { guid: record.guid, received_at: record.received_at } }, 202);
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
