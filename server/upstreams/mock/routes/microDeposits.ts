import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { isValidRoutingNumber } from '../../../../sdk/src/contract/routingNumber';
import { ACCOUNT_NUMBER_PATTERN, MAX_DEPOSIT, MIN_DEPOSIT } from '../../../../sdk/src/contract/microdeposits';
import { HttpError, json, optionalString, paginate, pageRequest, readBody } from '../http';
import { microdepositView, routingCheck, verifyAmounts, type MicrodepositRecord } from '../microdeposits';
import { ownedAll, ownedBy, userNamed, type BackendState } from '../state';
import { emailAddress, finiteNumber, object } from '../../../validation';

const routingNumber = v.pipe(v.string(), v.trim(), v.check(isValidRoutingNumber, 'must be a valid ABA routing number'));
const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));

const createBody = object({
  micro_deposit: object({
    account_number: v.optional(v.pipe(v.string(), v.trim(), v.regex(ACCOUNT_NUMBER_PATTERN, 'must be 4 to 17 digits'))),
    account_type: v.optional(v.picklist(['CHECKING', 'SAVINGS'])),
    account_name: optionalString,
    routing_number: v.optional(routingNumber),
    first_name: v.optional(name),
    last_name: v.optional(name),
    email: v.optional(emailAddress),
  }),
});

const amount = v.pipe(finiteNumber, v.minValue(MIN_DEPOSIT), v.maxValue(MAX_DEPOSIT));
const verifyBody = object({ micro_deposit: object({ deposit_amount_1: amount, deposit_amount_2: amount }) });

/** At most this many per user, so that one user cannot grow the mock without bound. */
const MAX_PER_USER = 20;

/** MX's microdeposit routes under a user, plus the (non-MX) routing-number check. */
export function userMicrodepositRoutes(state: BackendState) {
  const routes = new Hono();
  const userOf = (c: Context) => userNamed(state, c.req.param('user_guid'));
  const recordOf = (c: Context): MicrodepositRecord => {
    const user = userOf(c);
    const guid = c.req.param('micro_deposit_guid') ?? '';
    return ownedBy(state.microDeposits, user, guid, 'Microdeposit');
  };
  const view = (record: MicrodepositRecord) => microdepositView(record, state.catalogue, state.clock.now());

  routes.get('/', (c) => {
    const user = userOf(c);
    const { items, pagination } = paginate(ownedAll(state.microDeposits, user), pageRequest(c));
    return json(c, { micro_deposits: items.map(view), pagination });
  });

  routes.post('/', async (c) => {
    const user = userOf(c);
    const { micro_deposit: body } = await readBody(c, createBody);
    if (ownedAll(state.microDeposits, user).length >= MAX_PER_USER)
      throw new HttpError(422, `A user may have at most ${MAX_PER_USER} microdeposits.`);
    const details = body.account_number !== undefined || body.routing_number !== undefined;
    if (details) {
      const required = <K extends 'account_number' | 'account_type' | 'routing_number'>(field: K) => {
        const value = body[field];
        if (!value)
          throw new HttpError(400, `Invalid field "micro_deposit.${field}": required.`, {
            field: `micro_deposit.${field}`,
          });
        return value;
      };
      required('account_number');
      required('account_type');
      const { check } = routingCheck(state.catalogue, required('routing_number'));
      if (check === 'INVALID' || check === 'BLOCKED' || check === 'CLIENT_BLOCKED') {
        throw new HttpError(422, `Microdeposits cannot be sent to this routing number (${check}).`, {
          field: 'micro_deposit.routing_number',
        });
      }
    } else if (!body.first_name || !body.last_name || !body.email) {
      throw new HttpError(400, 'A pre-initiated microdeposit needs first_name, last_name and email.', {
        field: 'micro_deposit',
      });
    }
    const now = state.clock.now();
    const record: MicrodepositRecord = {
      guid: `MIC-${state.nextId()}`,
      user_guid: user.guid,
      account_number: body.account_number ?? null,
      account_type: body.account_type ?? null,
      account_name: body.account_name ?? null,
      routing_number: body.routing_number ?? null,
      first_name: body.first_name ?? null,
      last_name: body.last_name ?? null,
      email: body.email ?? null,
      createdAt: now,
      initiatedAt: details ? now : null,
      wrongAttempts: 0,
      decided: null,
      verifiedAt: null,
      updatedAt: now,
    };
    state.microDeposits.set(record.guid, record);
    return json(c, { micro_deposit: view(record) });
  });

  routes.get('/:micro_deposit_guid', (c) => json(c, { micro_deposit: view(recordOf(c)) }));

  routes.delete('/:micro_deposit_guid', (c) => {
    state.microDeposits.delete(recordOf(c).guid);
    return c.body(null, 204);
  });

  return routes;
}

/** MX's verify (no user in the path) and the routing-number check. */
export function microdepositRoutes(state: BackendState) {
  const routes = new Hono();

  routes.get('/routing_numbers/:routing_number', (c) => {
    const number = c.req.param('routing_number');
    if (!isValidRoutingNumber(number)) {
      return json(c, { routing_number: { routing_number: number, check: 'INVALID', institution_codes: [] } });
    }
    const { check, codes } = routingCheck(state.catalogue, number);
    return json(c, { routing_number: { routing_number: number, check, institution_codes: codes } });
  });

  routes.put('/:micro_deposit_guid/verify', async (c) => {
    const guid = c.req.param('micro_deposit_guid');
    const record = state.microDeposits.get(guid);
    if (!record) throw new HttpError(404, `Microdeposit not found: ${guid}`);
    const { micro_deposit: body } = await readBody(c, verifyBody);
    const now = state.clock.now();
    const result = verifyAmounts(record, [body.deposit_amount_1, body.deposit_amount_2], now);
    if (!result.ok) throw new HttpError(result.status, result.message);
    return json(c, { micro_deposit: microdepositView(record, state.catalogue, now) });
  });

  return routes;
}
