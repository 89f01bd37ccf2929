import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi, type MockInstance } from 'vitest';
import { startMockServer, type MockServer } from '../test/mockServer';
import {
  connectMxBank,
  hostNavigateBack,
  renderWidget,
  SANDBOX_TIME,
  submitCredentials,
  untilNextStep,
  type Rendered,
} from '../test/renderWidget';

/**
 * The mock does the work at once and answers this much later (a `late` fault): the request has
 * happened on the server while the user is already elsewhere.
 */
const LATE_MS = 1_000;
const answerLate = (server: MockServer, route: string) =>
  server.request('POST', '/mock/faults', { rules: [{ route, kind: 'late', delay_ms: LATE_MS }] });

async function membersOf(w: Rendered) {
  const res = await w.server.request('GET', `/api/users/${w.userGuid}/members`);
  return (res.json as { members: { guid: string; connection_status: string | null }[] }).members;
}

/** Until the late answer has come and the widget has acted on it (its DELETE, when it undoes). */
async function untilDeleted(w: Rendered) {
  await waitFor(async () => expect((await w.server.log()).some((e) => e.method === 'DELETE')).toBe(true), {
    timeout: 3 * LATE_MS,
  });
}

/**
 * Until the widget's own call of `method` on a path ending in `pathEnd` has been answered: the
 * spied `fetch` hands back the very promise the widget awaits, so no test sleeps for the late answer.
 */
async function untilAnswered(fetch: MockInstance<MockServer['fetch']>, method: string, pathEnd: string) {
  const index = await waitFor(
    () => {
      const at = fetch.mock.calls.findIndex(([input, init]) => {
        const url = input instanceof Request ? input.url : String(input);
        const verb = input instanceof Request ? input.method : (init?.method ?? 'GET');
        return verb === method && new URL(url, 'http://widget.test').pathname.endsWith(pathEnd);
      });
      expect(at).toBeGreaterThanOrEqual(0);
      return at;
    },
    { timeout: 3 * LATE_MS },
  );
  await fetch.mock.results[index]?.value;
  // the widget's own handler of the answer runs on the next turns
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const searchHeading = () => screen.getByRole('heading', { name: 'Select your institution' });

async function atInstitution(code: string, lateRoute: string) {
  const server = startMockServer();
  const userGuid = await server.createUser();
  await answerLate(server, lateRoute);
  return renderWidget({ server, userGuid, params: { current_institution_code: code } });
}

describe('a request that answers after the user left its screen', () => {
  for (const [how, leave] of [
    ['Cancel', (w: Rendered) => w.user.click(screen.getByRole('button', { name: 'Cancel' }))],
    ['the host’s back', async () => hostNavigateBack()],
  ] as const) {
    it(`OAuth still preparing, left by ${how}: no jump back, no PENDING member left`, async () => {
      const open = vi.spyOn(window, 'open');
      const w = await atInstitution('mxbank_oauth', 'POST /users/*/members');
      await screen.findByText(/Preparing/);
      await leave(w);
      await waitFor(searchHeading);
      await untilDeleted(w);
      expect(await membersOf(w)).toEqual([]);
      // the answer came and went: the user is still where they went
      expect(searchHeading()).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Go to/ })).toBeNull();
      expect(w.events('mx/connect/stepChange').map((m) => m.metadata?.current)).toEqual(['search']);
      expect(open).not.toHaveBeenCalled();
    });
  }

  it('credentials sent, then Back: the member made meanwhile is deleted and the flow stays on search', async () => {
    const w = await atInstitution('mxbank', 'POST /users/*/members');
    await submitCredentials(w, 'password');
    await w.user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(searchHeading);
    await untilDeleted(w);
    expect(await membersOf(w)).toEqual([]);
    expect(searchHeading()).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Connecting/ })).toBeNull();
  });

  it('MFA answers sent, then Cancel: the flow stays on search and the member this attempt made is deleted', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'challenge');
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'Verify your identity' }));
    await answerLate(w.server, 'PUT /users/*/members/*/resume');
    await w.user.type(screen.getByRole('textbox', { name: /What city/ }), 'correct');
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    await w.user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(searchHeading);
    await untilDeleted(w);
    // the answers' late 200 comes back LATE_MS after they were sent, before the cancel
    await new Promise((resolve) => setTimeout(resolve, LATE_MS));
    expect(searchHeading()).toBeInTheDocument();
    expect(await membersOf(w)).toEqual([]);
  });

  it('MFA Cancel on a member that existed before (fixing it) keeps the member', async () => {
    const server = startMockServer();
    const userGuid = await server.createUser();
    const member = await server.createMember(userGuid, 'challenge');
    await server.advance(SANDBOX_TIME.settled);
    const w = await renderWidget({ server, userGuid, params: { current_member_guid: member } });
    await screen.findByRole('heading', { name: 'Verify your identity' });
    await w.user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(searchHeading);
    expect((await server.log()).some((e) => e.method === 'DELETE')).toBe(false);
    expect((await membersOf(w)).map((m) => m.guid)).toEqual([member]);
  });

  it('a disconnect answered after Cancel still tells the host, and the user stays on their connections', async () => {
    const server = startMockServer();
    const userGuid = await server.createUser();
    const member = await server.createMember(userGuid, 'password');
    await server.advance(SANDBOX_TIME.settled);
    await answerLate(server, 'DELETE /users/*/members/*');
    const w = await renderWidget({ server, userGuid });
    await w.user.click(await screen.findByRole('button', { name: 'Disconnect MX Bank' }));
    await w.user.click(await screen.findByRole('radio', { name: 'I no longer use this account' }));
    await w.user.click(screen.getByRole('button', { name: 'Disconnect' }));
    await w.user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('button', { name: 'Connect another account' });
    await waitFor(() => expect(w.events('mx/connect/memberDeleted')[0]?.metadata?.member_guid).toBe(member), {
      timeout: 3 * LATE_MS,
    });
    expect(screen.queryByRole('heading', { name: 'Disconnected' })).toBeNull();
  });

  // the user's own complete changes: kept when they answer late, and the flow stays where the user went
  it('a credentials update answered after the host’s back keeps the member and does not move the flow', async () => {
    const server = startMockServer();
    const userGuid = await server.createUser();
    const member = await server.createMember(userGuid, 'locked');
    await server.advance(60_000);
    await answerLate(server, 'PUT /users/*/members/*');
    const fetch = vi.spyOn(server, 'fetch');
    const w = await renderWidget({ server, userGuid, params: { current_member_guid: member } });
    await screen.findByRole('heading', { name: 'Update your credentials' });
    await submitCredentials(w, 'password');
    await hostNavigateBack();
    const left = await screen.findByRole('heading', { level: 1 });
    const where = left.textContent;
    await untilAnswered(fetch, 'PUT', `/members/${member}`);
    expect((await server.log()).some((e) => e.method === 'DELETE')).toBe(false);
    expect((await membersOf(w)).map((m) => m.guid)).toEqual([member]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(where ?? '');
    expect(screen.queryByRole('heading', { name: /Connecting|Success/ })).toBeNull();
  });

  it('a manual account answered after Back is kept, and the user stays on search', async () => {
    const server = startMockServer();
    const userGuid = await server.createUser();
    await answerLate(server, 'POST /users/*/accounts');
    const fetch = vi.spyOn(server, 'fetch');
    const w = await renderWidget({ server, userGuid });
    await w.user.type(await screen.findByRole('combobox', { name: /Search for your bank/ }), 'zzzz');
    await w.user.click(await screen.findByRole('button', { name: 'Add an account manually' }));
    await w.user.selectOptions(await screen.findByRole('combobox', { name: 'Account type' }), 'Checking');
    await w.user.type(screen.getByLabelText('Account name'), 'Everyday');
    await w.user.type(screen.getByLabelText('Current balance'), '12.50');
    await w.user.click(screen.getByRole('button', { name: 'Add account' }));
    await w.user.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('combobox', { name: /Search for your bank/ });
    await untilAnswered(fetch, 'POST', '/accounts');
    expect((await server.log()).some((e) => e.method === 'DELETE')).toBe(false);
    expect(screen.queryByRole('heading', { name: 'Account added' })).toBeNull();
    expect(screen.getByRole('combobox', { name: /Search for your bank/ })).toBeInTheDocument();
    const saved = (await server.log()).find((e) => e.method === 'POST' && e.path.endsWith('/accounts'));
    expect(saved?.status).toBe(200);
  });
});
