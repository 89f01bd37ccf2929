// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  accountListSchema,
  challengeListSchema,
  credentialListSchema,
  errorBodySchema,
  institutionListSchema,
  memberResponseSchema,
  memberStatusResponseSchema,
  type Challenge,
  type Member,
  type MemberStatus,
} from '../../../src/api/schemas';
import { decideOauth, startMockServer, type MockServer } from '../../../src/test/mockServer';
import { createMockBackend } from './app';
import { MX_BANK, SANDBOX_TIME, SHORT_CHALLENGE_LIFETIME_MS, STEP_MS } from './sandbox';
import { withCheckDigit } from '../../../sdk/src/contract/routingNumber';
import { GENERATED_COUNT, SANDBOX_COUNT } from './catalogue';
import { oauthWindowResponseSchema } from '../../../src/api/memberWrites';

/** Every body is read through the widget's own schemas: the mock must answer what the client accepts. */
const widgetUrlSchema = v.object({ widget_url: v.object({ url: v.string() }) });

let server: MockServer;
let user: string;

beforeEach(async () => {
  server = startMockServer();
  user = await server.createUser();
});

const creds = (code: string, password: string, username = 'jane') => {
  const fields: Record<string, { guid: string; value: string }[]> = {
    mxcu_fields: [
      { guid: 'CRD-mxcu_fields-login', value: username },
      { guid: 'CRD-mxcu_fields-password', value: password },
      { guid: 'CRD-mxcu_fields-branch', value: '042' },
      { guid: 'CRD-mxcu_fields-account_type', value: 'personal' },
    ],
  };
  return (
    fields[code] ?? [
      { guid: `CRD-${code}-login`, value: username },
      { guid: `CRD-${code}-password`, value: password },
    ]
  );
};

async function createMember(password: string, code: string = MX_BANK.code, username = 'jane'): Promise<string> {
  const res = await server.request('POST', `/api/users/${user}/members`, {
    member: { institution_code: code, credentials: creds(code, password, username) },
  });
  expect(res.status).toBe(202);
  return v.parse(memberResponseSchema, res.json).member.guid;
}

async function status(member: string): Promise<MemberStatus> {
  const res = await server.request('GET', `/api/users/${user}/members/${member}/status`);
  expect(res.status).toBe(200);
  return v.parse(memberStatusResponseSchema, res.json).member;
}

/** The member's open challenges (a test that expects some fails here if there are none). */
async function challengesOf(member: string): Promise<[Challenge, ...Challenge[]]> {
  const [first, ...rest] = (await status(member)).challenges ?? [];
  if (!first) throw new Error(`member ${member} has no open challenge`);
  return [first, ...rest];
}

const memberPath = (member: string, rest = '') => `/api/users/${user}/members/${member}${rest}`;

describe('sandbox passwords reach their documented status', () => {
  const outcomes: [string, string][] = [
    ['prevented', 'PREVENTED'],
    ['denied', 'DENIED'],
    ['locked', 'LOCKED'],
    ['impeded', 'IMPEDED'],
    ['impaired', 'IMPAIRED'],
    ['imported', 'IMPORTED'],
    ['degraded', 'DEGRADED'],
    ['disconnected', 'DISCONNECTED'],
    ['discontinued', 'DISCONTINUED'],
    ['closed', 'CLOSED'],
    ['failed', 'FAILED'],
    ['disabled', 'DISABLED'],
    ['not-the-password', 'DENIED'],
  ];
  it.each(outcomes)('%s → CREATED → %s', async (password, expected) => {
    const member = await createMember(password);
    expect((await status(member)).connection_status).toBe('CREATED');
    await server.advance(SANDBOX_TIME.nextStep);
    const s = await status(member);
    expect(s.connection_status).toBe(expected);
    expect(s.is_being_aggregated).toBe(false);
  });

  it.each(['password', 'correct'])('%s → CREATED → CONNECTED, then aggregation finishes', async (password) => {
    const member = await createMember(password);
    await server.advance(SANDBOX_TIME.nextStep);
    expect(await status(member)).toMatchObject({ connection_status: 'CONNECTED', is_being_aggregated: true });
    await server.advance(STEP_MS);
    expect(await status(member)).toMatchObject({
      connection_status: 'CONNECTED',
      is_being_aggregated: false,
      has_processed_accounts: true,
    });
    const accounts = await server.request('GET', memberPath(member, '/accounts'));
    const { accounts: found } = v.parse(accountListSchema, accounts.json);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.account_number).toMatch(/^\*{4}\d{4}$/);
  });

  const challenges: [string, string[]][] = [
    ['challenge', ['TEXT']],
    ['token', ['TOKEN']],
    ['options', ['OPTIONS']],
    ['image', ['IMAGE_DATA']],
    ['image_options', ['IMAGE_OPTIONS']],
    ['multi', ['TEXT', 'OPTIONS']],
    ['expire', ['TEXT']],
  ];
  it.each(challenges)('%s → CHALLENGED with %j', async (password, types) => {
    const member = await createMember(password);
    await server.advance(SANDBOX_TIME.nextStep);
    const s = await status(member);
    expect(s.connection_status).toBe('CHALLENGED');
    expect(s.challenges?.map((c) => c.type)).toEqual(types);
    const listed = await server.request('GET', memberPath(member, '/challenges'));
    expect(v.parse(challengeListSchema, listed.json).challenges).toHaveLength(types.length);
  });

  it('expire: an unanswered challenge becomes EXPIRED after 60 virtual seconds', async () => {
    const member = await createMember('expire');
    await server.advance(SANDBOX_TIME.nextStep);
    await server.advance(SHORT_CHALLENGE_LIFETIME_MS - 1_000);
    expect((await status(member)).connection_status).toBe('CHALLENGED');
    await server.advance(STEP_MS);
    expect((await status(member)).connection_status).toBe('EXPIRED');
    expect((await server.request('GET', memberPath(member, '/challenges'))).status).toBe(204);
  });

  it('delayed → DELAYED for a while → CONNECTED', async () => {
    const member = await createMember('delayed');
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member)).connection_status).toBe('DELAYED');
    await server.advance(SANDBOX_TIME.delayedFor - 10_000);
    expect((await status(member)).connection_status).toBe('DELAYED');
    await server.advance(10_000 + SANDBOX_TIME.settled);
    expect(await status(member)).toMatchObject({ connection_status: 'CONNECTED', is_being_aggregated: false });
  });

  it('reconnected → RECONNECTED; a foreground aggregate → CONNECTED', async () => {
    const member = await createMember('reconnected');
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member)).connection_status).toBe('RECONNECTED');
    expect((await server.request('POST', memberPath(member, '/aggregate'))).status).toBe(202);
    await server.advance(SANDBOX_TIME.settled);
    expect(await status(member)).toMatchObject({ connection_status: 'CONNECTED', is_being_aggregated: false });
  });

  it('every attempt at MX Bank (Discontinued) ends DISCONTINUED', async () => {
    const member = await createMember('password', 'mxbank_gone');
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member)).connection_status).toBe('DISCONTINUED');
  });

  it('a manual member has a null status and is never aggregated', async () => {
    const res = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: MX_BANK.code, is_manual: true },
    });
    expect(res.status).toBe(202);
    const member = v.parse(memberResponseSchema, res.json).member;
    expect(member.connection_status).toBeNull();
    await server.advance(5 * STEP_MS);
    expect((await status(member.guid)).connection_status).toBeNull();
  });
});

describe('MFA answers', () => {
  const right: [string, (c: Challenge) => string][] = [
    ['challenge', () => 'correct'],
    ['token', () => '123456'],
    ['options', (c) => c.options?.find((o) => o.value === 'correct')?.value ?? ''],
    ['image', () => 'correct'],
    ['image_options', (c) => c.image_options?.find((o) => o.value === 'correct')?.guid ?? ''],
  ];

  it.each(right)('%s answered right → RESUMED → CONNECTED', async (password, answer) => {
    const member = await createMember(password);
    await server.advance(SANDBOX_TIME.nextStep);
    const [challenge] = await challengesOf(member);
    const res = await server.request('PUT', memberPath(member, '/resume'), {
      member: { challenges: [{ guid: challenge.guid, value: answer(challenge) }] },
    });
    expect(res.status).toBe(202);
    expect(v.parse(memberResponseSchema, res.json).member.connection_status).toBe('RESUMED');
    await server.advance(SANDBOX_TIME.settled);
    expect((await status(member)).connection_status).toBe('CONNECTED');
  });

  it.each(['challenge', 'token', 'options', 'image', 'image_options'])(
    '%s answered wrong → REJECTED, then Try again brings a fresh challenge',
    async (password) => {
      const member = await createMember(password);
      await server.advance(SANDBOX_TIME.nextStep);
      const [challenge] = await challengesOf(member);
      await server.request('PUT', memberPath(member, '/resume'), {
        member: { challenges: [{ guid: challenge.guid, value: 'nope' }] },
      });
      await server.advance(SANDBOX_TIME.nextStep);
      expect((await status(member)).connection_status).toBe('REJECTED');
      expect((await server.request('POST', memberPath(member, '/aggregate'))).status).toBe(202);
      await server.advance(SANDBOX_TIME.nextStep);
      expect((await status(member)).connection_status).toBe('CHALLENGED');
      const [fresh] = await challengesOf(member);
      expect(fresh.type).toBe(challenge.type);
      expect(fresh.guid).not.toBe(challenge.guid);
    },
  );

  it('multi needs both answers right', async () => {
    const member = await createMember('multi');
    await server.advance(SANDBOX_TIME.nextStep);
    const [text, options] = await challengesOf(member);
    expect(options?.type).toBe('OPTIONS');
    const missing = await server.request('PUT', memberPath(member, '/resume'), {
      member: { challenges: [{ guid: text.guid, value: 'correct' }] },
    });
    expect(missing.status).toBe(422);
    await server.request('PUT', memberPath(member, '/resume'), {
      member: {
        challenges: [
          { guid: text.guid, value: 'correct' },
          { guid: options?.guid ?? '', value: 'correct' },
        ],
      },
    });
    await server.advance(SANDBOX_TIME.settled);
    expect((await status(member)).connection_status).toBe('CONNECTED');
  });

  it('an answer for an unknown challenge is 422', async () => {
    const member = await createMember('challenge');
    await server.advance(SANDBOX_TIME.nextStep);
    const res = await server.request('PUT', memberPath(member, '/resume'), {
      member: { challenges: [{ guid: 'CHL-nope', value: 'x' }] },
    });
    expect(res.status).toBe(422);
    expect(v.parse(errorBodySchema, res.json).error.message).toContain('CHL-nope');
  });
});

describe('credentials', () => {
  it('three DENIED in a row on one member → PREVENTED', async () => {
    const member = await createMember('wrong-1');
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member)).connection_status).toBe('DENIED');
    await server.request('PUT', memberPath(member), { member: { credentials: creds(MX_BANK.code, 'wrong-2') } });
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member)).connection_status).toBe('DENIED');
    await server.request('PUT', memberPath(member), { member: { credentials: creds(MX_BANK.code, 'wrong-3') } });
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member)).connection_status).toBe('PREVENTED');
  });

  it('updating credentials → UPDATED, then the new password’s path', async () => {
    const member = await createMember('denied');
    await server.advance(SANDBOX_TIME.nextStep);
    const res = await server.request('PUT', memberPath(member), {
      member: { credentials: creds(MX_BANK.code, 'password') },
    });
    expect(res.status).toBe(200);
    expect(v.parse(memberResponseSchema, res.json).member.connection_status).toBe('UPDATED');
    await server.advance(SANDBOX_TIME.settled);
    expect((await status(member)).connection_status).toBe('CONNECTED');
  });

  it('a second member for the same user, institution and username is 409', async () => {
    const first = await createMember('password', MX_BANK.code, 'sam');
    const res = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: MX_BANK.code, credentials: creds(MX_BANK.code, 'other', 'SAM') },
    });
    expect(res.status).toBe(409);
    expect(v.parse(errorBodySchema, res.json).error).toMatchObject({ status: 409, existing_member_guid: first });
  });

  it('the credit union’s four fields are all required and in display order', async () => {
    const res = await server.request('GET', '/api/institutions/mxcu_fields/credentials');
    const fields = v.parse(credentialListSchema, res.json).credentials;
    expect(fields.map((f) => [f.label, f.type]).sort()).toEqual(
      [
        ['Account type', 'OPTIONS'],
        ['Branch ID', 'TEXT'],
        ['Member number', 'LOGIN'],
        ['Password', 'PASSWORD'],
      ].sort(),
    );
    const member = await createMember('password', 'mxcu_fields');
    expect(member).toMatch(/^MBR-/);
  });

  it('a missing required credential is 422 naming it', async () => {
    const res = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: MX_BANK.code, credentials: [{ guid: MX_BANK.loginGuid, value: 'jane' }] },
    });
    expect(res.status).toBe(422);
    expect(v.parse(errorBodySchema, res.json).error.message).toBe('Missing required credential: Password');
  });

  it('no response anywhere contains a submitted password', async () => {
    const secret = 'Sup3r-Secret-Pa55';
    const member = await createMember(secret);
    await server.advance(SANDBOX_TIME.nextStep);
    const bodies = await Promise.all([
      server.request('GET', memberPath(member)),
      server.request('GET', memberPath(member, '/status')),
      server.request('GET', `/api/users/${user}/members`),
      server.request('PUT', memberPath(member), { member: { credentials: creds(MX_BANK.code, secret) } }),
      server.request('GET', '/mock/log'),
    ]);
    for (const res of bodies) expect(res.text).not.toContain(secret);
  });

  it('/mock/log redacts credential and answer values', async () => {
    await createMember('hunter2-secret');
    const log = await server.log();
    const post = log.find((e) => e.method === 'POST' && e.path.endsWith('/members'));
    expect(JSON.stringify(post?.body)).not.toContain('hunter2-secret');
    expect(JSON.stringify(post?.body)).toContain('[REDACTED]');
  });
});

describe('errors', () => {
  it('404 for an unknown member, user and institution', async () => {
    expect((await server.request('GET', memberPath('MBR-nope'))).status).toBe(404);
    expect((await server.request('GET', '/api/users/USR-nope/members')).status).toBe(404);
    const res = await server.request('GET', '/api/institutions/nope');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { message: 'Institution not found: nope', status: 404 } });
  });

  it('400 for malformed JSON', async () => {
    const res = await server.request('POST', `/api/users/${user}/members`, '{"member": ');
    expect(res.status).toBe(400);
    expect(v.parse(errorBodySchema, res.json).error.message).toMatch(/Malformed JSON/);
  });

  it.each([
    [{ member: { institution_code: MX_BANK.code, credentials: 'nope' } }, 'member.credentials'],
    [{ member: { institution_code: 42 } }, 'member.institution_code'],
    [{ member: { institution_code: '   ' } }, 'member.institution_code'],
    [
      { member: { institution_code: MX_BANK.code, credentials: [{ guid: 'x', value: 5 }] } },
      'member.credentials[0].value',
    ],
    [{}, 'member'],
  ])('400 for a wrong shape, naming the field (%j)', async (body, field) => {
    const res = await server.request('POST', `/api/users/${user}/members`, body);
    expect(res.status).toBe(400);
    expect(v.parse(errorBodySchema, res.json).error.message).toContain(`"${field}"`);
  });

  it('413 for a body over 64 KiB', async () => {
    const res = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: MX_BANK.code, metadata: 'x'.repeat(70_000) },
    });
    expect(res.status).toBe(413);
  });

  it('a 20 MB body is refused from its Content-Length, before a byte of it is read or logged', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await server.backend.fetch(
      new Request(`http://widget.test/api/users/${user}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(20 * 1024 * 1024) },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    const entry = (await server.log()).at(-1);
    expect(JSON.stringify(entry ?? {}).length).toBeLessThan(500);
  });

  it('a body with no Content-Length is cut off at 64 KiB while streaming', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1_000) controller.close();
        else controller.enqueue(new TextEncoder().encode('x'.repeat(16 * 1024)));
      },
    });
    const res = await server.backend.fetch(
      new Request(`http://widget.test/api/users/${user}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it('415 for a body that is not JSON: a cross-site text/plain POST is never parsed', async () => {
    const res = await server.fetch(`/api/users/${user}/members`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({
        member: { institution_code: MX_BANK.code, credentials: creds(MX_BANK.code, 'password') },
      }),
    });
    expect(res.status).toBe(415);
    const control = await server.fetch('/mock/faults', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ rules: [] }),
    });
    expect(control.status).toBe(415);
  });

  it('no CORS grant of any kind, not even for a local origin or a preflight', async () => {
    const get = await server.fetch(`/api/users/${user}/members`, { headers: { origin: 'http://localhost:9999' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server.fetch(`/api/users/${user}/members/MBR-1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5000',
        'access-control-request-method': 'DELETE',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('JSON answers cannot be rendered as a page: nosniff and a no-script, no-frame policy', async () => {
    const res = await server.request('GET', '/api/institutions/mxbank');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('409 when an aggregation is already running', async () => {
    const member = await createMember('password');
    expect((await server.request('POST', memberPath(member, '/aggregate'))).status).toBe(409);
  });

  it('injected faults: 503, 429 with Retry-After, malformed bodies, then cleared', async () => {
    await server.request('POST', '/mock/faults', {
      rules: [
        { route: '/institutions/favorites', kind: 'status', status: 429, rate: 1, retry_after_s: 3 },
        { route: 'GET /institutions/*', kind: 'malformed', rate: 1 },
        { route: '/users/*/members', kind: 'status', status: 503, rate: 0.5 },
      ],
    });
    const limited = await server.request('GET', '/api/institutions/favorites');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const malformed = await server.request('GET', '/api/institutions/mxbank');
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeNull();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await server.request('GET', `/api/users/${user}/members`)).status);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    await server.request('DELETE', '/mock/faults');
    expect((await server.request('GET', '/api/institutions/favorites')).status).toBe(200);
  });

  it('a fault rule with a count is spent after that many faulted responses', async () => {
    await server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /institutions/favorites', kind: 'status', status: 503, count: 2 }],
    });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await server.request('GET', '/api/institutions/favorites')).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it("advancing one user's clock moves only that user's members on", async () => {
    const other = await server.createUser();
    const mine = await createMember('expire');
    const theirs = await server.createMember(other, 'expire');
    await server.advance(SANDBOX_TIME.nextStep);
    await server.request('POST', '/mock/clock', { advance_ms: SANDBOX_TIME.pastChallengeExpiry, user_guid: user });
    expect((await status(mine)).connection_status).toBe('EXPIRED');
    const res = await server.request('GET', `/api/users/${other}/members/${theirs}/status`);
    expect(v.parse(memberStatusResponseSchema, res.json).member.connection_status).toBe('CHALLENGED');
  });

  it('the control API refuses numbers out of bounds, and the mock goes on answering', async () => {
    const tenYearsMs = 10 * 365.25 * 24 * 3_600_000;
    const refused = [
      ['/mock/clock', { advance_ms: 1e300 }],
      ['/mock/clock', { advance_ms: tenYearsMs + 1 }],
      ['/mock/clock', { advance_ms: 1e300, user_guid: user }],
      ['/mock/faults', { rules: [{ route: '/institutions/*', kind: 'status', duration_ms: tenYearsMs + 1 }] }],
      ['/mock/faults', { rules: [{ route: '/institutions/*', kind: 'status', count: 1e15 }] }],
      ['/mock/faults', { rules: [{ route: '/institutions/*', kind: 'status', retry_after_s: 1e15 }] }],
      ['/mock/faults', { rules: [{ route: `/${'x'.repeat(1_000)}`, kind: 'status' }] }],
    ] as const;
    for (const [path, body] of refused) {
      expect((await server.request('POST', path, body)).status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await server.request('GET', '/api/institutions/mxbank')).status).toBe(200);
    expect((await server.request('GET', `/api/users/${user}/members`)).status).toBe(200);
    expect((await server.request('POST', '/mock/clock', { advance_ms: tenYearsMs })).status).toBe(200);
    expect((await server.request('GET', '/api/institutions/mxbank')).status).toBe(200);
  });

  it('advances that add up past the last date a Date can hold are refused', async () => {
    const lastDate = 8.64e15;
    const tenYearsMs = 10 * 365.25 * 24 * 3_600_000;
    // a real clock a few years short of the end, so a few advances reach it
    const late = createMockBackend({ mode: 'test', controlApi: true, realNow: () => lastDate - 2.5 * tenYearsMs });
    const advance = () =>
      late.fetch(
        new Request('http://x.test/mock/clock', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advance_ms: tenYearsMs }),
        }),
      );
    expect((await advance()).status).toBe(200);
    expect((await advance()).status).toBe(200);
    const refused = await advance();
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('advance_ms');
    expect((await late.fetch(new Request('http://x.test/mock/clock'))).status).toBe(200);
  });

  it('the control API is off unless asked for', async () => {
    const plain = createMockBackend({ mode: 'development' });
    const res = await plain.fetch(
      new Request('http://x.test/mock/reset', { method: 'POST', headers: { 'content-type': 'application/json' } }),
    );
    expect(res.status).toBe(403);
  });

  it('the control API refuses cross-site requests, however they are made', async () => {
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.test' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://other.widget.test' },
    ];
    for (const headers of attempts) {
      const res = await server.fetch('/mock/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          rules: [{ route: 'GET /oauth/result', kind: 'status', status: 200, body: '<script>' }],
        }),
      });
      expect(res.status).toBe(403);
    }
    const sameOrigin = await server.fetch('/mock/log', { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(200);
  });

  it('a planted fault body is served as JSON, never as a page that runs script', async () => {
    await server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /oauth/result', kind: 'status', status: 500, body: '<script>alert(1)</script>' }],
    });
    const res = await server.request('GET', '/api/oauth/result?member_guid=x&status=success');
    expect(res.headers.get('content-type')).not.toContain('html');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('the control API is refused in production mode', async () => {
    const prod = createMockBackend({ mode: 'production' });
    const res = await prod.fetch(new Request('http://x.test/mock/reset', { method: 'POST' }));
    expect(res.status).toBe(403);
  });
});

describe('institutions', () => {
  const search = async (query: string) => {
    const res = await server.request('GET', `/api/institutions?${query}`);
    expect(res.status).toBe(200);
    return v.parse(institutionListSchema, res.json);
  };

  it('routing_number finds the institutions that use it; the sandbox ones have fixed numbers', async () => {
    expect((await search('routing_number=123456780')).institutions.map((i) => i.code)).toEqual([MX_BANK.code]);
    // every generated institution has its own valid number: the first one after the sandbox
    const generated = (await search(`routing_number=${withCheckDigit(String(10_000_000 + 5))}`)).institutions;
    expect(generated).toHaveLength(1);
    expect((await search('routing_number=000000000')).institutions).toEqual([]);
    const invalid = await server.request('GET', '/api/institutions?routing_number=123456789');
    expect(invalid.status).toBe(400);
    expect(v.parse(errorBodySchema, invalid.json).error.field).toBe('routing_number');
  });

  it('pagination: page 0 is page 1, past the end is empty, 1000 per page is clamped to 100', async () => {
    const zero = await search('name=bank&page=0&records_per_page=10');
    const one = await search('name=bank&page=1&records_per_page=10');
    expect(zero.institutions).toEqual(one.institutions);
    expect(zero.pagination.current_page).toBe(1);
    const past = await search(`name=bank&page=${one.pagination.total_pages + 1}&records_per_page=10`);
    expect(past.institutions).toEqual([]);
    const big = await search('name=bank&records_per_page=1000');
    expect(big.institutions).toHaveLength(100);
    expect(big.pagination.per_page).toBe(100);
  });

  it('ranks names that start with the query before names that only contain it', async () => {
    const names: string[] = [];
    for (let page = 1; ; page += 1) {
      const res = await search(`name=union&records_per_page=100&page=${page}`);
      names.push(...res.institutions.map((i) => i.name.toLowerCase()));
      if (page >= res.pagination.total_pages) break;
    }
    const firstNonPrefix = names.findIndex((n) => !n.startsWith('union'));
    expect(firstNonPrefix).toBeGreaterThan(0);
    expect(names.slice(firstNonPrefix).every((n) => !n.startsWith('union'))).toBe(true);
  });

  it('is case- and accent-insensitive', async () => {
    const lower = await search('name=zurich');
    const upper = await search('name=ZURICH');
    const accented = await search('name=Z%C3%BCrich');
    expect(lower.pagination.total_entries).toBeGreaterThan(0);
    expect(upper.institutions).toEqual(lower.institutions);
    expect(accented.institutions).toEqual(lower.institutions);
    expect(lower.institutions.every((i) => i.name.includes('Zürich'))).toBe(true);
  });

  it('favorites start with the five sandbox institutions', async () => {
    const res = await server.request('GET', '/api/institutions/favorites');
    const favorites = v.parse(institutionListSchema, res.json);
    const codes = favorites.institutions.map((i) => i.code);
    expect(codes.slice(0, 5)).toEqual(['mxbank', 'mxbank_oauth', 'mxbank_hybrid', 'mxcu_fields', 'mxbank_gone']);
    expect(favorites.pagination.total_entries).toBeGreaterThanOrEqual(30);
  });

  it('the catalogue is deterministic and holds over 20,000 institutions with mixed OAuth support', async () => {
    const all = await search('records_per_page=100&page=3');
    expect(all.pagination.total_entries).toBe(GENERATED_COUNT + SANDBOX_COUNT);
    const again = startMockServer();
    const second = v.parse(
      institutionListSchema,
      (await again.request('GET', '/api/institutions?records_per_page=100&page=3')).json,
    );
    expect(second.institutions).toEqual(all.institutions);
    const oauth = await search('supports_oauth=true');
    const creds = await search('supports_oauth=false');
    expect(oauth.pagination.total_entries).toBeGreaterThan(1000);
    expect(creds.pagination.total_entries).toBeGreaterThan(1000);
  });
});

describe('OAuth', () => {
  async function oauthMember(code = 'mxbank_oauth') {
    const res = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: code, is_oauth: true },
    });
    expect(res.status).toBe(202);
    return v.parse(memberResponseSchema, res.json).member;
  }

  it('creates a PENDING member with a provider URL served by the mock', async () => {
    const member = await oauthMember();
    expect(member.connection_status).toBe('PENDING');
    const uri = new URL(member.oauth_window_uri ?? '');
    const page = await server.request('GET', uri.pathname);
    expect(page.text).toContain('MX Bank (OAuth)');
    for (const label of ['Authorize', 'Deny', 'Fail']) expect(page.text).toContain(`>${label}</button>`);
    const fresh = await server.request('GET', memberPath(member.guid, '/oauth_window_uri'));
    expect(v.parse(oauthWindowResponseSchema, fresh.json).member.oauth_window_uri).toBe(member.oauth_window_uri);
  });

  const decide = (member: Member, decision: string, token?: string) =>
    decideOauth(server, member.oauth_window_uri ?? '', decision, token);

  it('the provider page may not be framed, runs no inline script, and its guids are not guessable', async () => {
    const member = await oauthMember();
    const page = await server.request('GET', new URL(member.oauth_window_uri ?? '').pathname);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline'; script");
    expect(member.guid).toMatch(/^MBR-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(user).toMatch(/^USR-[0-9a-f-]{36}$/);
  });

  it('a forged authorize (no token, a wrong one, or one replayed) changes nothing', async () => {
    const member = await oauthMember();
    const forged = await server.backend.fetch(
      new Request(member.oauth_window_uri ?? '', {
        method: 'POST',
        body: new URLSearchParams({ decision: 'authorize' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(forged.status).toBe(403);
    expect((await decide(member, 'authorize', 'not-the-token')).status).toBe(403);
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member.guid)).connection_status).toBe('PENDING');
  });

  it.each([
    ['authorize', 'CONNECTED', 'success'],
    ['deny', 'DENIED', 'error'],
    ['fail', 'FAILED', 'error'],
  ])('%s → %s and a result page that messages the opener', async (decision, expected, outcome) => {
    const member = await oauthMember('mxbank_hybrid');
    const res = await decide(member, decision);
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toContain(`status=${outcome}`);
    const page = await server.request('GET', location);
    expect(page.text).toContain('<script src="/api/oauth/result.js"></script>');
    expect(page.text).toContain(`data-status="${outcome}"`);
    await server.advance(SANDBOX_TIME.nextStep);
    expect((await status(member.guid)).connection_status).toBe(expected);
  });

  it('a member left PENDING for over a virtual hour is deleted', async () => {
    const member = await oauthMember();
    await server.advance(SANDBOX_TIME.pastOAuthPendingLifetime);
    expect((await server.request('GET', memberPath(member.guid, '/status'))).status).toBe(404);
  });

  it('OAuth is refused for an institution without it', async () => {
    const res = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: MX_BANK.code, is_oauth: true },
    });
    expect(res.status).toBe(422);
  });
});

describe('widget URLs', () => {
  it('returns a URL on the widget origin carrying the config and parent_origin', async () => {
    const res = await server.request('POST', `/api/users/${user}/widget_urls`, {
      widget_url: { widget_type: 'connect_widget', color_scheme: 'dark', current_institution_code: MX_BANK.code },
      parent_origin: 'https://partner.example',
    });
    expect(res.status).toBe(200);
    const url = new URL(v.parse(widgetUrlSchema, res.json).widget_url.url);
    expect(url.origin).toBe('http://widget.test');
    expect(url.searchParams.get('user_guid')).toBe(user);
    expect(url.searchParams.get('session_guid')).toMatch(/^SES-/);
    expect(url.searchParams.get('color_scheme')).toBe('dark');
    expect(url.searchParams.get('parent_origin')).toBe('https://partner.example');
  });

  it('a second user with the same id is 409, as at MX; list users by id names the first', async () => {
    const userSchema = v.object({ guid: v.string(), id: v.nullable(v.string()) });
    const first = await server.request('POST', '/api/users', { user: { id: 'partner-1' } });
    const { guid } = v.parse(v.object({ user: userSchema }), first.json).user;
    const again = await server.request('POST', '/api/users', { user: { id: 'partner-1' } });
    expect(again.status).toBe(409);
    expect(v.parse(errorBodySchema, again.json).error.status).toBe(409);
    const listed = await server.request('GET', '/api/users?id=partner-1');
    expect(v.parse(v.object({ users: v.array(userSchema) }), listed.json).users).toEqual([{ guid, id: 'partner-1' }]);
  });
});

describe('Connect parity in the mock', () => {
  const accountSchema = v.object({ account: v.object({ guid: v.string(), member_guid: v.string() }) });

  it('a manual account lands under one manual member per user, listed with a null status and never aggregated', async () => {
    const first = await server.request('POST', `/api/users/${user}/accounts`, {
      account: { name: 'Wallet', account_type: 'CASH', balance: 20, is_business: false },
    });
    expect(first.status).toBe(200);
    const second = await server.request('POST', `/api/users/${user}/accounts`, {
      account: { name: 'Car loan', account_type: 'LOAN', balance: 9_000, original_balance: 20_000, interest_rate: 4.5 },
    });
    const a = v.parse(accountSchema, first.json).account;
    const b = v.parse(accountSchema, second.json).account;
    expect(b.member_guid).toBe(a.member_guid);
    const member = v.parse(
      memberResponseSchema,
      (await server.request('GET', `/api/users/${user}/members/${a.member_guid}`)).json,
    ).member;
    expect(member).toMatchObject({ is_manual: true, connection_status: null, institution_code: 'manual_accounts' });
    const accounts = v.parse(
      accountListSchema,
      (await server.request('GET', `/api/users/${user}/members/${a.member_guid}/accounts`)).json,
    ).accounts;
    expect(accounts.map((x) => x.name)).toEqual(['Wallet', 'Car loan']);
    // the manual institution is readable by code but never searched
    expect((await server.request('GET', '/api/institutions/manual_accounts')).status).toBe(200);
    const found = v.parse(institutionListSchema, (await server.request('GET', '/api/institutions?name=Manual')).json);
    expect(found.institutions.map((i) => i.code)).not.toContain('manual_accounts');
  });

  it('refuses a manual account without name or type, with an unknown type, or out of bounds', async () => {
    const post = (account: unknown) => server.request('POST', `/api/users/${user}/accounts`, { account });
    expect((await post({ account_type: 'CASH', balance: 1 })).status).toBe(400);
    expect((await post({ name: 'x', balance: 1 })).status).toBe(400);
    expect((await post({ name: 'x', account_type: 'YACHT', balance: 1 })).status).toBe(400);
    expect((await post({ name: 'x', account_type: 'CASH', balance: 1_000_000_000_000 })).status).toBe(400);
    expect((await post({ name: 'x', account_type: 'LOAN', balance: 1, interest_rate: 101 })).status).toBe(400);
    expect((await post({ name: 'x', account_type: 'LOAN', balance: 1, day_payment_is_due: 32 })).status).toBe(400);
    expect((await post({ name: 'x'.repeat(101), account_type: 'CASH', balance: 1 })).status).toBe(400);
  });

  it('partner_managed members are not managed by the user; others are', async () => {
    const managed = await server.createMember(user, 'password', 'partner_managed');
    const own = await server.createMember(user, 'password', 'jane');
    const read = async (guid: string) =>
      (
        (await server.request('GET', `/api/users/${user}/members/${guid}`)).json as {
          member: { is_managed_by_user: boolean };
        }
      ).member.is_managed_by_user;
    expect(await read(managed)).toBe(false);
    expect(await read(own)).toBe(true);
  });

  it('asking again for a finished OAuth member starts it over as PENDING', async () => {
    const created = await server.request('POST', `/api/users/${user}/members`, {
      member: { institution_code: 'mxbank_oauth', is_oauth: true },
    });
    const member = v.parse(memberResponseSchema, created.json).member;
    await decideOauth(server, member.oauth_window_uri ?? '', 'deny');
    await server.advance(SANDBOX_TIME.settled);
    const denied = v.parse(
      memberStatusResponseSchema,
      (await server.request('GET', `/api/users/${user}/members/${member.guid}/status`)).json,
    ).member;
    expect(denied.connection_status).toBe('DENIED');
    const again = await server.request('GET', `/api/users/${user}/members/${member.guid}/oauth_window_uri`);
    expect(v.parse(oauthWindowResponseSchema, again.json).member.oauth_window_uri).toContain('/oauth/authorize/');
    const pending = v.parse(
      memberStatusResponseSchema,
      (await server.request('GET', `/api/users/${user}/members/${member.guid}/status`)).json,
    ).member;
    expect(pending.connection_status).toBe('PENDING');
  });

  it('keeps help requests (at most 200) and fails on the sandbox text', async () => {
    const post = (details: string) =>
      server.request('POST', `/api/users/${user}/help`, {
        help_request: { topic: 'other', details, email: 'a@b.co' },
      });
    expect((await post('help_fails please')).status).toBe(503);
    for (let i = 0; i < 201; i += 1) expect((await post(`request ${i}`)).status).toBe(202);
    const listed = (await server.request('GET', '/mock/help_requests')).json as {
      help_requests: { details: string }[];
    };
    expect(listed.help_requests).toHaveLength(200);
    expect(listed.help_requests[0]?.details).toBe('request 1');
  });
});
