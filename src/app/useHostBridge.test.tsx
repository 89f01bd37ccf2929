import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseInstitution, HOST_ORIGIN, renderWidget, type Rendered } from '../test/renderWidget';

function fromHost(data: unknown, origin = HOST_ORIGIN, source: MessageEventSource | null = window.parent) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
}

const replies = (w: Rendered, type: 'mx/ping' | 'mx/navigation') => w.events(type);

describe('useHostBridge: the widget answering its host', () => {
  it('answers a JSON-string ping from the host', async () => {
    const w = await renderWidget();
    await screen.findByRole('combobox');
    fromHost(JSON.stringify({ type: 'ping' }));
    await waitFor(() => expect(replies(w, 'mx/ping')).toHaveLength(1));
    expect(replies(w, 'mx/ping')[0]?.metadata).toEqual({ user_guid: w.userGuid, session_guid: 'SES-test' });
  });

  it('ignores the wrong origin and the wrong window', async () => {
    const w = await renderWidget();
    await screen.findByRole('combobox');
    fromHost({ type: 'ping' }, 'https://evil.example');
    fromHost({ type: 'ping' }, HOST_ORIGIN, null);
    expect(replies(w, 'mx/ping')).toHaveLength(0);
  });

  it('goes back one step when the flow allows, and says whether it did', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    await screen.findByRole('heading', { name: 'Enter your credentials' });
    fromHost({ type: 'mx/navigation', payload: { action: 'back' } });
    await screen.findByRole('heading', { name: 'Select your institution' });
    fromHost({ type: 'mx/navigation', payload: { action: 'back' } });
    await waitFor(() => expect(replies(w, 'mx/navigation').map((m) => m.metadata?.did_go_back)).toEqual([true, false]));
    const steps = w.events('mx/connect/stepChange').map((m) => [m.metadata?.previous, m.metadata?.current]);
    expect(steps).toEqual([
      ['search', 'enterCreds'],
      ['enterCreds', 'search'],
    ]);
  });
});
