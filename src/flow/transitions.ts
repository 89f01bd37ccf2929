import type { ErrorKind } from '../api/errors';
import type { MicrodepositFormStep, Step } from './steps';

/** Where fixing an existing member starts, and how (routing.stepForMember). */
export type MemberFix = Pick<FlowPosition, 'step' | 'credentialsMode' | 'isOauth'>;

/** Where the user is in the flow, and which institution and member it is about. */
export interface FlowPosition {
  step: Step;
  institutionCode: string | null;
  memberGuid: string | null;
  /** "update" fixes an existing member's credentials (PUT) instead of creating one */
  credentialsMode: 'create' | 'update';
  /** the member connects through OAuth rather than typed credentials */
  isOauth: boolean;
  /** a status name to show above the next screen, e.g. REJECTED above the fresh challenge */
  notice: string | null;
  /** why the error step is shown */
  errorKind: ErrorKind | null;
  /** a rateLimited error's wait (ms) before "Try again", from its Retry-After */
  errorWaitMs: number | null;
  /** where the flow goes once the user agrees (the consent step comes first) */
  afterConsent: Step | null;
  /** the microdeposit being verified by account and routing number */
  microdepositGuid: string | null;
  /**
   * the member was created in this attempt (OAuth start, credentials sent): abandoning the step
   * deletes it; a member that existed before (fixing a connection) is never deleted by leaving
   */
  memberIsNew: boolean;
  /** counts fresh starts: a step entered again by a new start (same step, new attempt) is a new screen */
  attempt: number;
}

/** A flow at the start: on search, about no institution or member. */
export const FRESH: FlowPosition = {
  step: 'search',
  institutionCode: null,
  memberGuid: null,
  credentialsMode: 'create',
  isOauth: false,
  notice: null,
  errorKind: null,
  errorWaitMs: null,
  afterConsent: null,
  microdepositGuid: null,
  memberIsNew: false,
  attempt: 0,
};

/**
 * Everything that moves the flow, one event each. A step sends what happened; this table says
 * where that leads, so the whole flow reads in one place (as statusTable.ts does for statuses).
 */
export type FlowEvent =
  /** "I agree" on the consent screen */
  | { type: 'consentGiven' }
  /** picked in search (or pinned by the partner); `next` comes from routing.stepAfterInstitution */
  | { type: 'institutionChosen'; code: string; next: Step }
  | { type: 'methodChosen'; method: 'oauth' | 'credentials' }
  /** the OAuth step made its member and is ready to open the provider */
  | { type: 'oauthMemberCreated'; memberGuid: string }
  /** credentials sent (create or update): the member's job has started */
  | { type: 'credentialsSent'; memberGuid: string }
  /** the login is already connected: fix that member instead of making a second one */
  | { type: 'duplicateFound'; memberGuid: string }
  | { type: 'updateCredentialsChosen' }
  | { type: 'answersSent' }
  /** "Try again" on a status or error screen; `notice` is shown above the next challenge */
  | { type: 'retryChosen'; notice?: string | null }
  /** the member's polled status asks for another screen */
  | { type: 'statusReached'; step: 'connecting' | 'mfa' | 'connected' | 'loginError' }
  | { type: 'failed'; errorKind: ErrorKind; waitMs?: number }
  | { type: 'reset' }
  /** "Connect another account" in your connections */
  | { type: 'connectAnotherChosen' }
  /** back to the user's list of connections (after a disconnect, a manual account) */
  | { type: 'connectionsChosen' }
  /** "Fix" on a connection: the step its status calls for (routing.stepForMember) */
  | { type: 'fixChosen'; memberGuid: string; institutionCode: string | null; fix: MemberFix }
  /** verification mode: an existing connection picked, on to its accounts */
  | { type: 'memberPicked'; memberGuid: string; institutionCode: string | null }
  | { type: 'disconnectChosen'; memberGuid: string; institutionCode: string | null }
  | { type: 'memberDisconnected' }
  | { type: 'manualAccountChosen' }
  /** the manual account is saved under the user's manual member */
  | { type: 'manualAccountAdded'; memberGuid: string }
  | { type: 'helpRequested' }
  /** "Connect with account numbers instead" (verification mode); also "Start over" after one ended */
  | { type: 'microdepositsChosen' }
  /** Continue, Back or an edit link within the microdeposit details form */
  | { type: 'microdepositScreenChosen'; step: MicrodepositFormStep }
  /** the details are sent: the microdeposit exists; its status decides the screens from here */
  | { type: 'microdepositSubmitted'; guid: string };

type Transitions = {
  [K in FlowEvent['type']]: (state: FlowPosition, event: Extract<FlowEvent, { type: K }>) => Partial<FlowPosition>;
};

export const TRANSITIONS: Transitions = {
  consentGiven: (state) => ({ step: state.afterConsent ?? 'search', afterConsent: null }),
  institutionChosen: (state, { code, next }) => ({
    ...FRESH,
    attempt: state.attempt + 1,
    step: next,
    institutionCode: code,
    isOauth: next === 'oauth',
  }),
  methodChosen: (_, { method }) =>
    method === 'oauth' ? { step: 'oauth', isOauth: true } : { step: 'enterCreds', isOauth: false },
  oauthMemberCreated: (_, { memberGuid }) => ({ step: 'oauth', memberGuid, isOauth: true, memberIsNew: true }),
  credentialsSent: (state, { memberGuid }) => ({
    step: 'connecting',
    memberGuid,
    isOauth: false,
    notice: null,
    memberIsNew: state.credentialsMode === 'create' || (state.memberIsNew && memberGuid === state.memberGuid),
  }),
  duplicateFound: (_, { memberGuid }) => ({
    step: 'enterCreds',
    memberGuid,
    credentialsMode: 'update',
    memberIsNew: false,
  }),
  updateCredentialsChosen: () => ({ step: 'enterCreds', credentialsMode: 'update' }),
  answersSent: () => ({ step: 'connecting', notice: null }),
  retryChosen: (_, { notice = null }) => ({ step: 'connecting', notice, errorKind: null }),
  statusReached: (_, { step }) => ({ step }),
  failed: (_, { errorKind, waitMs }) => ({ step: 'error', errorKind, errorWaitMs: waitMs ?? null }),
  reset: (state) => ({ ...FRESH, attempt: state.attempt + 1 }),
  connectAnotherChosen: (state) => ({ ...FRESH, attempt: state.attempt + 1 }),
  connectionsChosen: (state) => ({ ...FRESH, attempt: state.attempt + 1, step: 'connections' }),
  fixChosen: (state, { memberGuid, institutionCode, fix }) => ({
    ...FRESH,
    attempt: state.attempt + 1,
    ...fix,
    memberGuid,
    institutionCode,
  }),
  memberPicked: (state, { memberGuid, institutionCode }) => ({
    ...FRESH,
    attempt: state.attempt + 1,
    step: 'connected',
    memberGuid,
    institutionCode,
  }),
  disconnectChosen: (_, { memberGuid, institutionCode }) => ({ step: 'disconnect', memberGuid, institutionCode }),
  memberDisconnected: () => ({ step: 'disconnected' }),
  manualAccountChosen: () => ({ step: 'manualAccount' }),
  manualAccountAdded: (_, { memberGuid }) => ({ step: 'manualAccountAdded', memberGuid, institutionCode: null }),
  helpRequested: () => ({ step: 'help' }),
  microdepositsChosen: (state) => ({ ...FRESH, attempt: state.attempt + 1, step: 'microdepositRouting' }),
  microdepositScreenChosen: (_, { step }) => ({ step }),
  microdepositSubmitted: (_, { guid }) => ({ step: 'microdepositStatus', microdepositGuid: guid }),
};

/** The position an event leads to. */
export function transition(state: FlowPosition, event: FlowEvent): FlowPosition {
  const apply = TRANSITIONS[event.type] as (state: FlowPosition, event: FlowEvent) => Partial<FlowPosition>;
  return { ...state, ...apply(state, event) };
}
