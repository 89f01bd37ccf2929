import { describe, expect, it } from 'vitest';
import { decodeAppMessage } from './appMessages';

describe('the app’s messages', () => {
  it('an array is not a message, nor a metadata object, whatever properties it carries', () => {
    const metadata = Object.assign([], { member_guid: 'MBR-1' });
    expect(decodeAppMessage({ type: 'oauthComplete/success', metadata })).toBeNull();
    expect(decodeAppMessage(Object.assign([], { type: 'mx/navigation' }))).toBeNull();
    expect(decodeAppMessage({ type: 'oauthComplete/success', metadata: { member_guid: 'MBR-1' } })).toMatchObject({
      memberGuid: 'MBR-1',
    });
  });
});
