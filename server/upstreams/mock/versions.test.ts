// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, TEST_ORIGIN, type MockServer } from '../../../src/test/mockServer';
import { MAX_MEMBERS_PER_USER } from './memberRules';
import { negotiateMediaType } from './middleware';
import { MX_BANK, mxBankMember } from './sandbox';

const VENDOR = 'application/vnd.mx.api.v1+json';

let server: MockServer;
beforeEach(() => {
  server = startMockServer();
});

/** A GET to the mock as MX's clients send it: their own Accept and Accept-Version. */
async function get(path: string, headers: Record<string, string>) {
  const response = await server.backend.fetch(new Request(`${TEST_ORIGIN}/api${path}`, { headers }));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as unknown,
  };
}

describe('the mock’s media types', () => {
  it.each([
    [undefined, 'v1', VENDOR],
    ['*/*', 'v20250224', 'application/json'],
    [VENDOR, 'v1', VENDOR],
    [VENDOR, 'v20250224', VENDOR],
    ['application/json', 'v1', 'application/json'],
    [`${VENDOR}, application/json;q=0.9`, 'v1', VENDOR],
    [`${VENDOR};q=0.5, application/json`, 'v1', 'application/json'],
    ['application/*', 'v1', VENDOR],
    ['text/html', 'v1', null],
    ['application/json;q=0, text/plain', 'v20250224', null],
  ] as const)('Accept %s in %s → %s', (accept, version, expected) => {
    expect(negotiateMediaType(accept, version)).toBe(expected);
  });

  it('answers in the type the Accept header asks for, and 406 when it allows neither', async () => {
    expect((await get(`/institutions/${MX_BANK.code}`, { accept: VENDOR })).type).toBe(VENDOR);
    expect((await get(`/institutions/${MX_BANK.code}`, { accept: 'application/json' })).type).toBe('application/json');
    const refused = await get(`/institutions/${MX_BANK.code}`, { accept: 'text/html' });
    expect(refused.status).toBe(406);
    expect(refused.body).toMatchObject({ error: { status: 406 } });
  });

  it('an error is in the negotiated type too', async () => {
    const missing = await get('/institutions/nope', { accept: 'application/json' });
    expect([missing.status, missing.type]).toEqual([404, 'application/json']);
  });
});

describe('Accept-Version: v20250224', () => {
  const v2025 = { accept: 'application/json', 'accept-version': 'v20250224' };

  it('institutions carry supported_products instead of the supports_* flags', async () => {
    const { status, type, body } = await get(`/institutions/${MX_BANK.code}`, v2025);
    expect([status, type]).toEqual([200, 'application/json']);
    const institution = (body as { institution: Record<string, unknown> }).institution;
    expect(institution.supported_products).toEqual(
      expect.arrayContaining(['account_verification', 'identity_verification', 'transaction_history']),
    );
    expect(Object.keys(institution).filter((k) => k.startsWith('supports_') && k !== 'supports_oauth')).toEqual([
      'supports_credentials', // the mock's own extension, not one of MX's product flags
    ]);
    const v1 = (await get(`/institutions/${MX_BANK.code}`, { accept: VENDOR })).body as {
      institution: Record<string, unknown>;
    };
    expect(v1.institution.supports_account_verification).toBe(true);
    expect(v1.institution.supported_products).toBeUndefined();
  });

  it('search filters by supported_products=account_verification as v1 does by its flag', async () => {
    type Page = { institutions: { code: string }[]; pagination: { total_entries: number } };
    const search = async (query: string, headers: Record<string, string>) =>
      (await get(`/institutions?name=bank&${query}`, headers)).body as Page;
    const v1 = await search('supports_account_verification=true', { accept: VENDOR });
    const v2 = await search('supported_products=account_verification', v2025);
    const unfiltered = await search('', v2025);
    expect(v2.institutions.map((i) => i.code)).toEqual(v1.institutions.map((i) => i.code));
    expect(v2.pagination.total_entries).toBe(v1.pagination.total_entries);
    expect(unfiltered.pagination.total_entries).toBeGreaterThan(v1.pagination.total_entries);
  });

  it('any other Accept-Version is a 400', async () => {
    expect((await get(`/institutions/${MX_BANK.code}`, { 'accept-version': 'v2099' })).status).toBe(400);
  });
});

describe('the member cap', () => {
  it(`a user may have ${MAX_MEMBERS_PER_USER} members; one more is a 422 in MX's error shape`, async () => {
    const user = await server.createUser();
    for (let i = 0; i < MAX_MEMBERS_PER_USER; i += 1) await server.createMember(user, 'password', `user${i}`);
    const refused = await server.request('POST', `/api/users/${user}/members`, mxBankMember('password', 'one-more'));
    expect(refused.status).toBe(422);
    expect(refused.json).toEqual({
      error: { status: 422, message: `A user may have at most ${MAX_MEMBERS_PER_USER} members.` },
    });
    // another user is not held back by this one's members
    expect(await server.createMember(await server.createUser(), 'password')).toMatch(/^MBR-/);
  });
});
