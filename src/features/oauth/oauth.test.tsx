import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import spec from '../../api/fixtures/mx-openapi.json';
import { serveRaw, startMockServer } from '../../test/mockServer';
import {
  advanceUntil,
  decideAtBank,
  fakePopup,
  hostNavigateBack,
  renderWidget,
  untilNextStep,
} from '../../test/renderWidget';

async function openOauth(popup: ReturnType<typeof fakePopup> | null = fakePopup()) {
  const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
  const w = await renderWidget({ params: { current_institution_code: 'mxbank_oauth' } });
  const go = await screen.findByRole('button', { name: 'Go to MX Bank (OAuth)' });
  await waitFor(() => expect(go).toBeEnabled());
  await w.user.click(go);
  return { w, open, popup };
}

describe('OAuth', () => {
  it('MX answering with a null oauth_window_uri (its OpenAPI allows it) shows the error screen, never a dead button', async () => {
    const server = startMockServer();
    const userGuid = await server.createUser();
    const created = await server.request('POST', `/api/users/${userGuid}/members`, {
      member: { institution_code: 'mxbank_oauth', is_oauth: true },
    });
    const memberGuid = (created.json as { member: { guid: string } }).member.guid;
    await serveRaw(
      server,
      'GET /users/*/members/*/oauth_window_uri',
      JSON.stringify(spec.fixtures['GET /users/:user_guid/members/:member_guid/oauth_window_uri'].nulls),
    );
    await renderWidget({ server, userGuid, params: { current_member_guid: memberGuid } });
    expect(await screen.findByText(/We could not start the sign-in with MX Bank \(OAuth\)\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to MX Bank (OAuth)' })).toBeDisabled();
  });

  it('opens the provider inside the click, waits, and Authorize connects (and closes the bank window)', async () => {
    const { w, open, popup } = await openOauth();
    expect(open).toHaveBeenCalledTimes(1);
    const uri = String(open.mock.calls[0]?.[0]);
    expect(uri).toMatch(/\/api\/oauth\/authorize\/MBR-/);
    expect(w.events('mx/connect/oauthRequested')[0]?.metadata).toMatchObject({ url: uri });
    await screen.findByText('Waiting for you to finish signing in at MX Bank (OAuth)…');
    expect(screen.getByRole('button', { name: 'Reopen window' })).toBeInTheDocument();
    await decideAtBank(w, uri, 'authorize');
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'Success!' }));
    expect(w.events('mx/connect/memberConnected')).toHaveLength(1);
    expect(popup?.close).toHaveBeenCalledTimes(1);
  });

  it('a blocked popup is explained, with a plain link to the same page', async () => {
    const { w } = await openOauth(null);
    await screen.findByText('Your browser blocked the sign-in window. Use this link to open it:');
    const link = screen.getByRole('link', { name: 'Open MX Bank (OAuth) sign-in' });
    expect(link.getAttribute('href')).toMatch(/\/api\/oauth\/authorize\/MBR-/);
    expect(w.events('mx/connect/oauthRequested')).toHaveLength(1);
  });

  it('Deny reports oauthError, closes the bank window and offers a way back', async () => {
    const { w, open, popup } = await openOauth();
    await decideAtBank(w, String(open.mock.calls[0]?.[0]), 'deny');
    await screen.findByRole('heading', { name: 'Sign in again at MX Bank (OAuth)' });
    expect(popup?.close).toHaveBeenCalledTimes(1);
    expect(w.events('mx/connect/oauthError')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to search' })).toBeInTheDocument();
  });

  it('without the message (popup closed by hand, opener lost) polling still ends it', async () => {
    const { w, open } = await openOauth();
    const uri = String(open.mock.calls[0]?.[0]);
    // the decision reaches the backend, but the message comes from another origin and is ignored
    await decideAtBank(w, uri, 'fail', 'https://evil.example');
    await advanceUntil(w, 1_000, () => screen.getByRole('heading', { name: 'Connection problem' }));
  });

  it('Cancel deletes the pending member, closes the bank window and returns to search', async () => {
    const { w, popup } = await openOauth();
    await w.user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { name: 'Select your institution' });
    expect(popup?.close).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(w.events('mx/connect/memberDeleted')[0]?.metadata?.member_guid).toMatch(/^MBR-/));
    expect((await w.server.log()).some((e) => e.method === 'DELETE')).toBe(true);
  });

  describe('the bank window is closed when the flow no longer needs it', () => {
    const waiting = () => screen.findByText('Waiting for you to finish signing in at MX Bank (OAuth)…');

    it('the host’s back (the same as Cancel)', async () => {
      const { w, popup } = await openOauth();
      await waiting();
      hostNavigateBack();
      await screen.findByRole('heading', { name: 'Select your institution' });
      expect(popup?.close).toHaveBeenCalledTimes(1);
      expect(w.events('mx/navigation')[0]?.metadata).toMatchObject({ did_go_back: true });
    });

    it('the widget unmounting (the host removing it)', async () => {
      const { w, popup } = await openOauth();
      await waiting();
      w.view.unmount();
      expect(popup?.close).toHaveBeenCalledTimes(1);
    });

    it('the widget’s page going away (pagehide), and a reopened window is the same one', async () => {
      const { w, open, popup } = await openOauth();
      await waiting();
      await w.user.click(screen.getByRole('button', { name: 'Reopen window' }));
      expect(open.mock.calls.map((call) => call[1])).toEqual(['connect-oauth', 'connect-oauth']);
      act(() => void window.dispatchEvent(new Event('pagehide')));
      expect(popup?.close).toHaveBeenCalled();
      expect(popup?.closed).toBe(true);
    });
  });
});
