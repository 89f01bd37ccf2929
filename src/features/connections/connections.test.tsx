import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWidget, SANDBOX_TIME, submitCredentials, untilSettled } from '../../test/renderWidget';
import { startMockServer, type MockServer } from '../../test/mockServer';

/** A user who already has members, made the way a partner's earlier sessions would have. */
async function userWith(server: MockServer, passwords: string[], usernames: string[] = []) {
  const user = await server.createUser();
  const guids: string[] = [];
  for (const [i, password] of passwords.entries()) {
    guids.push(await server.createMember(user, password, usernames[i] ?? `user${i}`));
  }
  await server.advance(SANDBOX_TIME.settled);
  return { user, guids };
}

const row = (name: string) => screen.getByRole('listitem', { name });
const rows = () => within(screen.getByRole('list', { name: 'Connected institutions' })).getAllByRole('listitem');

describe('your connections', () => {
  it('lists each member with its badge and last sync, and leads to search', async () => {
    const server = startMockServer();
    const { user } = await userWith(server, ['password', 'denied']);
    await server.request('POST', `/api/users/${user}/accounts`, {
      account: { name: 'Piggy bank', account_type: 'CASH', balance: 40 },
    });
    const w = await renderWidget({ server, userGuid: user });
    await screen.findByRole('heading', { name: 'Your connections' });
    expect(w.events('mx/connect/loaded')[0]?.metadata).toMatchObject({ initial_step: 'connections' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [connected, denied, manual] = rows();
    expect(connected).toHaveTextContent('Connected');
    expect(connected).toHaveTextContent(/Last updated/);
    expect(within(connected ?? document.body).getByRole('button', { name: 'Refresh MX Bank' })).toBeVisible();
    expect(denied).toHaveTextContent('Needs attention');
    expect(within(denied ?? document.body).getByRole('button', { name: 'Fix MX Bank' })).toBeVisible();
    expect(within(denied ?? document.body).queryByRole('button', { name: /Refresh/ })).toBeNull();
    expect(manual).toHaveTextContent('Manual');
    expect(within(manual ?? document.body).queryByRole('button', { name: /Fix|Refresh/ })).toBeNull();

    await w.user.click(screen.getByRole('button', { name: 'Connect another account' }));
    const popular = await screen.findByRole('listbox', { name: 'Popular institutions' });
    await waitFor(() => expect(within(popular).getAllByRole('option').length).toBeGreaterThan(3));
    // the user already has MX Bank: popular leaves it out, the others stay
    expect(within(popular).queryByRole('option', { name: /^MX Bank$/ })).toBeNull();
    expect(within(popular).getByRole('option', { name: /MX Credit Union/ })).toBeVisible();
  });

  it('a user without members starts at search, as before', async () => {
    await renderWidget();
    await screen.findByRole('combobox', { name: 'Search for your bank or credit union' });
    expect(screen.queryByRole('heading', { name: 'Your connections' })).toBeNull();
  });

  it('Fix on a DENIED member updates that member', async () => {
    const server = startMockServer();
    const { user, guids } = await userWith(server, ['denied']);
    const w = await renderWidget({ server, userGuid: user });
    await w.user.click(await screen.findByRole('button', { name: 'Fix MX Bank' }));
    await screen.findByRole('heading', { name: 'Update your credentials' });
    await submitCredentials(w, 'password', 'user0');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    const log = await server.log();
    expect(log.filter((e) => e.method === 'PUT' && e.path.endsWith(guids[0] ?? '-'))).toHaveLength(1);
    expect(w.events('mx/connect/memberConnected')[0]?.metadata).toMatchObject({ member_guid: guids[0] });
  });

  it('Fix on a CHALLENGED member shows its challenge', async () => {
    const server = startMockServer();
    const { user } = await userWith(server, ['challenge']);
    const w = await renderWidget({ server, userGuid: user });
    const challenged = await screen.findByRole('listitem', { name: 'MX Bank' });
    expect(challenged).toHaveTextContent('Needs attention');
    await w.user.click(within(challenged).getByRole('button', { name: 'Fix MX Bank' }));
    await screen.findByRole('heading', { name: 'Verify your identity' });
  });

  it('Refresh aggregates and the row follows the member by polling until it is connected again', async () => {
    const server = startMockServer();
    const { user, guids } = await userWith(server, ['password']);
    const w = await renderWidget({ server, userGuid: user });
    await w.user.click(await screen.findByRole('button', { name: 'Refresh MX Bank' }));
    await waitFor(() => expect(row('MX Bank')).toHaveTextContent('Connecting'));
    expect(screen.queryByRole('button', { name: 'Refresh MX Bank' })).toBeNull();
    await w.server.advance(SANDBOX_TIME.settled);
    await waitFor(() => expect(row('MX Bank')).toHaveTextContent('Connected'), { timeout: 3_000 });
    const log = await server.log();
    expect(log.filter((e) => e.method === 'POST' && e.path.endsWith(`${guids[0] ?? '-'}/aggregate`))).toHaveLength(1);
    expect(log.filter((e) => e.path.endsWith('/status')).length).toBeGreaterThan(0);
  });

  it('a member still connecting is polled until it settles; a manual one never is', async () => {
    const server = startMockServer();
    const user = await server.createUser();
    await server.createMember(user, 'password');
    await server.request('POST', `/api/users/${user}/accounts`, {
      account: { name: 'Cash', account_type: 'CASH', balance: 1 },
    });
    const w = await renderWidget({ server, userGuid: user });
    const mx = await screen.findByRole('listitem', { name: 'MX Bank' });
    expect(mx).toHaveTextContent('Connecting');
    await w.server.advance(SANDBOX_TIME.settled);
    await waitFor(() => expect(row('MX Bank')).toHaveTextContent('Connected'), { timeout: 3_000 });
    const members = (await server.request('GET', `/api/users/${user}/members`)).json as {
      members: { guid: string; is_manual: boolean }[];
    };
    const manual = members.members.find((m) => m.is_manual)?.guid ?? '-';
    const polled = (await server.log()).filter((e) => e.path.endsWith('/status')).map((e) => e.path);
    expect(polled.length).toBeGreaterThan(0);
    expect(polled.some((p) => p.includes(manual))).toBe(false);
    expect(row('Manual accounts')).toHaveTextContent('Manual');
  });

  it('Disconnect asks why, deletes, tells the host, and says it is done', async () => {
    const server = startMockServer();
    const { user, guids } = await userWith(server, ['password']);
    const w = await renderWidget({ server, userGuid: user });
    await w.user.click(await screen.findByRole('button', { name: 'Disconnect MX Bank' }));
    await screen.findByRole('heading', { name: 'Disconnect MX Bank?' });
    await w.user.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByText('Choose a reason to continue.')).toBeVisible();
    expect(screen.getByRole('radio', { name: 'I no longer use this account' })).toHaveFocus();
    await w.user.click(screen.getByRole('radio', { name: 'I do not want to share this data' }));
    await w.user.click(screen.getByRole('button', { name: 'Disconnect' }));
    // the button went with its screen: the user lands on the new heading, never on the page
    expect(await screen.findByRole('heading', { name: 'Disconnected' })).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
    expect(w.events('mx/connect/memberDeleted')[0]?.metadata).toMatchObject({ member_guid: guids[0] });
    expect(w.messages.find((m) => m.name === 'member_disconnected')?.metadata).toMatchObject({ reason: 'privacy' });
    expect((await server.log()).filter((e) => e.method === 'DELETE')).toHaveLength(1);
    // nothing left: the way on is to connect another
    expect(screen.queryByRole('button', { name: 'Back to your connections' })).toBeNull();
    await w.user.click(screen.getByRole('button', { name: 'Connect another account' }));
    await screen.findByRole('combobox', { name: 'Search for your bank or credit union' });
  });

  it('Cancel on the confirmation deletes nothing', async () => {
    const server = startMockServer();
    const { user } = await userWith(server, ['password', 'locked']);
    const w = await renderWidget({ server, userGuid: user });
    await w.user.click((await screen.findAllByRole('button', { name: 'Disconnect MX Bank' }))[0] ?? document.body);
    await w.user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'Your connections' });
    expect((await server.log()).filter((e) => e.method === 'DELETE')).toHaveLength(0);
  });

  it('a member the partner manages cannot be disconnected here', async () => {
    const server = startMockServer();
    const { user } = await userWith(server, ['password'], ['partner_managed']);
    await renderWidget({ server, userGuid: user });
    const managed = await screen.findByRole('listitem', { name: 'MX Bank' });
    expect(within(managed).queryByRole('button', { name: /Disconnect/ })).toBeNull();
    expect(within(managed).getByRole('button', { name: 'Refresh MX Bank' })).toBeVisible();
  });

  it('in verification mode offers members that can verify first, and picking one opens its accounts', async () => {
    const server = startMockServer();
    const user = await server.createUser();
    // MX Bank (Discontinued) cannot verify; MX Bank can
    await server.request('POST', `/api/users/${user}/members`, {
      member: {
        institution_code: 'mxbank_gone',
        credentials: [
          { guid: 'CRD-mxbank_gone-login', value: 'x' },
          { guid: 'CRD-mxbank_gone-password', value: 'password' },
        ],
      },
    });
    await server.createMember(user, 'password');
    await server.advance(SANDBOX_TIME.settled);
    const w = await renderWidget({ server, userGuid: user, params: { mode: 'verification' } });
    await screen.findByRole('heading', { name: 'Your connections' });
    await waitFor(() => expect(rows()[0]).toHaveAccessibleName('MX Bank'));
    await w.user.click(screen.getByRole('button', { name: 'Use MX Bank' }));
    await screen.findByRole('heading', { name: 'Choose an account' });
  });
});
