import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_READ_RETRIES } from '../api/queries';
import { startMockServer, type MockServer } from '../test/mockServer';
import { FAST_TIMING, renderWidget, SANDBOX_TIME, type Rendered } from '../test/renderWidget';

/**
 * Every read the first screen waits on, failing the ways an upstream fails: what the user sees,
 * how many times it was read (bounded), and that the host heard `mx/connect/loaded` once. Time is
 * fake: retries, Retry-After and countdowns are moved through, never waited for.
 */

const TICK_MS = 250;

// the screens load lazily; under fake timers a first import can outlast the virtual time a test
// allows, so they are in the module cache before any test starts
beforeAll(async () => {
  await Promise.all([
    import('../features/consent/ConsentStep'),
    import('../features/credentials/CredentialsStep'),
    import('../features/connecting/StatusStep'),
    import('../features/connecting/ConnectingStep'),
    import('../features/connecting/MemberStatusWatcher'),
    // the account screens' group chunk, through the module the router loads it by
    import('virtual:screens').then(({ loadScreen }) => loadScreen('connections/ConnectionsStep')),
  ]);
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves fake time on (letting React render between steps) until `check` passes, or fails after `withinMs`. */
async function until<T>(check: () => T | Promise<T>, withinMs = 60_000): Promise<T> {
  for (let waited = 0; ; waited += TICK_MS) {
    try {
      return await check();
    } catch (error) {
      if (waited >= withinMs) throw error;
    }
    await act(() => vi.advanceTimersByTimeAsync(TICK_MS));
  }
}

/** Moves fake time on by `ms` at once: enough to show nothing happens by itself meanwhile. */
const leap = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Moves fake time on by `ms`, a tick at a time, so React renders (and sets its next timers) in between. */
async function pass(ms: number) {
  for (let passed = 0; passed < ms; passed += TICK_MS) await act(() => vi.advanceTimersByTimeAsync(TICK_MS));
}

/**
 * A press of a button. (user-event's click waits on a zero timeout that Testing Library only
 * advances under Jest's fake timers, so under Vitest's it would never return.)
 */
const click = (element: HTMLElement) => fireEvent.click(element);

const fault = (server: MockServer, rule: Record<string, unknown>) =>
  server.request('POST', '/mock/faults', { rules: [rule] });
const clearFaults = (server: MockServer) => server.request('DELETE', '/mock/faults');

async function reads(server: MockServer, method: string, path: RegExp): Promise<number> {
  return (await server.log()).filter((e) => e.method === method && path.test(e.path)).length;
}

/** How an upstream fails, as a mock fault rule, and how many reads it may cost at most. */
const FAILURES = [
  { name: '500', rule: { kind: 'status', status: 500 }, tries: 1 + FIRST_READ_RETRIES },
  { name: '503', rule: { kind: 'status', status: 503, retry_after_s: 1 }, tries: 1 + FIRST_READ_RETRIES },
  // a short Retry-After is waited out behind the spinner: each retry waits at least that long
  {
    name: '429 + Retry-After: 2',
    rule: { kind: 'status', status: 429, retry_after_s: 2 },
    tries: 1 + FIRST_READ_RETRIES,
  },
  // a timed-out read already cost the client's whole timeout: it is tried once more, not three times
  { name: 'a timeout', rule: { kind: 'timeout', delay_ms: 120_000 }, tries: 2 },
  // a body of the wrong shape is not read again: it would be the same
  {
    name: 'a malformed body',
    rule: { kind: 'malformed', body: '{"members": 7, "institution": [], "member": 1}' },
    tries: 1,
  },
] as const;

const open = (server: MockServer, userGuid: string, params: Record<string, string> = {}, apiTimeoutMs?: number) =>
  renderWidget({ server, userGuid, params, apiTimeoutMs });

function loadedOnce(w: Rendered, initialStep: string) {
  const loaded = w.events('mx/connect/loaded');
  expect(loaded).toHaveLength(1);
  // the first event the host hears from the flow, as MX's widget sends it
  expect(w.events()[0]?.type).toBe('mx/connect/loaded');
  expect(loaded[0]?.metadata).toMatchObject({ initial_step: initialStep });
}

describe('the members list failing at start', () => {
  it.each(FAILURES)('$name: search, with a note and a way to try again; bounded reads; loaded once', async (f) => {
    const server = startMockServer();
    const user = await server.createUser();
    await server.createMember(user, 'password');
    await fault(server, { route: 'GET /users/*/members', ...f.rule });
    const w = await open(server, user);

    await until(() => screen.getByRole('heading', { name: 'Select your institution' }));
    expect(screen.getByText(/Your saved connections could not be loaded/)).toBeInTheDocument();
    // nothing reads the list again by itself: not the search screen, not the passing of time
    await leap(60_000);
    expect(await reads(server, 'GET', /^\/users\/[^/]+\/members$/)).toBe(f.tries);
    loadedOnce(w, 'search');

    // once the upstream is back, "Try again" reads it and offers the connections it found
    await clearFaults(server);
    await until(() => expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled());
    click(screen.getByRole('button', { name: 'Try again' }));
    click(await until(() => screen.getByRole('button', { name: 'See your connections' })));
    await until(() => screen.getByRole('heading', { name: 'Your connections' }));
    loadedOnce(w, 'search');
  });

  it.each([
    { name: 'an upstream that never answers', rule: { kind: 'timeout', delay_ms: 120_000 } },
    { name: 'the server giving up on the upstream (504)', rule: { kind: 'status', status: 504 } },
  ])('$name: search within 10 s, the list tried twice', async ({ rule }) => {
    const server = startMockServer();
    const user = await server.createUser();
    await fault(server, { route: 'GET /users/*/members', ...rule });
    const started = Date.now();
    // the client's own timeout (15 s) as in production: the members read has a shorter one of its own
    const w = await open(server, user);
    await until(() => screen.getByRole('heading', { name: 'Select your institution' }), 10_000);
    expect(Date.now() - started).toBeLessThanOrEqual(10_000);
    expect(screen.getByText(/Your saved connections could not be loaded/)).toBeInTheDocument();
    await leap(60_000);
    expect(await reads(server, 'GET', /^\/users\/[^/]+\/members$/)).toBe(2);
    loadedOnce(w, 'search');
  });

  it('with consent: "I agree" leads to search, once, without reading the list again or reloading', async () => {
    const server = startMockServer();
    const user = await server.createUser();
    await fault(server, { route: 'GET /users/*/members', kind: 'status', status: 503, retry_after_s: 1 });
    const w = await open(server, user, { disable_consent: 'false' });

    click(await until(() => screen.getByRole('button', { name: 'I agree' })));
    await until(() => screen.getByRole('heading', { name: 'Select your institution' }));
    await leap(30_000);
    expect(screen.getByRole('heading', { name: 'Select your institution' })).toBeInTheDocument();
    expect(screen.getByText(/Your saved connections could not be loaded/)).toBeInTheDocument();
    expect(await reads(server, 'GET', /^\/users\/[^/]+\/members$/)).toBe(1 + FIRST_READ_RETRIES);
    loadedOnce(w, 'consent');
  });

  it('a long Retry-After is not waited out behind a spinner: the note counts it down', async () => {
    const server = startMockServer();
    const user = await server.createUser();
    await fault(server, { route: 'GET /users/*/members', kind: 'status', status: 429, retry_after_s: 20 });
    await open(server, user);

    await until(() => screen.getByRole('heading', { name: 'Select your institution' }), 1_000);
    expect(screen.getByText('Too many attempts: try again in 20 seconds.', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();
    expect(await reads(server, 'GET', /^\/users\/[^/]+\/members$/)).toBe(1);
    await pass(20_000);
    expect(screen.getByText('You can try again now.', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
  });
});

/** The reads a URL names: where the widget would open, the route that fails, and what it says when it cannot. */
const NAMED = [
  {
    what: 'the institution (current_institution_code)',
    params: { current_institution_code: 'mxbank' },
    route: 'GET /institutions/mxbank',
    path: /^\/institutions\/mxbank$/,
    opens: () => screen.getByRole('heading', { name: 'Enter your credentials' }),
    loadedAs: 'enterCreds',
  },
  {
    what: 'the member (current_member_guid)',
    params: (member: string) => ({ current_member_guid: member }),
    route: 'GET /users/*/members/*',
    path: /^\/users\/[^/]+\/members\/[^/]+$/,
    opens: () => screen.getByRole('heading', { name: 'Update your credentials' }),
    loadedAs: 'enterCreds',
  },
] as const;

async function openNamed(named: (typeof NAMED)[number], rule: Record<string, unknown>) {
  const server = startMockServer();
  const user = await server.createUser();
  const member = await server.createMember(user, 'denied');
  await server.advance(SANDBOX_TIME.settled);
  await fault(server, { route: named.route, ...rule });
  const params = typeof named.params === 'function' ? named.params(member) : named.params;
  const w = await open(server, user, params);
  return { w, server };
}

describe.each(NAMED)('$what failing at start', (named) => {
  it.each(FAILURES.filter((f) => f.rule.kind !== 'malformed' && !('status' in f.rule && f.rule.status === 429)))(
    '$name: the reason and "Try again", which opens it once it answers; bounded reads; loaded once',
    async (f) => {
      const { w, server } = await openNamed(named, f.rule);
      await until(() => screen.getByRole('heading', { name: 'Something went wrong' }));
      expect(
        screen.getByText(
          f.rule.kind === 'timeout'
            ? 'We cannot reach the server right now. Check your connection and try again.'
            : 'The service is having trouble right now. Please try again in a moment.',
        ),
      ).toBeInTheDocument();
      await leap(60_000);
      expect(await reads(server, 'GET', named.path)).toBe(f.tries);
      loadedOnce(w, 'loginError');

      await clearFaults(server);
      click(screen.getByRole('button', { name: 'Try again' }));
      await until(named.opens);
      loadedOnce(w, 'loginError');
    },
  );

  it('429 + a long Retry-After: "Too many attempts" counting down, then "Try again" opens it', async () => {
    const { w, server } = await openNamed(named, { kind: 'status', status: 429, retry_after_s: 30 });
    await until(() => screen.getByRole('heading', { name: 'Too many attempts' }), 1_000);
    expect(screen.getByText('Too many attempts: try again in 30 seconds.', { selector: 'p' })).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Try again' });
    expect(button).toBeDisabled();
    await pass(10_000);
    expect(screen.getByText('Too many attempts: try again in 20 seconds.', { selector: 'p' })).toBeInTheDocument();
    // announced when it starts and when it ends, not each second
    expect(screen.getByRole('status')).toHaveTextContent('Too many attempts: try again in 30 seconds.');
    await pass(20_000);
    expect(screen.getByRole('status')).toHaveTextContent('You can try again now.');
    expect(await reads(server, 'GET', named.path)).toBe(1);

    await clearFaults(server);
    click(screen.getByRole('button', { name: 'Try again' }));
    await until(named.opens);
    loadedOnce(w, 'loginError');
  });

  it('429 + a short Retry-After is waited out behind the spinner, its wait honoured', async () => {
    const { w, server } = await openNamed(named, { kind: 'status', status: 429, retry_after_s: 2, count: 2 });
    await pass(3_000);
    // two refusals, each asking for 2 s: the third read comes no sooner than 4 s after the first
    expect(await reads(server, 'GET', named.path)).toBe(2);
    await until(named.opens, 2_000);
    expect(await reads(server, 'GET', named.path)).toBe(3);
    loadedOnce(w, named.loadedAs);
  });

  it('a malformed body: what happened, and a way back to search; read once', async () => {
    const { w, server } = await openNamed(named, { kind: 'malformed', body: '{"member": 1, "institution": []}' });
    await until(() => screen.getByText('We received a response we did not understand. Please try again.'));
    expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
    await leap(60_000);
    expect(await reads(server, 'GET', named.path)).toBe(1);
    loadedOnce(w, 'loginError');
  });
});

describe('what a missing thing is called', () => {
  it('an institution code no bank has: "We could not find this bank", read once', async () => {
    const server = startMockServer();
    await open(server, await server.createUser(), { current_institution_code: 'no-such-bank' });
    await until(() => screen.getByText('We could not find this bank. Search for it by name instead.'));
    expect(screen.queryByText(/connection/)).toBeNull();
    expect(await reads(server, 'GET', /^\/institutions\/no-such-bank$/)).toBe(1);
    click(screen.getByRole('button', { name: 'Back to search' }));
    await until(() => screen.getByRole('heading', { name: 'Select your institution' }));
  });

  it('a member that is gone: the connection message, read once', async () => {
    const server = startMockServer();
    await open(server, await server.createUser(), { current_member_guid: 'MBR-gone' });
    await until(() => screen.getByText('We could not find this connection. It may have expired. Please start again.'));
    expect(await reads(server, 'GET', /^\/users\/[^/]+\/members\/MBR-gone$/)).toBe(1);
  });
});

describe('the bank’s credential fields failing', () => {
  it('a 404: "We could not find this bank", with Try again', async () => {
    const server = startMockServer();
    await fault(server, { route: 'GET /institutions/mxbank/credentials', kind: 'status', status: 404 });
    await open(server, await server.createUser(), { current_institution_code: 'mxbank' });
    await until(() => screen.getByText(/We could not find this bank/));
    expect(screen.queryByText(/connection/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('the microdeposit the URL names (current_microdeposit_guid) failing at start', () => {
  // polled like a member's status (features/microdeposits/microdepositsApi.ts): its retries are the polling timing's
  const tries = (f: (typeof FAILURES)[number]) => (f.rule.kind === 'malformed' ? 1 : 1 + FAST_TIMING.maxRetries);

  it.each(FAILURES)('$name: what happened, Try again and Start over; bounded reads; loaded once', async (f) => {
    const server = startMockServer();
    const user = await server.createUser();
    const made = await server.request('POST', `/api/users/${user}/micro_deposits`, {
      micro_deposit: {
        routing_number: '111000041',
        account_number: '123456789',
        account_type: 'SAVINGS',
        first_name: 'Ann',
        last_name: 'Lee',
        email: 'ann@example.com',
      },
    });
    const guid = (made.json as { micro_deposit: { guid: string } }).micro_deposit.guid;
    await fault(server, { route: 'GET /users/*/micro_deposits/*', ...f.rule });
    // a short client timeout keeps the timed-out tries' virtual time small
    const w = await open(server, user, { mode: 'verification', current_microdeposit_guid: guid }, 2_000);

    await until(() => screen.getByText('We could not load this verification. Nothing was lost.'), 120_000);
    expect(screen.getByRole('button', { name: 'Start over' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    if (f.name.startsWith('429')) {
      expect(screen.getByText(/^Too many attempts: try again in \d+ seconds?\.$/, { selector: 'p' })).toBeVisible();
    }
    await leap(60_000);
    expect(await reads(server, 'GET', /\/micro_deposits\/[^/]+$/)).toBe(tries(f));
    loadedOnce(w, 'microdeposits');
  });
});

describe('favorites failing on the search screen', () => {
  it.each(FAILURES)('$name: a message and "Try again"; bounded reads', async (f) => {
    const server = startMockServer();
    const user = await server.createUser();
    await fault(server, { route: 'GET /institutions/favorites', ...f.rule });
    await open(server, user);
    await until(() => screen.getByText('We could not load institutions.'));
    await leap(60_000);
    expect(await reads(server, 'GET', /^\/institutions\/favorites$/)).toBe(f.tries);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('a 429 on a write', () => {
  it('sending credentials: plain words, the countdown, then "Try again" sends the form again', async () => {
    const server = startMockServer();
    const w = await open(server, await server.createUser(), { current_institution_code: 'mxbank' });
    await fault(server, { route: 'POST /users/*/members', kind: 'status', status: 429, retry_after_s: 10, count: 1 });
    fireEvent.change(await until(() => screen.getByLabelText('Username')), { target: { value: 'jane' } });
    fireEvent.change(screen.getByLabelText('Password', { selector: 'input' }), { target: { value: 'password' } });
    click(screen.getByRole('button', { name: 'Continue' }));

    await until(() => screen.getByText('We could not send your credentials.'));
    expect(screen.getByText('Too many attempts: try again in 10 seconds.', { selector: 'p' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/\/users\/|HTTP|Injected/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();
    await pass(10_000);
    click(screen.getByRole('button', { name: 'Try again' }));
    await until(() => screen.getByRole('heading', { name: 'Connecting to MX Bank' }));
    expect(await reads(server, 'POST', /^\/users\/[^/]+\/members$/)).toBe(2);
    loadedOnce(w, 'enterCreds');
  });
});

describe('a 429 on a polling screen', () => {
  it('status polls refused until the retries run out: "Too many attempts", the countdown, then Try again polls again', async () => {
    const server = startMockServer();
    const w = await open(server, await server.createUser(), { current_institution_code: 'mxbank' });
    await fault(server, { route: 'GET /users/*/members/*/status', kind: 'status', status: 429, retry_after_s: 3 });
    fireEvent.change(await until(() => screen.getByLabelText('Username')), { target: { value: 'jane' } });
    fireEvent.change(screen.getByLabelText('Password', { selector: 'input' }), { target: { value: 'password' } });
    click(screen.getByRole('button', { name: 'Continue' }));

    await until(() => screen.getByRole('heading', { name: 'Too many attempts' }), 120_000);
    const polls = await reads(server, 'GET', /\/status$/);
    expect(screen.getByText('Too many attempts: try again in 3 seconds.', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();
    await pass(3_000);
    await clearFaults(server);
    click(screen.getByRole('button', { name: 'Try again' }));
    await until(() => screen.getByRole('heading', { name: 'Connecting to MX Bank' }));
    await until(async () => expect(await reads(server, 'GET', /\/status$/)).toBeGreaterThan(polls));
    loadedOnce(w, 'enterCreds');
  });
});
