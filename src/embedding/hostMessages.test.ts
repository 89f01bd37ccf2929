import { describe, expect, it } from 'vitest';
import { createEmitter } from './emitter';
import { decodeHostMessage } from './hostMessages';

describe('messages across the frame', () => {
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
