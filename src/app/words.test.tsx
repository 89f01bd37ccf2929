import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer } from '../test/mockServer';
import {
  connectMxBank,
  decideAtBank,
  fakePopup,
  type Rendered,
  renderWidget,
  untilNextStep,
} from '../test/renderWidget';

/** The OAuth window opened and decided at the bank, as in features/oauth's tests. */
async function decidedAtBank(decision: 'deny' | 'fail', locale = 'en') {
  const open = vi.spyOn(window, 'open').mockReturnValue(fakePopup() as unknown as Window);
  const w = await renderWidget({ params: { current_institution_code: 'mxbank_oauth', locale } });
  const go = await screen.findByRole('button', {
    name: locale === 'es' ? 'Ir a MX Bank (OAuth)' : 'Go to MX Bank (OAuth)',
  });
  await waitFor(() => expect(go).toBeEnabled());
  await w.user.click(go);
  const uri = String(open.mock.calls[0]?.[0]);
  await decideAtBank(w, uri, decision);
  return w;
}

const main = () => screen.getByRole('main');

describe('words that say what happened', () => {
  afterEach(() => vi.restoreAllMocks());

  it('OAuth Deny: the user declined at the bank, nothing about credentials, and a way to try again (en)', async () => {
    await decidedAtBank('deny');
    await screen.findByRole('heading', { name: 'Sign in again at MX Bank (OAuth)' });
    expect(main()).toHaveTextContent(
      'You declined or cancelled the sign-in at MX Bank (OAuth), so nothing was shared.',
    );
    expect(main()).not.toHaveTextContent(/credential/i);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/You declined or cancelled/);
  });

  it('OAuth Deny in Spanish', async () => {
    await decidedAtBank('deny', 'es');
    await screen.findByRole('heading', { name: 'Vuelva a iniciar sesión en MX Bank (OAuth)' });
    expect(main()).toHaveTextContent('Rechazó o canceló el inicio de sesión en MX Bank (OAuth)');
    expect(main()).not.toHaveTextContent(/credencial/i);
  });

  it('OAuth failing at the bank (FAILED, a sibling) speaks of the sign-in, not of credentials', async () => {
    await decidedAtBank('fail');
    await screen.findByRole('heading', { name: 'Connection problem' });
    expect(main()).toHaveTextContent('There was a problem completing the sign-in at MX Bank (OAuth).');
    expect(main()).not.toHaveTextContent(/credential/i);
  });

  it('credentials typed here and refused (DENIED without OAuth) still say so', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'denied');
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'New credentials needed' }));
    expect(main()).toHaveTextContent('The credentials entered do not match');
  });

  it('an empty MFA answer is a short generic line, in Spanish too', async () => {
    const w = await renderWidget({ params: { locale: 'es' } });
    await w.user.type(await screen.findByRole('combobox', { name: /banco o cooperativa/ }), 'MX Bank');
    await screen.findByText(/instituciones? encontradas?$/);
    await w.user.click(await screen.findByRole('option', { name: 'MX Bank' }));
    await w.user.type(await screen.findByLabelText('Username'), 'ana');
    await w.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'challenge');
    await w.user.click(screen.getByRole('button', { name: 'Continuar' }));
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'Verifique su identidad' }));
    await w.user.click(screen.getByRole('button', { name: 'Continuar' }));
    expect(await screen.findByText('Escriba una respuesta para continuar.')).toBeVisible();
    expect(screen.queryByText(/What city.*obligatori/)).toBeNull();
  });
});

describe('without client_name, sentences that read naturally', () => {
  it.each([
    ['en', 'This app uses MX to connect your accounts', 'You can revoke it at any time in the app'],
    ['es', 'Esta aplicación usa MX para conectar sus cuentas', 'Puede revocarlo en cualquier momento en la aplicación'],
  ])('%s consent', async (locale, heading, duration) => {
    await renderWidget({ params: { disable_consent: 'false', locale } });
    await screen.findByRole('heading', { name: heading });
    expect(main()).toHaveTextContent(duration);
    // never the stand-in name in the middle of a sentence ("in This app")
    expect(main().textContent).not.toMatch(/\p{Ll}\s+(This app|Esta aplicación)/u);
  });

  it('the partner refusing a bank (microdeposits)', async () => {
    const w = await renderWidget({ params: { mode: 'verification' } });
    await w.user.click(await screen.findByRole('button', { name: 'Connect with account numbers instead' }));
    const field = await screen.findByLabelText('Routing number');
    await w.user.type(field, '111000038');
    await w.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This app does not accept accounts at this bank. Please use an account at another bank.',
    );
  });
});

describe('a session that ended, in a frame', () => {
  async function expire(w: Rendered) {
    await connectMxBank(w, 'delayed');
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /users/*/members/*/status', kind: 'status', status: 401 }],
    });
  }

  it('in an iframe it never says to close a window there is no button for (en, es)', async () => {
    vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    const w = await renderWidget();
    await expire(w);
    await screen.findByRole('heading', { name: 'Your session has expired' });
    expect(main()).toHaveTextContent('To continue, start connecting your account again from the app.');
    expect(main()).not.toHaveTextContent(/window/i);
    w.view.unmount();

    const server = startMockServer();
    const es = await renderWidget({ server, userGuid: await server.createUser(), params: { locale: 'es' } });
    await es.user.type(await screen.findByRole('combobox', { name: /banco o cooperativa/ }), 'MX Bank');
    await screen.findByText(/instituciones? encontradas?$/);
    await es.user.click(await screen.findByRole('option', { name: 'MX Bank' }));
    await es.user.type(await screen.findByLabelText('Username'), 'ana');
    await es.user.type(screen.getByLabelText('Password', { selector: 'input' }), 'delayed');
    await es.user.click(screen.getByRole('button', { name: 'Continuar' }));
    await es.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /users/*/members/*/status', kind: 'status', status: 401 }],
    });
    await screen.findByRole('heading', { name: 'Su sesión ha caducado' });
    expect(main()).not.toHaveTextContent(/ventana/i);
  });

  it('in a window of its own (a popup, a WebView) it may say to close it', async () => {
    const w = await renderWidget();
    await expire(w);
    await screen.findByRole('heading', { name: 'Your session has expired' });
    expect(main()).toHaveTextContent('Close this window and start again from the app.');
  });
});

describe('an institution code no bank has', () => {
  it.each([
    ['en', 'Institution not found', 'Back to search'],
    ['es', 'No se encontró la institución', 'Volver a la búsqueda'],
  ])('%s: says the institution was not found and offers search', async (locale, heading, search) => {
    const w = await renderWidget({ params: { current_institution_code: 'no-such-bank', locale } });
    await screen.findByRole('heading', { name: heading });
    expect(main()).not.toHaveTextContent(/connection|conexión/i);
    await w.user.click(screen.getByRole('button', { name: search }));
    await screen.findByRole('combobox', { name: /bank or credit union|banco o cooperativa/ });
  });
});
