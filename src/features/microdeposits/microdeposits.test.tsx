import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEPOSITED_AFTER_MS, REQUESTED_AFTER_MS } from '../../../server/upstreams/mock/microdeposits';
import { serveRaw, type MockServer } from '../../test/mockServer';
import { renderWidget, type Rendered } from '../../test/renderWidget';

const ACCOUNT = '123456789';
const VERIFY = { mode: 'verification' } as const;

const button = (name: string | RegExp) => screen.findByRole('button', { name });
const heading = (name: string | RegExp) => screen.findByRole('heading', { name });

async function startFromSearch(w: Rendered) {
  await w.user.click(await button('Connect with account numbers instead'));
  await heading('Enter your routing number');
}

async function enterRouting(w: Rendered, number: string) {
  const field = await screen.findByLabelText('Routing number');
  await w.user.clear(field);
  await w.user.type(field, number);
  await w.user.click(screen.getByRole('button', { name: 'Continue' }));
}

/** Routing number (valid) → how it works → account → name and email → review. */
async function fillDetails(w: Rendered, account = ACCOUNT) {
  await enterRouting(w, '111000041');
  await heading('How verifying with deposits works');
  await w.user.click(screen.getByRole('button', { name: 'Continue' }));
  await heading('Enter your account details');
  await w.user.click(screen.getByRole('radio', { name: 'Checking' }));
  await w.user.type(screen.getByLabelText('Account number'), account);
  await w.user.type(screen.getByLabelText('Confirm account number'), account);
  await w.user.click(screen.getByRole('button', { name: 'Continue' }));
  await enterNameAndEmail(w, 'ann@example.com');
  await heading('Review your details');
}

/** The name-and-email screen, filled in and continued. */
async function enterNameAndEmail(w: Rendered, email: string) {
  await heading('Your name and email');
  await w.user.type(screen.getByLabelText('First name'), 'Ann');
  await w.user.type(screen.getByLabelText('Last name'), 'Lee');
  await w.user.type(screen.getByLabelText('Email'), email);
  await w.user.click(screen.getByRole('button', { name: 'Continue' }));
}

/** A microdeposit made over HTTP, as a partner's back end (or an earlier visit) would have. */
async function createMicrodeposit(server: MockServer, user: string, account = ACCOUNT): Promise<string> {
  const res = await server.request('POST', `/api/users/${user}/micro_deposits`, {
    micro_deposit: {
      routing_number: '111000041',
      account_number: account,
      account_type: 'SAVINGS',
      first_name: 'Ann',
      last_name: 'Lee',
      email: 'ann@example.com',
    },
  });
  return (res.json as { micro_deposit: { guid: string } }).micro_deposit.guid;
}

async function verifyAmounts(w: Rendered, a: string, b: string) {
  const first = await screen.findByLabelText('First deposit amount');
  await w.user.clear(first);
  await w.user.type(first, a);
  await w.user.clear(screen.getByLabelText('Second deposit amount'));
  await w.user.type(screen.getByLabelText('Second deposit amount'), b);
  await w.user.click(screen.getByRole('button', { name: 'Verify' }));
}

describe('microdeposits: verification by account and routing number', () => {
  it('the whole flow: checks on every screen, review masked, then the status screens to verified', async () => {
    const w = await renderWidget({ params: { ...VERIFY, client_name: 'Acme Pay' } });
    await startFromSearch(w);

    // nine digits, then the ABA checksum, in the browser: nothing is asked of the server yet
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Routing number is required.')).toBeVisible();
    await enterRouting(w, '12345678');
    expect(await screen.findByText('A routing number is 9 digits.')).toBeVisible();
    await enterRouting(w, '123456789');
    expect(await screen.findByText(/not a valid routing number/)).toBeVisible();
    expect((await w.server.log()).some((e) => e.path.includes('routing_numbers'))).toBe(false);

    await enterRouting(w, '111000041');
    await heading('How verifying with deposits works');
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Enter your account details');
    await w.user.type(screen.getByLabelText('Account number'), '123');
    await w.user.type(screen.getByLabelText('Confirm account number'), '124');
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Account type is required.')).toBeVisible();
    expect(screen.getByText(/4 to 17 digits/)).toBeVisible();
    expect(screen.getByText('The account numbers do not match.')).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Checking' })).toHaveFocus();
    await w.user.click(screen.getByRole('radio', { name: 'Savings' }));
    await w.user.clear(screen.getByLabelText('Account number'));
    await w.user.type(screen.getByLabelText('Account number'), ACCOUNT);
    await w.user.clear(screen.getByLabelText('Confirm account number'));
    await w.user.type(screen.getByLabelText('Confirm account number'), ACCOUNT);
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    await enterNameAndEmail(w, 'ann@');
    expect(await screen.findByText(/Enter an email address/)).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveFocus();
    await w.user.type(screen.getByLabelText('Email'), 'example.com');
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));

    // review: the account number as its last four only; an edit link returns here after Continue
    await heading('Review your details');
    expect(screen.getByText('••••6789')).toBeVisible();
    expect(screen.queryByText(ACCOUNT)).toBeNull();
    expect(screen.getByText(/authorize Acme Pay to send two deposits/)).toBeVisible();
    await w.user.click(screen.getByRole('button', { name: 'Edit Account type' }));
    await heading('Enter your account details');
    expect(screen.getByLabelText('Account number')).toHaveValue(ACCOUNT);
    await w.user.click(screen.getByRole('radio', { name: 'Checking' }));
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Review your details');
    expect(screen.getByText('Checking')).toBeVisible();
    await w.user.click(screen.getByRole('button', { name: 'Confirm' }));

    await heading('Check back in 1–2 business days');
    expect(screen.getByText(/ending in 6789/)).toBeVisible();
    const posted = (await w.server.log()).find((e) => e.method === 'POST' && e.path.endsWith('/micro_deposits'));
    expect(posted?.status).toBe(200);
    const submitted = w.events('mx/connect/microdeposits/detailsSubmitted')[0];
    const guid = String(submitted?.metadata?.microdeposit_guid);
    expect(guid).toMatch(/^MIC-/);

    // the deposits go out after an hour and land after a day (mock virtual time); the screen follows by polling
    await w.server.advance(REQUESTED_AFTER_MS);
    await screen.findByText(/on their way to your account ending in 6789/);
    await w.server.advance(DEPOSITED_AFTER_MS);
    await heading('Enter the two deposit amounts');

    await verifyAmounts(w, '0.05', '0.05');
    expect(await screen.findByRole('alert')).toHaveTextContent('Those amounts do not match the deposits');
    expect(screen.getByLabelText('First deposit amount')).toHaveFocus();
    await verifyAmounts(w, '0.10', '0.03');
    expect(await screen.findByText(/Enter an amount from 0.01 to 0.09/)).toBeVisible();
    await verifyAmounts(w, '0.03', '0.07');
    await heading('Account verified');
    expect(w.events('mx/connect/microdeposits/verified').map((e) => e.metadata?.microdeposit_guid)).toEqual([guid]);
    expect(w.messages.filter((m) => m.name === 'microdeposit_amounts_submitted')).toHaveLength(2);

    // the account number went to the server once, in the create request's body, and nowhere else
    const log = await w.server.log();
    expect(JSON.stringify(w.messages)).not.toContain(ACCOUNT);
    expect(JSON.stringify(log)).not.toContain(ACCOUNT);
    expect(log.some((e) => (e.query ?? '').includes(ACCOUNT) || e.path.includes(ACCOUNT))).toBe(false);
    expect(JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage)).not.toContain(ACCOUNT);
  });

  it('routing check outcomes: invalid, blocked, blocked by the partner (each reported), instant verification preferred', async () => {
    const w = await renderWidget({ params: { ...VERIFY, client_name: 'Acme Pay' } });
    await startFromSearch(w);
    await enterRouting(w, '111000012');
    expect(await screen.findByText(/could not find a bank with this routing number/)).toBeVisible();
    // a refused number: the user lands on its field, which says what is wrong with it
    const field = screen.getByLabelText('Routing number');
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/could not find a bank with this routing number/);
    await enterRouting(w, '111000025');
    expect(await screen.findByRole('alert')).toHaveTextContent('Deposits cannot be sent to this bank');
    await waitFor(() => expect(screen.getByLabelText('Routing number')).toHaveFocus());
    await enterRouting(w, '111000038');
    expect(await screen.findByRole('alert')).toHaveTextContent('Acme Pay does not accept accounts at this bank');
    expect(w.events('mx/connect/microdeposits/blockedRoutingNumber').map((e) => e.metadata)).toEqual([
      expect.objectContaining({ routing_number: '111000012', reason: 'INVALID' }),
      expect.objectContaining({ routing_number: '111000025', reason: 'BLOCKED' }),
      expect.objectContaining({ routing_number: '111000038', reason: 'CLIENT_BLOCKED' }),
    ]);

    await enterRouting(w, '123456780');
    await heading('Your bank can verify you instantly');
    expect(w.events('mx/connect/microdeposits/blockedRoutingNumber').at(-1)?.metadata).toMatchObject({
      reason: 'IAV_PREFERRED',
    });
    const offered = screen.getByRole('list', { name: 'Banks with this routing number' });
    expect(await within(offered).findByRole('button', { name: 'Sign in to MX Bank' })).toBeVisible();
    // numbers anyway
    await w.user.click(screen.getByRole('button', { name: 'Continue with account numbers' }));
    await heading('How verifying with deposits works');
    await w.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Enter your routing number');
    expect(screen.getByLabelText('Routing number')).toHaveValue('123456780');
    // or sign in instead
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    await w.user.click(await button('Sign in to MX Bank'));
    await heading('Enter your credentials');
    expect(w.events('mx/connect/selectedInstitution').at(-1)?.metadata).toMatchObject({ code: 'mxbank' });
  });

  it('a failed routing check or submit keeps everything typed', async () => {
    const w = await renderWidget({ params: VERIFY });
    await startFromSearch(w);
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /micro_deposits/routing_numbers/*', kind: 'status', status: 503, count: 1 }],
    });
    await enterRouting(w, '111000041');
    expect(await screen.findByRole('alert')).toHaveTextContent('could not check this routing number');
    expect(screen.getByLabelText('Routing number')).toHaveValue('111000041');
    await w.server.request('DELETE', '/mock/faults');
    await fillDetails(w);
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'POST /users/*/micro_deposits', kind: 'status', status: 500, count: 1 }],
    });
    await w.user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not send your details');
    expect(screen.getByText('••••6789')).toBeVisible();
    await w.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await heading('Check back in 1–2 business days');
  });

  it.each([
    ['10000001', 'The deposits could not be sent'],
    ['10000002', 'Your bank refused the deposits'],
    ['10000003', 'already being verified elsewhere'],
  ])(
    'current_microdeposit_guid resumes at its status: account %s ends in a problem screen; Start over is reported',
    async (account, text) => {
      const server = (await import('../../test/mockServer')).startMockServer();
      const user = await server.createUser();
      const guid = await createMicrodeposit(server, user, account);
      await server.advance(REQUESTED_AFTER_MS);
      const w = await renderWidget({ server, userGuid: user, params: { ...VERIFY, current_microdeposit_guid: guid } });
      await heading('We could not verify your account');
      expect(screen.getByText(new RegExp(text))).toBeVisible();
      await w.user.click(screen.getByRole('button', { name: 'Start over' }));
      await heading('Enter your routing number');
      expect(w.events('mx/connect/microdeposits/error/primaryAction')[0]?.metadata).toMatchObject({
        microdeposit_guid: guid,
      });
    },
  );

  it('resumes a deposited one at its amounts; the third wrong pair is PREVENTED', async () => {
    const server = (await import('../../test/mockServer')).startMockServer();
    const user = await server.createUser();
    const guid = await createMicrodeposit(server, user);
    await server.advance(DEPOSITED_AFTER_MS);
    const w = await renderWidget({ server, userGuid: user, params: { ...VERIFY, current_microdeposit_guid: guid } });
    await heading('Enter the two deposit amounts');
    expect(w.events('mx/connect/loaded')[0]?.metadata).toMatchObject({ initial_step: 'microdeposits' });
    for (let i = 0; i < 2; i += 1) {
      await verifyAmounts(w, '0.01', '0.02');
      await screen.findByRole('alert');
    }
    await verifyAmounts(w, '0.01', '0.02');
    await heading('We could not verify your account');
    expect(screen.getByText(/Too many wrong amounts/)).toBeVisible();
  });

  it('an unknown status gets the safe screen; a microdeposit that is not there says so', async () => {
    const w = await renderWidget({ params: { ...VERIFY, current_microdeposit_guid: 'MIC-nope' } });
    await heading('We cannot show this verification');
    expect(screen.getByRole('alert')).toHaveTextContent('could not load this verification');

    const server = (await import('../../test/mockServer')).startMockServer();
    const user = await server.createUser();
    const guid = await createMicrodeposit(server, user);
    await serveRaw(
      server,
      'GET /users/*/micro_deposits/*',
      JSON.stringify({ micro_deposit: { guid, status: 'LIMBO' } }),
    );
    w.view.unmount();
    await renderWidget({ server, userGuid: user, params: { ...VERIFY, current_microdeposit_guid: guid } });
    await heading('We cannot show this verification');
    expect(screen.getByText(/in a state we do not know/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Start over' })).toBeVisible();
  });

  async function atAmounts(params: Record<string, string>) {
    const server = (await import('../../test/mockServer')).startMockServer();
    const user = await server.createUser();
    const guid = await createMicrodeposit(server, user);
    await server.advance(DEPOSITED_AFTER_MS);
    return renderWidget({ server, userGuid: user, params: { ...VERIFY, ...params, current_microdeposit_guid: guid } });
  }

  it('amounts as people write them (en: .07 and .03, as on a statement)', async () => {
    const w = await atAmounts({});
    await heading('Enter the two deposit amounts');
    await verifyAmounts(w, '.07', '$.03');
    await heading('Account verified');
  });

  it('amounts are read the locale’s way (es: 0,07, or 0.07 copied from a statement)', async () => {
    const w = await atAmounts({ locale: 'es' });
    await heading('Escriba los importes de los dos depósitos');
    await w.user.type(screen.getByLabelText('Importe del primer depósito'), 'siete');
    await w.user.type(screen.getByLabelText('Importe del segundo depósito'), '0,03');
    await w.user.click(screen.getByRole('button', { name: 'Verificar' }));
    expect(await screen.findByText(/por ejemplo 0,07/)).toBeVisible();
    await w.user.clear(screen.getByLabelText('Importe del primer depósito'));
    await w.user.type(screen.getByLabelText('Importe del primer depósito'), '0.07');
    await w.user.click(screen.getByRole('button', { name: 'Verificar' }));
    await heading('Cuenta verificada');
  });

  it('entry points: verification mode only; an institution that cannot verify offers it too', async () => {
    const aggregation = await renderWidget();
    await screen.findByRole('combobox', { name: 'Search for your bank or credit union' });
    expect(screen.queryByRole('button', { name: 'Connect with account numbers instead' })).toBeNull();
    aggregation.view.unmount();

    const w = await renderWidget({ params: { ...VERIFY, current_institution_code: 'mxbank_gone' } });
    await heading('MX Bank (Discontinued) cannot verify accounts');
    await w.user.click(screen.getByRole('button', { name: 'Connect with account numbers instead' }));
    await heading('Enter your routing number');
    expect(w.messages.find((m) => m.name === 'microdeposits_chosen')?.metadata).toMatchObject({
      source: 'institution',
    });

    // no results: still offered
    w.view.unmount();
    const again = await renderWidget({ params: VERIFY });
    await again.user.type(
      await screen.findByRole('combobox', { name: 'Search for your bank or credit union' }),
      'zzzz no such bank',
    );
    await screen.findByText(/No institutions match/);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Connect with account numbers instead' })).toBeVisible(),
    );
  });

  it('details answered after the user went Back: the flow stays where they went and the microdeposit is deleted', async () => {
    const w = await renderWidget({ params: VERIFY });
    // the mock makes the microdeposit at once and answers a second later
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'POST /users/*/micro_deposits', kind: 'late', delay_ms: 1_000 }],
    });
    await startFromSearch(w);
    await fillDetails(w);
    await w.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await w.user.click(screen.getByRole('button', { name: 'Back' }));
    await heading('Your name and email');
    await waitFor(async () => expect((await w.server.log()).some((e) => e.method === 'DELETE')).toBe(true), {
      timeout: 3_000,
    });
    expect(screen.getByRole('heading', { name: 'Your name and email' })).toBeInTheDocument();
    expect(w.events('mx/connect/microdeposits/detailsSubmitted')).toHaveLength(0);
  });
});
