import { describe, expect, it } from 'vitest';
import { MICRODEPOSIT_FORM_STEPS, STEPS, type Step } from './steps';
import { FRESH, transition, TRANSITIONS, type FlowEvent, type FlowPosition } from './transitions';

/** Mid-flow on a member this attempt made: every field a transition could keep or drop is set. */
const BUSY: FlowPosition = {
  step: 'connecting',
  institutionCode: 'mxbank',
  memberGuid: 'MBR-1',
  credentialsMode: 'create',
  isOauth: false,
  notice: 'REJECTED',
  errorKind: null,
  errorWaitMs: null,
  afterConsent: null,
  microdepositGuid: 'MIC-1',
  memberIsNew: true,
  attempt: 3,
};

/** A new start: nothing of the last attempt is kept, and the screen it lands on is new even if the step is not. */
const fresh = (changes: Partial<FlowPosition>): Partial<FlowPosition> => ({
  ...FRESH,
  attempt: BUSY.attempt + 1,
  ...changes,
});

interface Case<E extends FlowEvent = FlowEvent> {
  /** what the row is about */
  name: string;
  /** where the event happens, over BUSY */
  at?: Partial<FlowPosition>;
  event: E;
  /** every field that differs afterwards, over the position it happened at */
  leadsTo: Partial<FlowPosition>;
}

/** An event that changes the step and nothing else. */
const stepOnly = <E extends FlowEvent>(name: string, from: Step, event: E, to: Step): Case<E> => ({
  name,
  at: { step: from },
  event,
  leadsTo: { step: to },
});

/**
 * Where every event leads, by event type. Typed by FlowEvent's types, so an event added to
 * transitions.ts without a row here does not compile.
 */
const CASES: { [K in FlowEvent['type']]: readonly Case<Extract<FlowEvent, { type: K }>>[] } = {
  consentGiven: [
    {
      name: 'to the step the flow was going to',
      at: { step: 'consent', afterConsent: 'connections' },
      event: { type: 'consentGiven' },
      leadsTo: { step: 'connections', afterConsent: null },
    },
    {
      name: 'to search when nothing waits',
      at: { step: 'consent' },
      event: { type: 'consentGiven' },
      leadsTo: { step: 'search' },
    },
  ],
  institutionChosen: [
    ...(['chooseMethod', 'enterCreds', 'institutionUnavailable'] as const).map((next) => ({
      name: `a new attempt on ${next}`,
      event: { type: 'institutionChosen' as const, code: 'chase', next },
      leadsTo: fresh({ step: next, institutionCode: 'chase' }),
    })),
    {
      name: 'a new attempt through OAuth',
      event: { type: 'institutionChosen', code: 'chase', next: 'oauth' },
      leadsTo: fresh({ step: 'oauth', institutionCode: 'chase', isOauth: true }),
    },
  ],
  methodChosen: [
    {
      name: 'OAuth',
      at: { step: 'chooseMethod' },
      event: { type: 'methodChosen', method: 'oauth' },
      leadsTo: { step: 'oauth', isOauth: true },
    },
    {
      name: 'credentials',
      at: { step: 'chooseMethod', isOauth: true },
      event: { type: 'methodChosen', method: 'credentials' },
      leadsTo: { step: 'enterCreds', isOauth: false },
    },
  ],
  oauthMemberCreated: [
    {
      name: 'the OAuth step keeps its new member',
      at: { step: 'oauth', memberGuid: null, memberIsNew: false },
      event: { type: 'oauthMemberCreated', memberGuid: 'MBR-2' },
      leadsTo: { step: 'oauth', memberGuid: 'MBR-2', isOauth: true, memberIsNew: true },
    },
  ],
  credentialsSent: [
    {
      name: 'a created member is new',
      at: { step: 'enterCreds', memberGuid: null, memberIsNew: false },
      event: { type: 'credentialsSent', memberGuid: 'MBR-2' },
      leadsTo: { step: 'connecting', memberGuid: 'MBR-2', notice: null, memberIsNew: true },
    },
    {
      name: 'fixing a member that existed before leaves it not new',
      at: { step: 'enterCreds', credentialsMode: 'update', memberIsNew: false },
      event: { type: 'credentialsSent', memberGuid: 'MBR-1' },
      leadsTo: { step: 'connecting', notice: null },
    },
    {
      name: "fixing this attempt's own member keeps it new",
      at: { step: 'enterCreds', credentialsMode: 'update', memberIsNew: true },
      event: { type: 'credentialsSent', memberGuid: 'MBR-1' },
      leadsTo: { step: 'connecting', notice: null },
    },
    {
      name: "fixing another member is not this attempt's",
      at: { step: 'enterCreds', credentialsMode: 'update', memberIsNew: true },
      event: { type: 'credentialsSent', memberGuid: 'MBR-9' },
      leadsTo: { step: 'connecting', memberGuid: 'MBR-9', notice: null, memberIsNew: false },
    },
  ],
  duplicateFound: [
    {
      name: 'fix the existing member instead',
      at: { step: 'enterCreds', memberGuid: null },
      event: { type: 'duplicateFound', memberGuid: 'MBR-OLD' },
      leadsTo: { step: 'enterCreds', memberGuid: 'MBR-OLD', credentialsMode: 'update', memberIsNew: false },
    },
  ],
  updateCredentialsChosen: [
    {
      name: 'new credentials for the same member',
      at: { step: 'loginError' },
      event: { type: 'updateCredentialsChosen' },
      leadsTo: { step: 'enterCreds', credentialsMode: 'update' },
    },
  ],
  answersSent: [
    {
      name: 'back to connecting, the notice read',
      at: { step: 'mfa' },
      event: { type: 'answersSent' },
      leadsTo: { step: 'connecting', notice: null },
    },
  ],
  retryChosen: [
    {
      name: 'with a notice for the next challenge',
      at: { step: 'loginError', notice: null },
      event: { type: 'retryChosen', notice: 'EXPIRED' },
      leadsTo: { step: 'connecting', notice: 'EXPIRED' },
    },
    {
      name: 'from an error screen, the error dropped',
      at: { step: 'error', errorKind: 'server' },
      event: { type: 'retryChosen' },
      leadsTo: { step: 'connecting', notice: null, errorKind: null },
    },
  ],
  statusReached: (['connecting', 'mfa', 'connected', 'loginError'] as const).map((step) => ({
    name: `the status asks for ${step}`,
    at: { step: 'oauth' as const },
    event: { type: 'statusReached' as const, step },
    leadsTo: { step },
  })),
  failed: [
    {
      name: 'a rate limit keeps its wait',
      event: { type: 'failed', errorKind: 'rateLimited', waitMs: 20_000 },
      leadsTo: { step: 'error', errorKind: 'rateLimited', errorWaitMs: 20_000 },
    },
    {
      name: 'any other error has no wait',
      at: { errorWaitMs: 5_000 },
      event: { type: 'failed', errorKind: 'network' },
      leadsTo: { step: 'error', errorKind: 'network', errorWaitMs: null },
    },
  ],
  reset: [{ name: 'search, from scratch', event: { type: 'reset' }, leadsTo: fresh({}) }],
  connectAnotherChosen: [
    {
      name: 'search, from scratch',
      at: { step: 'connections' },
      event: { type: 'connectAnotherChosen' },
      leadsTo: fresh({}),
    },
  ],
  connectionsChosen: [
    {
      name: 'the list, from scratch',
      at: { step: 'disconnected' },
      event: { type: 'connectionsChosen' },
      leadsTo: fresh({ step: 'connections' }),
    },
  ],
  fixChosen: [
    {
      name: 'the step the member calls for, on that member only',
      at: { step: 'connections' },
      event: {
        type: 'fixChosen',
        memberGuid: 'MBR-7',
        institutionCode: 'chase',
        fix: { step: 'enterCreds', credentialsMode: 'update', isOauth: false },
      },
      leadsTo: fresh({ step: 'enterCreds', credentialsMode: 'update', memberGuid: 'MBR-7', institutionCode: 'chase' }),
    },
  ],
  memberPicked: [
    {
      name: "on to the picked member's accounts",
      at: { step: 'connections' },
      event: { type: 'memberPicked', memberGuid: 'MBR-7', institutionCode: null },
      leadsTo: fresh({ step: 'connected', memberGuid: 'MBR-7' }),
    },
  ],
  disconnectChosen: [
    {
      name: 'asks about that member',
      at: { step: 'connections' },
      event: { type: 'disconnectChosen', memberGuid: 'MBR-7', institutionCode: 'chase' },
      leadsTo: { step: 'disconnect', memberGuid: 'MBR-7', institutionCode: 'chase' },
    },
  ],
  memberDisconnected: [stepOnly('the outcome', 'disconnect', { type: 'memberDisconnected' }, 'disconnected')],
  manualAccountChosen: [stepOnly('the form', 'loginError', { type: 'manualAccountChosen' }, 'manualAccount')],
  manualAccountAdded: [
    {
      name: 'the outcome, about the manual member and no institution',
      at: { step: 'manualAccount' },
      event: { type: 'manualAccountAdded', memberGuid: 'MBR-MANUAL' },
      leadsTo: { step: 'manualAccountAdded', memberGuid: 'MBR-MANUAL', institutionCode: null },
    },
  ],
  helpRequested: [
    {
      ...stepOnly('a detour that keeps the error it was asked from', 'error', { type: 'helpRequested' }, 'help'),
      at: { step: 'error', errorKind: 'server' },
    },
  ],
  microdepositsChosen: [
    {
      name: "the form's first screen, from scratch",
      at: { step: 'search' },
      event: { type: 'microdepositsChosen' },
      leadsTo: fresh({ step: 'microdepositRouting' }),
    },
  ],
  // every screen of the form, read from the step table: a new screen there is a new row here
  microdepositScreenChosen: MICRODEPOSIT_FORM_STEPS.map((step) => ({
    name: `to ${step}`,
    at: { step: 'microdepositRouting' as const },
    event: { type: 'microdepositScreenChosen' as const, step },
    leadsTo: { step },
  })),
  microdepositSubmitted: [
    {
      name: 'its status, about that microdeposit',
      at: { step: 'microdepositReview', microdepositGuid: null },
      event: { type: 'microdepositSubmitted', guid: 'MIC-2' },
      leadsTo: { step: 'microdepositStatus', microdepositGuid: 'MIC-2' },
    },
  ],
};

const ROWS: Case[] = Object.values(CASES).flat();

describe('transition', () => {
  it('has a row here for every event in the transition table', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });

  it.each(ROWS)('$event.type: $name', ({ at, event, leadsTo }) => {
    const before: FlowPosition = { ...BUSY, ...at };
    expect(transition(before, event)).toEqual({ ...before, ...leadsTo });
  });

  it.each(ROWS)('$event.type ($name) leaves its input as it was', ({ at, event }) => {
    const before: FlowPosition = Object.freeze({ ...BUSY, ...at });
    transition(before, event);
    expect(before).toEqual({ ...BUSY, ...at });
  });

  /** The events that begin a new attempt: whatever the step, nothing of the last attempt survives. */
  const NEW_STARTS = ROWS.filter(({ leadsTo }) => leadsTo.attempt === BUSY.attempt + 1);

  it('counts a fresh start for exactly the events that begin a new attempt', () => {
    expect([...new Set(NEW_STARTS.map(({ event }) => event.type))].sort()).toEqual([
      'connectAnotherChosen',
      'connectionsChosen',
      'fixChosen',
      'institutionChosen',
      'memberPicked',
      'microdepositsChosen',
      'reset',
    ]);
  });

  const fromEveryStep = NEW_STARTS.flatMap(({ event, leadsTo }) =>
    STEPS.map((step): [Step, string, FlowEvent, Partial<FlowPosition>] => [step, event.type, event, leadsTo]),
  );
  it.each(fromEveryStep)('from %s, %s starts over', (step, _, event, leadsTo) => {
    const after = transition({ ...BUSY, step, errorKind: 'server', errorWaitMs: 1_000, afterConsent: 'search' }, event);
    expect(after).toEqual({ ...BUSY, ...leadsTo });
  });
});
