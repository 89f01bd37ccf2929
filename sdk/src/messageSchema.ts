import type {
  AnalyticMetadata,
  ConsentMetadata,
  InvalidOptionMessage,
  WidgetEventMap,
  WidgetEventType,
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

export type DecodedMessage =
  | { kind: 'event'; type: WidgetEventType; metadata: WidgetEventMap[WidgetEventType] & Record<string, unknown> }
  | { kind: 'resize'; height: number }
  | { kind: 'accountSelected'; metadata: { member_guid: string; account_guid: string } & Record<string, unknown> }
  | { kind: 'sessionExpired'; metadata: { user_guid: string; session_guid: string } }
  | { kind: 'invalidOption'; metadata: InvalidOptionMessage['metadata'] }
  | { kind: 'analyticPageview'; path: string; metadata: AnalyticMetadata }
  | { kind: 'consent'; given: boolean; metadata: ConsentMetadata }
  | { kind: 'analyticEvent'; name: string; metadata: AnalyticMetadata }
  | { kind: 'invalid'; reason: string };

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
  const message = value as Record<string, unknown>;
  if (message.type === 'connect-widget/resize') {
    // a sane bound whatever the sender says: the partner's page must not grow without end
    return typeof message.height === 'number' && Number.isFinite(message.height) && message.height >= 0
      ? { kind: 'resize', height: Math.min(message.height, MAX_FRAME_HEIGHT) }
      : { kind: 'invalid', reason: 'resize without a height' };
  }
  if (message.type === 'connect-widget/sessionExpired') {
    const metadata = message.metadata as Record<string, unknown> | undefined;
    return metadata && typeof metadata.user_guid === 'string' && typeof metadata.session_guid === 'string'
      ? { kind: 'sessionExpired', metadata: { user_guid: metadata.user_guid, session_guid: metadata.session_guid } }
      : { kind: 'invalid', reason: 'sessionExpired without its ids' };
  }
  if (message.type === 'connect-widget/invalidOption') {
    const metadata = (message.metadata ?? {}) as Record<string, unknown>;
    const option = metadata.option;
    // the ids travel only when the widget had valid ones
    const ids = ['user_guid', 'session_guid'].filter((id) => typeof metadata[id] === 'string');
    return typeof option === 'string' && option.length <= 100
      ? {
          kind: 'invalidOption',
          metadata: { option, ...Object.fromEntries(ids.map((id) => [id, metadata[id]])) },
        }
      : { kind: 'invalid', reason: 'invalidOption without the option it names' };
  }
  if (message.type === 'connect-widget/analyticPageview' || message.type === 'connect-widget/analyticEvent') {
    const pageview = message.type === 'connect-widget/analyticPageview';
    const label = pageview ? message.path : message.name;
    const metadata = flatMetadata(message.metadata);
    if (typeof label !== 'string' || label.length > 200 || !metadata) {
      return {
        kind: 'invalid',
        reason: `${String(message.type)} without a ${pageview ? 'path' : 'name'} or flat metadata`,
      };
    }
    return pageview
      ? { kind: 'analyticPageview', path: label, metadata }
      : { kind: 'analyticEvent', name: label, metadata };
  }
  if (message.type === 'connect-widget/consentGiven' || message.type === 'connect-widget/consentDeclined') {
    const metadata = message.metadata as Record<string, unknown> | undefined;
    const valid =
      metadata &&
      Array.isArray(metadata.scope) &&
      metadata.scope.every((s) => typeof s === 'string') &&
      typeof metadata.policy_url === 'string' &&
      typeof metadata.timestamp === 'string' &&
      typeof metadata.user_guid === 'string' &&
      typeof metadata.session_guid === 'string';
    return valid
      ? {
          kind: 'consent',
          given: message.type === 'connect-widget/consentGiven',
          metadata: metadata as unknown as ConsentMetadata,
        }
      : { kind: 'invalid', reason: `${message.type} without scope, policy_url, timestamp and ids` };
  }
  if (message.type === 'connect-widget/accountSelected') {
    const metadata = message.metadata as Record<string, unknown> | undefined;
    return metadata && typeof metadata.member_guid === 'string' && typeof metadata.account_guid === 'string'
      ? { kind: 'accountSelected', metadata: metadata as { member_guid: string; account_guid: string } }
      : { kind: 'invalid', reason: 'accountSelected without member_guid and account_guid' };
  }
  const type = message.type;
  if (message.mx !== true || typeof type !== 'string' || !(type in EVENT_SHAPES)) {
    return { kind: 'invalid', reason: `unknown message type ${String(type)}` };
  }
  const eventType = type as WidgetEventType;
  const metadata = message.metadata;
  if (!metadata || typeof metadata !== 'object') return { kind: 'invalid', reason: `${type}: metadata missing` };
  const fields = metadata as Record<string, unknown>;
  for (const [field, spec] of Object.entries(EVENT_SHAPES[eventType])) {
    const optional = spec.endsWith('?');
    const expected = optional ? spec.slice(0, -1) : spec;
    const actual = typeOf(fields[field]);
    if (actual === 'undefined' && optional) continue;
    if (actual !== expected) return { kind: 'invalid', reason: `${type}: ${field} should be a ${expected}` };
  }
  return {
    kind: 'event',
    type: eventType,
    metadata: fields as WidgetEventMap[WidgetEventType] & Record<string, unknown>,
  };
}
