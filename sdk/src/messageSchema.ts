import {
  ACCOUNT_SELECTED_MESSAGE_TYPE,
  ANALYTIC_EVENT_MESSAGE_TYPE,
  ANALYTIC_PAGEVIEW_MESSAGE_TYPE,
  CONSENT_DECLINED_MESSAGE_TYPE,
  CONSENT_GIVEN_MESSAGE_TYPE,
  INVALID_OPTION_MESSAGE_TYPE,
  RESIZE_MESSAGE_TYPE,
  SESSION_EXPIRED_MESSAGE_TYPE,
  type AnalyticMetadata,
  type ConsentMetadata,
  type InvalidOptionMessage,
  type WidgetEventMap,
  type WidgetEventType,
} from './contract/events';

/**
 * A deliberately tiny decoder (the SDK has a 5 KB budget, so no schema library): for each event
 * type, the metadata fields and their types. `?` marks an optional field.
 */
type FieldType = 'string' | 'number' | 'boolean' | 'object';
type Shape = Record<string, FieldType | `${FieldType}?`>;

const IDS: Shape = { user_guid: 'string', session_guid: 'string' };
const institution = { institution: 'object' } as const;

/** The tallest the SDK makes the iframe, whatever a message asks for. */
export const MAX_FRAME_HEIGHT = 4_000;

export const EVENT_SHAPES: Record<WidgetEventType, Shape> = {
  'mx/load': {},
  'mx/connect/loaded': { ...IDS, initial_step: 'string' },
  'mx/connect/institutionSearch': { ...IDS, query: 'string' },
  'mx/connect/selectedInstitution': { ...IDS, code: 'string', guid: 'string', name: 'string', url: 'string' },
  'mx/connect/enterCredentials': { ...IDS, ...institution },
  'mx/connect/updateCredentials': { ...IDS, member_guid: 'string', ...institution },
  'mx/connect/createMemberError': { ...IDS, institution_guid: 'string', institution_code: 'string' },
  'mx/connect/oauthRequested': { ...IDS, url: 'string', member_guid: 'string' },
  'mx/connect/oauthError': { ...IDS, member_guid: 'string?' },
  'mx/connect/submitMFA': { ...IDS, member_guid: 'string' },
  'mx/connect/memberStatusUpdate': { ...IDS, member_guid: 'string', connection_status: 'number' },
  'mx/connect/memberConnected': { ...IDS, member_guid: 'string' },
  'mx/connect/connected/primaryAction': { ...IDS },
  'mx/connect/memberDeleted': { ...IDS, member_guid: 'string' },
  'mx/connect/backToSearch': { ...IDS, context: 'string?' },
  'mx/connect/stepChange': { ...IDS, previous: 'string', current: 'string' },
  'mx/connect/invalidData': { ...IDS, member_guid: 'string', code: 'number' },
  'mx/connect/microdeposits/blockedRoutingNumber': {
    ...IDS,
    routing_number: 'string',
    reason: 'string',
    microdeposit_guid: 'string?',
  },
  'mx/connect/microdeposits/detailsSubmitted': { ...IDS, microdeposit_guid: 'string' },
  'mx/connect/microdeposits/verified': { ...IDS, microdeposit_guid: 'string' },
  'mx/connect/microdeposits/error/primaryAction': { ...IDS, microdeposit_guid: 'string', status: 'string' },
  'mx/navigation': { ...IDS, did_go_back: 'boolean' },
  'mx/focusTrap': { ...IDS },
  'mx/ping': { ...IDS },
};

/** What `onMessage` receives for an MX event: its type and metadata, as the widget sent them. */
export type MxEventMessage = {
  [T in WidgetEventType]: { type: T; metadata: WidgetEventMap[T] & Record<string, unknown> };
}[WidgetEventType];

/**
 * Every message the SDK decodes, as `onMessage` receives it: always `type` and `metadata` (the
 * resize message's height travels in `metadata.height`), plus `path` or `name` for analytics.
 */
export type SdkMessage =
  | MxEventMessage
  | { type: typeof RESIZE_MESSAGE_TYPE; metadata: { height: number } }
  | {
      type: typeof ACCOUNT_SELECTED_MESSAGE_TYPE;
      metadata: { member_guid: string; account_guid: string } & Record<string, unknown>;
    }
  | { type: typeof SESSION_EXPIRED_MESSAGE_TYPE; metadata: { user_guid: string; session_guid: string } }
  | { type: typeof INVALID_OPTION_MESSAGE_TYPE; metadata: InvalidOptionMessage['metadata'] }
  | { type: typeof ANALYTIC_PAGEVIEW_MESSAGE_TYPE; path: string; metadata: AnalyticMetadata }
  | { type: typeof ANALYTIC_EVENT_MESSAGE_TYPE; name: string; metadata: AnalyticMetadata }
  | { type: typeof CONSENT_GIVEN_MESSAGE_TYPE | typeof CONSENT_DECLINED_MESSAGE_TYPE; metadata: ConsentMetadata };

export type SdkMessageType = SdkMessage['type'];
export type OwnMessageType = Exclude<SdkMessageType, WidgetEventType>;

export type DecodedMessage = { kind: 'valid'; message: SdkMessage } | { kind: 'invalid'; reason: string };

/** Analytics metadata: an object of strings, numbers and booleans only, nothing nested. */
function flatMetadata(value: unknown): AnalyticMetadata | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  const flat = entries.every(([, v]) => ['string', 'number', 'boolean'].includes(typeof v));
  return flat ? (Object.fromEntries(entries) as AnalyticMetadata) : null;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return typeof value;
}

type Fields = Record<string, unknown>;
const objectOr = (value: unknown): Fields => (value && typeof value === 'object' ? (value as Fields) : {});
const strings = (fields: Fields, ...names: string[]) => names.every((name) => typeof fields[name] === 'string');

function analytic(message: Fields, pageview: boolean): SdkMessage | string {
  const label = pageview ? message.path : message.name;
  const metadata = flatMetadata(message.metadata);
  if (typeof label !== 'string' || label.length > 200 || !metadata) {
    return `${String(message.type)} without a ${pageview ? 'path' : 'name'} or flat metadata`;
  }
  return pageview
    ? { type: ANALYTIC_PAGEVIEW_MESSAGE_TYPE, path: label, metadata }
    : { type: ANALYTIC_EVENT_MESSAGE_TYPE, name: label, metadata };
}

function consent(message: Fields, type: typeof CONSENT_GIVEN_MESSAGE_TYPE | typeof CONSENT_DECLINED_MESSAGE_TYPE) {
  const metadata = objectOr(message.metadata);
  const scope = metadata.scope;
  return Array.isArray(scope) &&
    scope.every((s) => typeof s === 'string') &&
    strings(metadata, 'policy_url', 'timestamp', 'user_guid', 'session_guid')
    ? { type, metadata: metadata as unknown as ConsentMetadata }
    : `${type} without scope, policy_url, timestamp and ids`;
}

/**
 * Our own messages (outside MX's namespace, no `mx` key): type → its decoder, which answers the
 * message `onMessage` gets or why it is invalid. With EVENT_SHAPES this is every type the SDK knows.
 */
export const OWN_MESSAGE_DECODERS: Record<OwnMessageType, (message: Fields) => SdkMessage | string> = {
  // a sane bound whatever the sender says: the partner's page must not grow without end
  [RESIZE_MESSAGE_TYPE]: ({ height }) =>
    typeof height === 'number' && Number.isFinite(height) && height >= 0
      ? { type: RESIZE_MESSAGE_TYPE, metadata: { height: Math.min(height, MAX_FRAME_HEIGHT) } }
      : 'resize without a height',
  [SESSION_EXPIRED_MESSAGE_TYPE]: (message) => {
    const metadata = objectOr(message.metadata);
    return strings(metadata, 'user_guid', 'session_guid')
      ? {
          type: SESSION_EXPIRED_MESSAGE_TYPE,
          metadata: { user_guid: String(metadata.user_guid), session_guid: String(metadata.session_guid) },
        }
      : 'sessionExpired without its ids';
  },
  [INVALID_OPTION_MESSAGE_TYPE]: (message) => {
    const metadata = objectOr(message.metadata);
    const option = metadata.option;
    // the ids travel only when the widget had valid ones
    const ids = ['user_guid', 'session_guid'].filter((id) => typeof metadata[id] === 'string');
    return typeof option === 'string' && option.length <= 100
      ? {
          type: INVALID_OPTION_MESSAGE_TYPE,
          metadata: { option, ...Object.fromEntries(ids.map((id) => [id, metadata[id]])) },
        }
      : 'invalidOption without the option it names';
  },
  [ANALYTIC_PAGEVIEW_MESSAGE_TYPE]: (message) => analytic(message, true),
  [ANALYTIC_EVENT_MESSAGE_TYPE]: (message) => analytic(message, false),
  [CONSENT_GIVEN_MESSAGE_TYPE]: (message) => consent(message, CONSENT_GIVEN_MESSAGE_TYPE),
  [CONSENT_DECLINED_MESSAGE_TYPE]: (message) => consent(message, CONSENT_DECLINED_MESSAGE_TYPE),
  [ACCOUNT_SELECTED_MESSAGE_TYPE]: (message) => {
    const metadata = objectOr(message.metadata);
    return strings(metadata, 'member_guid', 'account_guid')
      ? {
          type: ACCOUNT_SELECTED_MESSAGE_TYPE,
          metadata: metadata as { member_guid: string; account_guid: string } & Fields,
        }
      : 'accountSelected without member_guid and account_guid';
  },
};

/** Every message type the SDK decodes: MX's events and ours. */
export const KNOWN_MESSAGE_TYPES = [
  ...Object.keys(EVENT_SHAPES),
  ...Object.keys(OWN_MESSAGE_DECODERS),
] as SdkMessageType[];

/**
 * Reads one postMessage payload (an object, or MX-style JSON text) against the event table.
 * Never throws: anything else is `{kind: 'invalid', reason}` naming what was wrong.
 */
export function decodeWidgetMessage(data: unknown): DecodedMessage {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { kind: 'invalid', reason: 'not JSON' };
    }
  }
  if (!value || typeof value !== 'object') return { kind: 'invalid', reason: 'not an object' };
  const message = value as Fields;
  const type = message.type;
  if (typeof type === 'string' && Object.hasOwn(OWN_MESSAGE_DECODERS, type)) {
    const decoded = OWN_MESSAGE_DECODERS[type as OwnMessageType](message);
    return typeof decoded === 'string' ? { kind: 'invalid', reason: decoded } : { kind: 'valid', message: decoded };
  }
  if (message.mx !== true || typeof type !== 'string' || !Object.hasOwn(EVENT_SHAPES, type)) {
    return { kind: 'invalid', reason: `unknown message type ${String(type)}` };
  }
  const eventType = type as WidgetEventType;
  const metadata = message.metadata;
  if (!metadata || typeof metadata !== 'object') return { kind: 'invalid', reason: `${type}: metadata missing` };
  const fields = metadata as Fields;
  for (const [field, spec] of Object.entries(EVENT_SHAPES[eventType])) {
    const optional = spec.endsWith('?');
    const expected = optional ? spec.slice(0, -1) : spec;
    const actual = typeOf(fields[field]);
    if (actual === 'undefined' && optional) continue;
    if (actual !== expected) return { kind: 'invalid', reason: `${type}: ${field} should be a ${expected}` };
  }
  return { kind: 'valid', message: { type: eventType, metadata: fields } as MxEventMessage };
}
