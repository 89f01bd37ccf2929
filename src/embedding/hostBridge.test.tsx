import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseInstitution, HOST_ORIGIN, renderWidget, type Rendered } from '../test/renderWidget';
import { createEmitter } from './emitter';
import { decodeHostMessage } from './hostMessages';

function fromHost(data: unknown, origin = HOST_ORIGIN, source: MessageEventSource | null = window.parent) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
}

const replies = (w: Rendered, type: 'mx/ping' | 'mx/navigation') => w.events(type);

describe('widget side of the frame', () => {
  it('decodes host messages given as objects or JSON strings, and nothing else', () => {
    expect(decodeHostMessage({ type: 'ping' })).toEqual({ type: 'ping' });
    expect(decodeHostMessage('{"type":"mx/navigation","payload":{"action":"back"}}')).toEqual({
      type: 'mx/navigation',
      payload: { action: 'back' },
    });
    expect(decodeHostMessage('{"type":"mx/sdk/info","metadata":{"sdk":"web","version":"1.0.0"}}')).toMatchObject({
      type: 'mx/sdk/info',
    });
    expect(decodeHostMessage('ping')).toBeNull();
    expect(decodeHostMessage({ type: 'mx/navigation', payload: { action: 'forward' } })).toBeNull();
    expect(decodeHostMessage(null)).toBeNull();
  });

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

  it('every mx message carries user_guid and session_guid, except mx/load', () => {
    const sent: unknown[] = [];
    const emitter = createEmitter((m) => sent.push(m), { user_guid: 'USR-1', session_guid: 'SES-1' });
    emitter.emit('mx/load', {});
    emitter.emit('mx/connect/memberConnected', { member_guid: 'MBR-1' });
    emitter.resize(300);
    expect(sent).toEqual([
      { mx: true, type: 'mx/load', metadata: {} },
      {
        mx: true,
        type: 'mx/connect/memberConnected',
        metadata: { member_guid: 'MBR-1', user_guid: 'USR-1', session_guid: 'SES-1' },
      },
      { type: 'connect-widget/resize', height: 300 },
    ]);
  });
});
