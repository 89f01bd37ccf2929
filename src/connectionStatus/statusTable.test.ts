import { describe, expect, it } from 'vitest';
import { POLLING_STEPS } from '../flow/steps';
import { STATUS_TABLE, statusMove, type StatusClass, type StatusMove } from './statusTable';

interface Seen {
  step: 'oauth' | 'connecting';
  name: string | null;
  aggregating: boolean;
}

const failed: StatusMove = { to: 'loginError', effect: 'failed' };
/** To connecting from OAuth; on connecting already, nowhere. */
const onToConnecting = ({ step }: Seen): StatusMove => ({
  to: step === 'connecting' ? null : 'connecting',
  effect: null,
});

/**
 * What each class of status should do, written out here rather than read from the code under
 * test. Typed by StatusClass: a class added to the status table without a rule here does not compile.
 */
const EXPECTED: Record<StatusClass, (seen: Seen) => StatusMove> = {
  transient: (seen) =>
    seen.step === 'oauth' && seen.name === 'PENDING' ? { to: null, effect: null } : onToConnecting(seen),
  reconnected: (seen) => ({ ...onToConnecting(seen), effect: 'reconnect' }),
  challenged: () => ({ to: 'mfa', effect: null }),
  success: (seen) => (seen.aggregating ? onToConnecting(seen) : { to: 'connected', effect: 'connected' }),
  manual: () => ({ to: 'connected', effect: null }),
  fixCredentials: () => failed,
  mfaProblem: () => failed,
  actAtBank: () => failed,
  temporary: () => failed,
  gone: () => failed,
  unknown: () => failed,
};

// every row of the status table (a new row is a new case), and a name MX might add later
const ROWS = [...STATUS_TABLE, { name: 'SOMETHING_NEW', statusClass: 'unknown' as const }];
const CASES = ROWS.flatMap(({ name, statusClass }) =>
  (['oauth', 'connecting'] as const).flatMap((step) =>
    [false, true].map((aggregating) => ({ name, statusClass, step, aggregating })),
  ),
);

describe('statusMove: the status → next-step decision', () => {
  it('is asked only on the steps that poll', () => {
    expect([...POLLING_STEPS].sort()).toEqual(['connecting', 'oauth']);
  });

  it.each(CASES)('$name ($statusClass) on $step, aggregating $aggregating', (seen) => {
    expect(statusMove(seen.name, { step: seen.step, isBeingAggregated: seen.aggregating })).toEqual(
      EXPECTED[seen.statusClass](seen),
    );
  });

  it.each([
    ['PENDING', 'oauth', { to: null, effect: null }],
    ['PENDING', 'connecting', { to: null, effect: null }],
    ['CREATED', 'oauth', { to: 'connecting', effect: null }],
    ['CHALLENGED', 'connecting', { to: 'mfa', effect: null }],
    ['CONNECTED', 'connecting', { to: 'connected', effect: 'connected' }],
    ['DENIED', 'oauth', { to: 'loginError', effect: 'failed' }],
    [null, 'connecting', { to: 'connected', effect: null }],
  ] as const)('%s on %s, not aggregating: %o', (name, step, move) => {
    expect(statusMove(name, { step, isBeingAggregated: false })).toEqual(move);
  });
});
