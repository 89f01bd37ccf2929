// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bearer, partnerSession, testApp } from './testSupport';
import { SANDBOX_ROUTING_NUMBERS } from './upstreams/mock/catalogue';
import {
  DEPOSITED_AFTER_MS,
  REQUESTED_AFTER_MS,
  SANDBOX_AMOUNTS,
  SANDBOX_CHECK_NUMBERS,
  SANDBOX_VALID_NUMBER,
} from './upstreams/mock/microdeposits';

async function setUp() {
  const { app, mock, config } = testApp({}, { controlApi: true });
  const session = await partnerSession(app, config.PARTNER_SECRET);
  const headers = bearer(session.token);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, never>) : null, text };
  };
  const advance = (ms: number) =>
    mock.backend.fetch(
      new Request('http://mock.test/mock/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance_ms: ms }),
      }),
    );
  return { app, config, session, call, advance };
}

const details = (accountNumber = '123456789', routing = SANDBOX_VALID_NUMBER) => ({
  micro_deposit: {
    account_number: accountNumber,
    account_type: 'CHECKING',
    routing_number: routing,
    first_name: 'Jane',
    last_name: 'Doe',
    email: 'jane@example.com',
  },
});

type Micro = { micro_deposit: { guid: string; status: string; account_number: string } };

describe('microdeposits through the server', () => {
  it('check routing numbers: every sandbox outcome', async () => {
    const { call } = await setUp();
    const check = async (n: string) =>
      (
        (await call('GET', `/micro_deposits/routing_numbers/${n}`)).json as unknown as {
          routing_number: { check: string };
        }
      ).routing_number.check;
    expect(await check(SANDBOX_VALID_NUMBER)).toBe('VALID');
    expect(await check(SANDBOX_CHECK_NUMBERS.INVALID)).toBe('INVALID');
    expect(await check(SANDBOX_CHECK_NUMBERS.BLOCKED)).toBe('BLOCKED');
    expect(await check(SANDBOX_CHECK_NUMBERS.CLIENT_BLOCKED)).toBe('CLIENT_BLOCKED');
    expect(await check(SANDBOX_ROUTING_NUMBERS.mxbank ?? '')).toBe('IAV_PREFERRED');
    expect(await check('123456789')).toBe('INVALID');
  });

  it('INITIATED → REQUESTED → DEPOSITED over virtual time; the right amounts verify it', async () => {
    const { call, advance, session } = await setUp();
    const created = await call('POST', `/users/${session.user}/micro_deposits`, details());
    expect(created.status).toBe(200);
    const micro = (created.json as unknown as Micro).micro_deposit;
    expect(micro.status).toBe('INITIATED');
    expect(micro.account_number).toBe('****6789');
    expect(created.text).not.toContain('123456789');
    const read = async () =>
      ((await call('GET', `/users/${session.user}/micro_deposits/${micro.guid}`)).json as unknown as Micro)
        .micro_deposit.status;
    await advance(REQUESTED_AFTER_MS);
    expect(await read()).toBe('REQUESTED');
    await advance(DEPOSITED_AFTER_MS);
    expect(await read()).toBe('DEPOSITED');
    const [one, two] = SANDBOX_AMOUNTS;
    const verified = await call('PUT', `/micro_deposits/${micro.guid}/verify`, {
      micro_deposit: { deposit_amount_1: two, deposit_amount_2: one },
    });
    expect((verified.json as unknown as Micro).micro_deposit.status).toBe('VERIFIED');
  });

  it('wrong amounts → DENIED, the third wrong pair → PREVENTED', async () => {
    const { call, advance, session } = await setUp();
    const micro = ((await call('POST', `/users/${session.user}/micro_deposits`, details())).json as unknown as Micro)
      .micro_deposit;
    await advance(DEPOSITED_AFTER_MS);
    const wrong = () =>
      call('PUT', `/micro_deposits/${micro.guid}/verify`, {
        micro_deposit: { deposit_amount_1: 0.01, deposit_amount_2: 0.02 },
      });
    expect(((await wrong()).json as unknown as Micro).micro_deposit.status).toBe('DENIED');
    expect(((await wrong()).json as unknown as Micro).micro_deposit.status).toBe('DENIED');
    expect(((await wrong()).json as unknown as Micro).micro_deposit.status).toBe('PREVENTED');
    expect((await wrong()).status).toBe(422);
  });

  it('sandbox account numbers end ERRORED, REJECTED, CONFLICTED; blocked routing numbers are refused', async () => {
    const { call, advance, session } = await setUp();
    const guids: string[] = [];
    for (const n of ['10000001', '10000002', '10000003']) {
      guids.push(
        ((await call('POST', `/users/${session.user}/micro_deposits`, details(n))).json as unknown as Micro)
          .micro_deposit.guid,
      );
    }
    await advance(REQUESTED_AFTER_MS);
    const statuses = [];
    for (const g of guids) {
      statuses.push(
        ((await call('GET', `/users/${session.user}/micro_deposits/${g}`)).json as unknown as Micro).micro_deposit
          .status,
      );
    }
    expect(statuses).toEqual(['ERRORED', 'REJECTED', 'CONFLICTED']);
    for (const n of [SANDBOX_CHECK_NUMBERS.BLOCKED, SANDBOX_CHECK_NUMBERS.CLIENT_BLOCKED]) {
      expect((await call('POST', `/users/${session.user}/micro_deposits`, details('123456789', n))).status).toBe(422);
    }
    expect((await call('POST', `/users/${session.user}/micro_deposits`, details('12ab'))).status).toBe(400);
  });

  it('another user cannot read or verify a microdeposit; the account number never reaches the log', async () => {
    const { app, config, call, session } = await setUp();
    const micro = (
      (await call('POST', `/users/${session.user}/micro_deposits`, details('987654321'))).json as unknown as Micro
    ).micro_deposit;
    const other = await partnerSession(app, config.PARTNER_SECRET);
    const headers = bearer(other.token);
    const verify = await app.request(`/api/micro_deposits/${micro.guid}/verify`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ micro_deposit: { deposit_amount_1: 0.07, deposit_amount_2: 0.03 } }),
    });
    expect(verify.status).toBe(404);
    const read = await app.request(`/api/users/${session.user}/micro_deposits/${micro.guid}`, { headers });
    expect(read.status).toBe(403);
    const log = await (await app.request('/mock/log')).text();
    expect(log).not.toContain('987654321');
  });
});
