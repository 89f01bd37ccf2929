import { beforeEach, describe, expect, it } from 'vitest';
import { serveRaw, startMockServer, type MockServer } from '../test/mockServer';
import { createApiClient, type ApiClient } from './client';
import { SchemaError } from './errors';
import { createManualAccount } from '../features/manualAccounts/manualAccountsApi';
import { microdepositCalls } from '../features/microdeposits/microdepositsApi';
import spec from './fixtures/mx-openapi.json';
import { memberWrites } from './memberWrites';

/**
 * The tolerant reader, against bodies built from MX's published OpenAPI document
 * (scripts/mx-openapi-fixtures.ts): `example` is the spec's own examples, `nulls` the same body
 * with every field the spec marks nullable set to null. Each is served by the mock on its route
 * and read by the widget's client.
 */
type Fixture = { example: unknown; nulls: unknown };
const fixtures: Record<string, Fixture> = spec.fixtures;

const USER = 'USR-tolerant';
const MEMBER = 'MBR-tolerant';
const MICRO = 'MIC-tolerant';
const answer = [{ guid: 'CRD-1', value: 'x' }];
const details = {
  routing_number: '091000019',
  account_number: '3331261',
  account_type: 'CHECKING',
  first_name: 'Ann',
  last_name: 'Lee',
  email: 'ann@example.com',
} as const;

/** route (as the server's allow-list names it) → the client call that reads it */
const calls: Record<string, (api: ApiClient) => Promise<unknown>> = {
  'GET /institutions': (api) => api.searchInstitutions({ name: 'bank' }),
  'GET /institutions/favorites': (api) => api.favoriteInstitutions(),
  'GET /institutions/:institution_code': (api) => api.getInstitution('mxbank'),
  'GET /institutions/:institution_code/credentials': (api) => api.getCredentials('mxbank'),
  'GET /users/:user_guid/members': (api) => api.listMembers(USER),
  'POST /users/:user_guid/members': (api) =>
    memberWrites(api).create(USER, { institutionCode: 'mxbank', credentials: answer }),
  'GET /users/:user_guid/members/:member_guid': (api) => api.getMember(USER, MEMBER),
  'PUT /users/:user_guid/members/:member_guid': (api) => memberWrites(api).update(USER, MEMBER, answer),
  'POST /users/:user_guid/members/:member_guid/aggregate': (api) => memberWrites(api).aggregate(USER, MEMBER),
  'GET /users/:user_guid/members/:member_guid/status': (api) => api.getMemberStatus(USER, MEMBER),
  'PUT /users/:user_guid/members/:member_guid/resume': (api) => memberWrites(api).resume(USER, MEMBER, answer),
  'GET /users/:user_guid/members/:member_guid/oauth_window_uri': (api) =>
    memberWrites(api).oauthWindowUri(USER, MEMBER),
  'GET /users/:user_guid/members/:member_guid/accounts': (api) => api.listAccounts(USER, MEMBER),
  'POST /users/:user_guid/accounts': (api) =>
    createManualAccount(api, USER, { name: 'Cash', account_type: 'CASH', balance: 1, is_business: false }),
  'POST /users/:user_guid/micro_deposits': (api) => microdepositCalls(api).create(USER, details),
  'GET /users/:user_guid/micro_deposits/:micro_deposit_guid': (api) => microdepositCalls(api).get(USER, MICRO),
  'PUT /micro_deposits/:micro_deposit_guid/verify': (api) => microdepositCalls(api).verify(MICRO, [0.07, 0.03]),
};

/**
 * A single object is of no use without its key (a member without a guid, an institution without a
 * code): a SchemaError naming the field, which the step shows as its error screen.
 */
const needsKey: Record<string, string> = {
  'GET /institutions/:institution_code': 'institution.code',
  'POST /users/:user_guid/members': 'member.guid',
  'GET /users/:user_guid/members/:member_guid': 'member.guid',
  'PUT /users/:user_guid/members/:member_guid': 'member.guid',
  'POST /users/:user_guid/members/:member_guid/aggregate': 'member.guid',
  'PUT /users/:user_guid/members/:member_guid/resume': 'member.guid',
  'POST /users/:user_guid/accounts': 'account.guid',
};

let server: MockServer;
let api: ApiClient;
beforeEach(() => {
  server = startMockServer();
  api = createApiClient({ fetch: server.fetch });
});

/** Serves a body on one route, as MX would (the allow-list's `:param` segments become wildcards). */
async function read(route: string, body: unknown): Promise<unknown> {
  const [method, path] = route.split(' ');
  await serveRaw(server, `${method} ${path?.replace(/:\w+/g, '*')}`, JSON.stringify(body));
  const call = calls[route];
  if (!call) throw new Error(`no client call for ${route}`);
  return call(api).catch((error: unknown) => error);
}

describe('every route the widget calls reads what MX’s OpenAPI allows', () => {
  it('covers every route in the fixtures, and the fixtures cover every route the widget calls', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(calls).sort());
  });

  it.each(Object.keys(calls))('%s: the spec’s example body is accepted, extra fields and all', async (route) => {
    const result = await read(route, fixtures[route]?.example);
    expect(result).not.toBeInstanceOf(Error);
  });

  it.each(Object.keys(calls))('%s: every nullable field null is accepted or a named error', async (route) => {
    const result = await read(route, fixtures[route]?.nulls);
    const key = needsKey[route];
    if (key) {
      expect(result).toBeInstanceOf(SchemaError);
      expect((result as SchemaError).field).toBe(key);
    } else {
      expect(result).not.toBeInstanceOf(Error);
    }
  });
});

describe('what the widget makes of the spec’s odd corners', () => {
  it('a microdeposit read keeps only the last four digits of the account number MX sends whole', async () => {
    const route = 'GET /users/:user_guid/micro_deposits/:micro_deposit_guid';
    const read_ = (await read(route, fixtures[route]?.example)) as { account_number: string; status: string };
    expect(read_.account_number).toBe('1261');
    expect(read_.status).toBe('INITIATED');
  });

  const example = (route: string) =>
    structuredClone(fixtures[route]?.example) as Record<string, Record<string, unknown>[]>;

  it('list items it cannot use are left out, the rest kept: institutions without a code', async () => {
    const body = example('GET /institutions');
    const [first] = body.institutions ?? [];
    body.institutions = [
      { ...first, code: null },
      { ...first, code: 'other', name: null },
    ];
    const page = (await read('GET /institutions', body)) as { institutions: { code: string; name: string }[] };
    expect(page.institutions.map((i) => [i.code, i.name])).toEqual([['other', 'other']]);
  });

  it('an MFA option without a value is left out; a challenge left with no option at all is left out', async () => {
    const status = {
      member: {
        guid: MEMBER,
        connection_status: 'CHALLENGED',
        challenges: [
          {
            guid: 'CRD-a',
            label: 'Where do you bank?',
            type: 'OPTIONS',
            options: [
              { guid: null, label: 'Here', value: 'here' },
              { guid: 'OPT-x', label: 'Nowhere', value: null },
            ],
          },
          { guid: 'CRD-b', label: 'Pick one', type: 'OPTIONS', options: [{ label: 'Gone', value: null }] },
          { guid: 'CRD-c', label: null, field_name: 'One-time code', type: 'TOKEN', unknown_field: 1 },
        ],
      },
    };
    const read_ = (await read('GET /users/:user_guid/members/:member_guid/status', status)) as {
      challenges: { guid: string; label: string; options: { guid: string; value: string }[] }[];
    };
    expect(read_.challenges.map((c) => c.guid)).toEqual(['CRD-a', 'CRD-c']);
    expect(read_.challenges[0]?.options).toEqual([{ guid: 'here', label: 'Here', value: 'here' }]);
    expect(read_.challenges[1]?.label).toBe('One-time code');
  });

  it('a challenge of a type it does not know is read from what it carries', async () => {
    const status = {
      member: {
        guid: MEMBER,
        connection_status: 'CHALLENGED',
        challenges: [
          { guid: 'CRD-1', label: 'Which?', type: 'PICK', options: [{ guid: 'o', label: 'A', value: 'a' }] },
          { guid: 'CRD-2', label: 'Type it', type: null },
        ],
      },
    };
    const read_ = (await read('GET /users/:user_guid/members/:member_guid/status', status)) as {
      challenges: { type: string }[];
    };
    expect(read_.challenges.map((c) => c.type)).toEqual(['OPTIONS', 'TEXT']);
  });

  it('a credential of a type it does not know is masked; one without a guid is left out', async () => {
    const body = {
      credentials: [
        { guid: 'CRD-1', field_name: 'LOGIN', label: 'Username', type: 'TEXT' },
        { guid: 'CRD-2', field_name: 'SECRET_WORD', label: 'Secret word', type: 'SECRET' },
        { guid: null, label: 'PIN', type: 'PASSWORD' },
      ],
    };
    const credentials = (await read('GET /institutions/:institution_code/credentials', body)) as {
      guid: string;
      type: string;
    }[];
    expect(credentials.map((c) => [c.guid, c.type])).toEqual([
      ['CRD-1', 'TEXT'],
      ['CRD-2', 'PASSWORD'],
    ]);
  });

  it('a null oauth_window_uri reads as no URL (the OAuth step shows its error screen for it)', async () => {
    const uri = await read(
      'GET /users/:user_guid/members/:member_guid/oauth_window_uri',
      fixtures['GET /users/:user_guid/members/:member_guid/oauth_window_uri']?.nulls,
    );
    expect(uri ?? null).toBeNull();
  });

  it('an account without a name is named by its nickname, else its number', async () => {
    const body = example('GET /users/:user_guid/members/:member_guid/accounts');
    const [first] = body.accounts ?? [];
    body.accounts = [
      { ...first, guid: 'ACT-1', name: null, nickname: null, account_number: '5366' },
      { ...first, guid: null },
    ];
    const accounts = (await read('GET /users/:user_guid/members/:member_guid/accounts', body)) as { name: string }[];
    expect(accounts.map((a) => a.name)).toEqual(['5366']);
  });
});
