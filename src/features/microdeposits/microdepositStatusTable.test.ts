import { describe, expect, it } from 'vitest';
import { MICRODEPOSIT_STATUSES } from '../../../sdk/src/contract/microdeposits';
import { MICRODEPOSIT_TABLE, microdepositRowOf } from './microdepositStatusTable';

describe('the microdeposit status table', () => {
  it('has one row per MX status, in MX order', () => {
    expect(MICRODEPOSIT_TABLE.map((r) => r.code)).toEqual([...MICRODEPOSIT_STATUSES]);
  });

  it('sends DEPOSITED and DENIED to the amounts, polls only while waiting', () => {
    expect(microdepositRowOf('DEPOSITED').screen).toBe('verifyAmounts');
    expect(microdepositRowOf('DENIED').screen).toBe('verifyAmounts');
    expect(MICRODEPOSIT_TABLE.filter((r) => r.polls).map((r) => r.code)).toEqual(['INITIATED', 'REQUESTED']);
  });

  it('reads an unknown status as a safe fallback', () => {
    expect(microdepositRowOf('SOMETHING_NEW')).toMatchObject({ screen: 'unknown', actions: ['tryAgain', 'startOver'] });
    expect(microdepositRowOf(null).screen).toBe('unknown');
  });
});
