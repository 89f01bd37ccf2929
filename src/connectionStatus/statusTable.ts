import type { MessageKey } from '../i18n/en';

/** What the widget does with a member in a status (one row per MX connection_status, null and 0..21, with MX's codes). */
export type StatusClass =
  | 'manual'
  | 'transient'
  | 'challenged'
  | 'reconnected'
  | 'success'
  | 'fixCredentials'
  | 'mfaProblem'
  | 'actAtBank'
  | 'temporary'
  | 'gone'
  | 'unknown';

export type StatusAction = 'updateCredentials' | 'tryAgain' | 'visitBank' | 'addManualAccount' | 'backToSearch';

export interface StatusRow {
  name: string | null;
  /** MX's integer code; null for a manual member and for names we do not know */
  code: number | null;
  statusClass: StatusClass;
  message: MessageKey;
  /**
   * The message when the member signs in at its bank (OAuth): no credentials were typed here, so
   * MX's credential wording would be wrong ("Deny" at the bank arrives as DENIED). Null where the
   * message says nothing about credentials.
   */
  oauthMessage: MessageKey | null;
  actions: readonly StatusAction[];
}

const ACTIONS: Record<StatusClass, readonly StatusAction[]> = {
  manual: [],
  transient: [],
  challenged: [],
  reconnected: [],
  success: [],
  fixCredentials: ['updateCredentials', 'backToSearch'],
  mfaProblem: ['tryAgain', 'backToSearch'],
  actAtBank: ['visitBank', 'backToSearch'],
  temporary: ['tryAgain', 'backToSearch'],
  // the institution is gone or the account closed: MX's message says to track it manually
  gone: ['addManualAccount', 'backToSearch'],
  unknown: ['tryAgain', 'backToSearch'],
};

// the statuses whose MX message speaks of credentials, and which an OAuth member can reach
const OAUTH_WORDED = new Set(['PREVENTED', 'DENIED', 'FAILED', 'IMPORTED', 'IMPAIRED']);

const row = (name: string, code: number, statusClass: StatusClass): StatusRow => ({
  name,
  code,
  statusClass,
  message: `status.${name}` as MessageKey,
  oauthMessage: OAUTH_WORDED.has(name) ? (`status.oauth.${name}` as MessageKey) : null,
  actions: ACTIONS[statusClass],
});

/** The single source of truth: name ↔ code ↔ class ↔ message ↔ actions. */
export const STATUS_TABLE: readonly StatusRow[] = [
  {
    name: null,
    code: null,
    statusClass: 'manual',
    message: 'status.MANUAL',
    oauthMessage: null,
    actions: ACTIONS.manual,
  },
  row('CREATED', 0, 'transient'),
  row('PREVENTED', 1, 'fixCredentials'),
  row('DENIED', 2, 'fixCredentials'),
  row('CHALLENGED', 3, 'challenged'),
  row('REJECTED', 4, 'mfaProblem'),
  row('LOCKED', 5, 'actAtBank'),
  row('CONNECTED', 6, 'success'),
  row('IMPEDED', 7, 'actAtBank'),
  row('RECONNECTED', 8, 'reconnected'),
  row('DEGRADED', 9, 'temporary'),
  row('DISCONNECTED', 10, 'temporary'),
  row('DISCONTINUED', 11, 'gone'),
  row('CLOSED', 12, 'gone'),
  row('DELAYED', 13, 'transient'),
  row('FAILED', 14, 'temporary'),
  row('UPDATED', 15, 'transient'),
  row('DISABLED', 16, 'temporary'),
  row('IMPORTED', 17, 'fixCredentials'),
  row('RESUMED', 18, 'transient'),
  row('EXPIRED', 19, 'mfaProblem'),
  row('IMPAIRED', 20, 'fixCredentials'),
  row('PENDING', 21, 'transient'),
];

const UNKNOWN: StatusRow = {
  name: 'UNKNOWN',
  code: null,
  statusClass: 'unknown',
  message: 'status.UNKNOWN',
  oauthMessage: null,
  actions: ACTIONS.unknown,
};
const byName = new Map(STATUS_TABLE.map((r) => [r.name, r]));

export function statusRowOf(name: string | null | undefined): StatusRow {
  return byName.get(name ?? null) ?? UNKNOWN;
}

export function statusClassOf(name: string | null | undefined): StatusClass {
  return statusRowOf(name).statusClass;
}

const HEADINGS: Record<StatusClass, MessageKey> = {
  manual: 'status.heading.manual',
  transient: 'connecting.heading',
  challenged: 'connecting.heading',
  reconnected: 'status.heading.reconnected',
  success: 'status.heading.success',
  fixCredentials: 'status.heading.fixCredentials',
  mfaProblem: 'status.heading.mfaProblem',
  actAtBank: 'status.heading.actAtBank',
  temporary: 'status.heading.temporary',
  gone: 'status.heading.gone',
  unknown: 'status.heading.unknown',
};

/**
 * What a screen says about a member: its heading and its message, both from the one status row
 * (a "Connecting" heading over a "Connected" message cannot happen), worded for how the member
 * signs in. `isOauth`: the member signs in at its bank, so nothing about typed credentials.
 * Both keys take `{bank}`.
 */
export function statusWords(row: StatusRow, isOauth: boolean): { heading: MessageKey; message: MessageKey } {
  const oauth = isOauth && row.oauthMessage !== null;
  return {
    heading: oauth && row.statusClass === 'fixCredentials' ? 'status.heading.signInAgain' : HEADINGS[row.statusClass],
    message: oauth && row.oauthMessage ? row.oauthMessage : row.message,
  };
}

/** Polling continues only while these hold; everything else is an end state for this screen. */
export function keepsPolling(name: string | null | undefined, isBeingAggregated: boolean): boolean {
  const cls = statusClassOf(name);
  return cls === 'transient' || cls === 'reconnected' || (cls === 'success' && isBeingAggregated);
}

/** The steps a member's status can move the flow to (the `statusReached` event's). */
export type StatusStep = 'connecting' | 'mfa' | 'connected' | 'loginError';

/**
 * What a newly seen status does: the step it moves the flow to (null: the flow stays where it is)
 * and the one side effect it asks for. `reconnect`: ask the bank to aggregate again (once per
 * member); `connected`: the member connected (`mx/connect/memberConnected`); `failed`: the
 * connection failed (`mx/connect/oauthError` for an OAuth member, once).
 */
export interface StatusMove {
  to: StatusStep | null;
  effect: 'reconnect' | 'connected' | 'failed' | null;
}

/** Where the status was seen: the step on screen and whether the member is still aggregating. */
export interface StatusSeenAt {
  step: string;
  isBeingAggregated: boolean | null | undefined;
}

/** To connecting, unless the flow is there already. */
const toConnecting = ({ step }: StatusSeenAt): StatusStep | null => (step === 'connecting' ? null : 'connecting');

const FAILED: StatusMove = { to: 'loginError', effect: 'failed' };

/** What each class of status does, one rule per class (the status table's class column). */
const MOVES: Record<StatusClass, (name: string | null, at: StatusSeenAt) => StatusMove> = {
  // the OAuth step waits for its bank through PENDING: it stays until the bank answers
  transient: (name, at) => ({ to: at.step === 'oauth' && name === 'PENDING' ? null : toConnecting(at), effect: null }),
  reconnected: (_, at) => ({ to: toConnecting(at), effect: 'reconnect' }),
  challenged: () => ({ to: 'mfa', effect: null }),
  // CONNECTED while still aggregating: the accounts are not there yet
  success: (_, at) =>
    at.isBeingAggregated ? { to: toConnecting(at), effect: null } : { to: 'connected', effect: 'connected' },
  manual: () => ({ to: 'connected', effect: null }),
  fixCredentials: () => FAILED,
  mfaProblem: () => FAILED,
  actAtBank: () => FAILED,
  temporary: () => FAILED,
  gone: () => FAILED,
  unknown: () => FAILED,
};
/**
 * The status → next-step decision (MemberStatusWatcher acts on it): what a member's status, newly
 * seen on a polling step, does to the flow. `name`: MX's `connection_status` (null for a manual
 * member; a name MX may add later is `unknown`).
 */
export function statusMove(name: string | null | undefined, at: StatusSeenAt): StatusMove {
  return MOVES[statusClassOf(name)](name ?? null, at);
}
