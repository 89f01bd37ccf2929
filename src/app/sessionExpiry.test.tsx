import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../api/client';
import { takeSessionToken } from '../embedding/sessionToken';
import { startMockServer } from '../test/mockServer';
import { connectMxBank, renderWidget } from '../test/renderWidget';

describe('the widget session', () => {
  it('its token is read from the URL once and taken out of it', () => {
    window.history.replaceState(null, '', '/?user_guid=USR-1&session_token=abc.def.ghi&mode=aggregation#x');
    expect(takeSessionToken()).toBe('abc.def.ghi');
    expect(window.location.search).toBe('?user_guid=USR-1&mode=aggregation');
    expect(window.location.hash).toBe('#x');
    expect(takeSessionToken()).toBeNull();
  });

  it('every API call carries it as a bearer token', async () => {
    const server = startMockServer();
    const seen: (string | null)[] = [];
    const api = createApiClient({
      sessionToken: 'tok.en.value',
      fetch: (input, init) => {
        seen.push(new Headers(init?.headers).get('authorization'));
        return server.fetch(input, init);
      },
    });
    await api.getInstitution('mxbank');
    expect(seen).toEqual(['Bearer tok.en.value']);
  });

  it('a refused session (401) ends on "Your session has expired" and tells the host once', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'delayed');
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'GET /users/*/members/*/status', kind: 'status', status: 401 }],
    });
    await screen.findByRole('heading', { name: 'Your session has expired' });
    expect(screen.queryByRole('button')).toBeNull();
    await waitFor(() => expect(w.messages.filter((m) => m.type === 'connect-widget/sessionExpired')).toHaveLength(1));
    const told = w.messages.find((m) => m.type === 'connect-widget/sessionExpired');
    expect(told?.metadata).toEqual({ user_guid: w.userGuid, session_guid: 'SES-test' });
    expect(told?.mx).toBeUndefined();
  });

  it.each([
    ['at start (the members read)', 'GET /users/*/members'],
    ['mid-flow (a status poll)', 'GET /users/*/members/*/status'],
  ])(
    'a session that may not act for the URL’s user (403, an edited URL) %s: a screen that says so, no dead-end retry',
    async (_, route) => {
      const server = startMockServer();
      const userGuid = await server.createUser();
      if (route === 'GET /users/*/members') {
        await server.request('POST', '/mock/faults', { rules: [{ route, kind: 'status', status: 403 }] });
      }
      const w = await renderWidget({ server, userGuid });
      if (route !== 'GET /users/*/members') {
        await connectMxBank(w, 'delayed');
        await server.request('POST', '/mock/faults', { rules: [{ route, kind: 'status', status: 403 }] });
      }
      await screen.findByRole('heading', { name: 'This session can’t be used' });
      expect(screen.getByText(/opened for a different account/)).toBeInTheDocument();
      expect(screen.queryByRole('button')).toBeNull();
      await waitFor(() => expect(w.messages.filter((m) => m.type === 'connect-widget/sessionExpired')).toHaveLength(1));
    },
  );
});
