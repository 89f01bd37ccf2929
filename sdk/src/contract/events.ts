/**
 * Every message the widget sends to the host (docs/events.md): event type → metadata fields
 * besides user_guid and session_guid. One table; the emitter and the host SDK both read it.
 */
export interface WidgetEventMap {
  'mx/load': Record<string, never>;
  'mx/connect/loaded': { initial_step: string };
  'mx/connect/institutionSearch': { query: string };
  'mx/connect/selectedInstitution': { code: string; guid: string; name: string; url: string };
  'mx/connect/enterCredentials': { institution: { code: string; guid: string } };
  'mx/connect/updateCredentials': { member_guid: string; institution: { code: string; guid: string } };
  'mx/connect/createMemberError': { institution_guid: string; institution_code: string };
  'mx/connect/oauthRequested': { url: string; member_guid: string };
  'mx/connect/oauthError': { member_guid?: string };
  'mx/connect/submitMFA': { member_guid: string };
  'mx/connect/memberStatusUpdate': { member_guid: string; connection_status: number };
  'mx/connect/memberConnected': { member_guid: string };
  'mx/connect/connected/primaryAction': Record<string, never>;
  'mx/connect/memberDeleted': { member_guid: string };
  'mx/connect/backToSearch': { context?: string };
  'mx/connect/stepChange': { previous: string; current: string };
  'mx/connect/invalidData': { member_guid: string; code: number };
  /** the routing number cannot take microdeposits; `reason` is the check's answer (never the account number) */
  'mx/connect/microdeposits/blockedRoutingNumber': {
    routing_number: string;
    reason: string;
    /** when the user was finishing one already made */
    microdeposit_guid?: string;
  };
  'mx/connect/microdeposits/detailsSubmitted': { microdeposit_guid: string };
  'mx/connect/microdeposits/verified': { microdeposit_guid: string };
  /** the action on an ended microdeposit's screen (start over): its status name */
  'mx/connect/microdeposits/error/primaryAction': { microdeposit_guid: string; status: string };
  'mx/navigation': { did_go_back: boolean };
  'mx/focusTrap': Record<string, never>;
  'mx/ping': Record<string, never>;
}

export type WidgetEventType = keyof WidgetEventMap;

export interface WidgetMessage<T extends WidgetEventType = WidgetEventType> {
  mx: true;
  type: T;
  metadata: WidgetEventMap[T] & { user_guid?: string; session_guid?: string };
}

/** Ours, outside MX's namespace: travels without `mx` so MX's own SDK ignores it (events.md). */
export const RESIZE_MESSAGE_TYPE = 'connect-widget/resize';
export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE_TYPE;
  height: number;
}

/** Ours too (verification mode): the account the user picked for payments. */
export const ACCOUNT_SELECTED_MESSAGE_TYPE = 'connect-widget/accountSelected';
export interface AccountSelectedMessage {
  type: typeof ACCOUNT_SELECTED_MESSAGE_TYPE;
  metadata: { member_guid: string; account_guid: string; user_guid: string; session_guid: string };
}

/** Ours: the server refused the session (expired or invalid); the partner should open a new widget URL. */
export const SESSION_EXPIRED_MESSAGE_TYPE = 'connect-widget/sessionExpired';
export interface SessionExpiredMessage {
  type: typeof SESSION_EXPIRED_MESSAGE_TYPE;
  metadata: { user_guid: string; session_guid: string };
}

/**
 * Ours: the widget URL carries an option the widget cannot use (e.g. someone edited the URL), so the
 * widget shows the user a plain message instead of the flow. `option` names it (never its value);
 * the ids come when they themselves were valid. Mint a new widget URL (the partner API checks options).
 */
export const INVALID_OPTION_MESSAGE_TYPE = 'connect-widget/invalidOption';
export interface InvalidOptionMessage {
  type: typeof INVALID_OPTION_MESSAGE_TYPE;
  metadata: { option: string; user_guid?: string; session_guid?: string };
}

/** `invalidData` codes (metadata.code): why a connected member cannot be used. */
export const INVALID_DATA_CODES = { noEligibleAccounts: 1 } as const;

/**
 * Ours: analytics for the partner's own tools (SDK onAnalyticPageview / onAnalyticEvent). One
 * pageview per screen, with a stable path; one event per choice the user makes. Their metadata
 * holds names, codes and counts only: never a credential, an answer, a token or an account number.
 */
export const ANALYTIC_PAGEVIEW_MESSAGE_TYPE = 'connect-widget/analyticPageview';
export const ANALYTIC_EVENT_MESSAGE_TYPE = 'connect-widget/analyticEvent';
export type AnalyticMetadata = Record<string, string | number | boolean>;

/** Every pageview path (README "Analytics"): `/status/<status name>` and `/error/<kind>` vary by their tail. */
export type AnalyticPath =
  | '/consent'
  | '/connections'
  | '/disconnect'
  | '/disconnected'
  | '/manual-account'
  | '/manual-account/added'
  | '/help'
  | `/microdeposits/${string}`
  | '/search'
  | '/institution-unavailable'
  | '/choose-method'
  | '/credentials'
  | '/credentials/update'
  | '/oauth'
  | '/connecting'
  | '/mfa'
  | '/connected'
  | `/status/${string}`
  | `/error/${string}`;

/** Every analytic event name, and what its metadata may carry. */
export interface AnalyticEventMap {
  search_submitted: { query_length: number };
  institution_selected: {
    institution_code: string;
    source: 'popular' | 'results' | 'routing_number' | 'instant_preferred';
  };
  method_chosen: { method: 'oauth' | 'credentials' };
  credentials_submitted: { mode: 'create' | 'update' };
  forgot_password_clicked: { institution_code: string };
  mfa_submitted: { challenge_count: number };
  oauth_opened: { institution_code: string };
  oauth_cancelled: { institution_code: string };
  back_to_search: { context: string };
  done_clicked: Record<string, never>;
  /** in "Your connections" */
  connection_fix_chosen: { institution_code: string; connection_status: string };
  connection_refreshed: { institution_code: string };
  member_disconnected: { reason: DisconnectReason };
  manual_account_added: { account_type: string };
  help_requested: { step: string };
  help_sent: { topic: string };
  microdeposits_chosen: { source: string };
  microdeposit_amounts_submitted: { attempt: number };
}

/** Why the user disconnected (the confirmation's choices), for the partner's records. */
export const DISCONNECT_REASONS = ['not_used', 'not_working', 'privacy', 'other'] as const;
export type DisconnectReason = (typeof DISCONNECT_REASONS)[number];
export type AnalyticEventName = keyof AnalyticEventMap;

export interface AnalyticPageviewMessage {
  type: typeof ANALYTIC_PAGEVIEW_MESSAGE_TYPE;
  path: AnalyticPath;
  metadata: AnalyticMetadata;
}
export interface AnalyticEventMessage<N extends AnalyticEventName = AnalyticEventName> {
  type: typeof ANALYTIC_EVENT_MESSAGE_TYPE;
  name: N;
  metadata: AnalyticEventMap[N] & { user_guid: string; session_guid: string };
}

/**
 * Ours: the user agreed on the consent screen, or declined. The partner keeps the record: what was
 * agreed to (scope), under which privacy policy, and when.
 */
export const CONSENT_GIVEN_MESSAGE_TYPE = 'connect-widget/consentGiven';
export const CONSENT_DECLINED_MESSAGE_TYPE = 'connect-widget/consentDeclined';
export type ConsentScope = 'account_details' | 'balances' | 'transactions' | 'account_numbers' | 'identity';
export interface ConsentMetadata {
  scope: ConsentScope[];
  /** the partner's privacy policy the screen linked to; empty when none was configured */
  policy_url: string;
  /** ISO 8601, the user's clock */
  timestamp: string;
  user_guid: string;
  session_guid: string;
}
export interface ConsentMessage {
  type: typeof CONSENT_GIVEN_MESSAGE_TYPE | typeof CONSENT_DECLINED_MESSAGE_TYPE;
  metadata: ConsentMetadata;
}
