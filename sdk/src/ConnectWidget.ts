import type {
  AnalyticMetadata,
  ConsentMetadata,
  InvalidOptionMessage,
  WidgetEventMap,
  WidgetEventType,
} from './contract/events';
import { version } from '../package.json';
import { decodeWidgetMessage, type SdkMessage } from './messageSchema';

type Metadata<T extends WidgetEventType> = WidgetEventMap[T] & { user_guid?: string; session_guid?: string };

/** One typed callback per event type, named after it (mx/connect/memberConnected → onMemberConnected). */
export interface ConnectWidgetCallbacks {
  onLoad?(metadata: Metadata<'mx/load'>): void;
  onLoaded?(metadata: Metadata<'mx/connect/loaded'>): void;
  onInstitutionSearch?(metadata: Metadata<'mx/connect/institutionSearch'>): void;
  onSelectedInstitution?(metadata: Metadata<'mx/connect/selectedInstitution'>): void;
  onEnterCredentials?(metadata: Metadata<'mx/connect/enterCredentials'>): void;
  onUpdateCredentials?(metadata: Metadata<'mx/connect/updateCredentials'>): void;
  onCreateMemberError?(metadata: Metadata<'mx/connect/createMemberError'>): void;
  onOAuthRequested?(metadata: Metadata<'mx/connect/oauthRequested'>): void;
  onOAuthError?(metadata: Metadata<'mx/connect/oauthError'>): void;
  onSubmitMFA?(metadata: Metadata<'mx/connect/submitMFA'>): void;
  onMemberStatusUpdate?(metadata: Metadata<'mx/connect/memberStatusUpdate'>): void;
  onMemberConnected?(metadata: Metadata<'mx/connect/memberConnected'>): void;
  onConnectedPrimaryAction?(metadata: Metadata<'mx/connect/connected/primaryAction'>): void;
  onMemberDeleted?(metadata: Metadata<'mx/connect/memberDeleted'>): void;
  onBackToSearch?(metadata: Metadata<'mx/connect/backToSearch'>): void;
  onStepChange?(metadata: Metadata<'mx/connect/stepChange'>): void;
  onInvalidData?(metadata: Metadata<'mx/connect/invalidData'>): void;
  onMicrodepositsBlockedRoutingNumber?(metadata: Metadata<'mx/connect/microdeposits/blockedRoutingNumber'>): void;
  onMicrodepositsDetailsSubmitted?(metadata: Metadata<'mx/connect/microdeposits/detailsSubmitted'>): void;
  onMicrodepositsVerified?(metadata: Metadata<'mx/connect/microdeposits/verified'>): void;
  onMicrodepositsErrorPrimaryAction?(metadata: Metadata<'mx/connect/microdeposits/error/primaryAction'>): void;
  onNavigation?(metadata: Metadata<'mx/navigation'>): void;
  onFocusTrap?(metadata: Metadata<'mx/focusTrap'>): void;
  onPing?(metadata: Metadata<'mx/ping'>): void;
  /** ours, not MX's (verification mode): the account the user picked */
  onAccountSelected?(metadata: { member_guid: string; account_guid: string }): void;
  /** ours: the server refused the widget's session (expired); mint a new widget URL to go on */
  onSessionExpired?(metadata: { user_guid: string; session_guid: string }): void;
  /**
   * ours: the widget URL carries an option the widget cannot use (e.g. the URL was edited); it shows
   * the user a plain message and a Close button (onConnectedPrimaryAction). `option` names it.
   */
  onInvalidOption?(metadata: InvalidOptionMessage['metadata']): void;
  /** ours: the user agreed on the consent screen; keep `metadata` (scope, policy_url, timestamp) as your record */
  onConsentGiven?(metadata: ConsentMetadata): void;
  /** ours: the user declined on the consent screen; nothing will be shared */
  onConsentDeclined?(metadata: ConsentMetadata): void;
  /** ours: one per screen the user sees, with a stable path such as /credentials or /status/denied */
  onAnalyticPageview?(path: string, metadata: AnalyticMetadata): void;
  /** ours: one per choice the user makes (README "Analytics" lists the names); never a secret in it */
  onAnalyticEvent?(name: string, metadata: AnalyticMetadata): void;
  /**
   * Every message the SDK decodes (MX's events and ours: resize, accountSelected, sessionExpired,
   * invalidOption, consent, analytics), before its own callback: `{type, metadata}`, plus `path` or
   * `name` for analytics. A message that does not decode goes to onInvalidMessage instead.
   */
  onMessage?(message: SdkMessage): void;
  /** a message from the widget that did not decode; never thrown */
  onInvalidMessage?(data: unknown, reason: string): void;
}

export interface ConnectWidgetOptions extends ConnectWidgetCallbacks {
  container: HTMLElement;
  /** the widget URL from POST /users/{guid}/widget_urls: https only (http only on localhost) */
  url: string;
  /**
   * Recommended: the origin your widget URLs must come from (e.g. "https://connect.partner.example").
   * A URL from any other origin is refused, so a compromised or spoofed back end cannot swap in
   * a look-alike widget.
   */
  widgetOrigin?: string;
  title?: string;
  /** starting height in CSS pixels, until the widget reports its own */
  initialHeight?: number;
  /** grow with the widget's content (default true) */
  autoResize?: boolean;
}

const CALLBACK_OF: Record<WidgetEventType, keyof ConnectWidgetCallbacks> = {
  'mx/load': 'onLoad',
  'mx/connect/loaded': 'onLoaded',
  'mx/connect/institutionSearch': 'onInstitutionSearch',
  'mx/connect/selectedInstitution': 'onSelectedInstitution',
  'mx/connect/enterCredentials': 'onEnterCredentials',
  'mx/connect/updateCredentials': 'onUpdateCredentials',
  'mx/connect/createMemberError': 'onCreateMemberError',
  'mx/connect/oauthRequested': 'onOAuthRequested',
  'mx/connect/oauthError': 'onOAuthError',
  'mx/connect/submitMFA': 'onSubmitMFA',
  'mx/connect/memberStatusUpdate': 'onMemberStatusUpdate',
  'mx/connect/memberConnected': 'onMemberConnected',
  'mx/connect/connected/primaryAction': 'onConnectedPrimaryAction',
  'mx/connect/memberDeleted': 'onMemberDeleted',
  'mx/connect/backToSearch': 'onBackToSearch',
  'mx/connect/stepChange': 'onStepChange',
  'mx/connect/invalidData': 'onInvalidData',
  'mx/connect/microdeposits/blockedRoutingNumber': 'onMicrodepositsBlockedRoutingNumber',
  'mx/connect/microdeposits/detailsSubmitted': 'onMicrodepositsDetailsSubmitted',
  'mx/connect/microdeposits/verified': 'onMicrodepositsVerified',
  'mx/connect/microdeposits/error/primaryAction': 'onMicrodepositsErrorPrimaryAction',
  'mx/navigation': 'onNavigation',
  'mx/focusTrap': 'onFocusTrap',
  'mx/ping': 'onPing',
};

/** Every callback the SDK can call, for wrappers that forward them. */
export const CALLBACK_NAMES: (keyof ConnectWidgetCallbacks)[] = [
  ...Object.values(CALLBACK_OF),
  'onAccountSelected',
  'onSessionExpired',
  'onInvalidOption',
  'onConsentGiven',
  'onConsentDeclined',
  'onAnalyticPageview',
  'onAnalyticEvent',
  'onMessage',
  'onInvalidMessage',
];

/** The package version, sent to the widget in mx/sdk/info (see CHANGELOG.md). */
export const SDK_VERSION: string = version;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The widget URL, checked before anything is framed: https (http only for local development),
 * never javascript:, data: or the like, and from `widgetOrigin` when the partner names one.
 */
export function checkWidgetUrl(raw: string, widgetOrigin?: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError('ConnectWidget: url must be an absolute https URL');
  }
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw new TypeError(`ConnectWidget: refusing a ${url.protocol} widget URL (https only)`);
  }
  if (url.username || url.password) throw new TypeError('ConnectWidget: a widget URL carries no user info');
  if (widgetOrigin !== undefined && url.origin !== widgetOrigin.replace(/\/$/, '')) {
    throw new TypeError(`ConnectWidget: the widget URL is not on ${widgetOrigin}`);
  }
  return url;
}

/** Embeds the Connect widget in an iframe and turns its postMessage traffic into typed callbacks. */
export class ConnectWidget {
  readonly iframe: HTMLIFrameElement;
  readonly origin: string;
  private readonly options: ConnectWidgetOptions;
  private readonly onWindowMessage = (event: MessageEvent) => this.receive(event);
  private mounted = true;

  constructor(options: ConnectWidgetOptions) {
    this.options = options;
    const url = checkWidgetUrl(options.url, options.widgetOrigin);
    this.origin = url.origin;
    const iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = options.title ?? 'Connect your bank account';
    // scripts and same-origin for the app, forms for credentials, popups (unsandboxed) for OAuth
    iframe.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox',
    );
    iframe.setAttribute('referrerpolicy', 'origin');
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    iframe.style.height = `${options.initialHeight ?? 600}px`;
    this.iframe = iframe;
    window.addEventListener('message', this.onWindowMessage);
    options.container.appendChild(iframe);
  }

  /** Asks the widget to go back one step; it answers with onNavigation({ did_go_back }). */
  navigateBack(): void {
    this.post({ type: 'mx/navigation', payload: { action: 'back' } });
  }

  ping(): void {
    this.post({ type: 'ping' });
  }

  /** Removes the iframe and every listener the SDK added. */
  unmount(): void {
    if (!this.mounted) return;
    this.mounted = false;
    window.removeEventListener('message', this.onWindowMessage);
    this.iframe.remove();
  }

  private post(message: unknown): void {
    this.iframe.contentWindow?.postMessage(message, this.origin);
  }

  private receive(event: MessageEvent): void {
    // Only the widget's own origin, and only our iframe's window: other frames of the same origin don't count.
    if (event.origin !== this.origin || event.source !== this.iframe.contentWindow) return;
    const decoded = decodeWidgetMessage(event.data);
    if (decoded.kind === 'invalid') {
      this.options.onInvalidMessage?.(event.data, decoded.reason);
      return;
    }
    // one dispatch point: every decoded message reaches onMessage first, then its own callback
    const message = decoded.message;
    const o = this.options;
    o.onMessage?.(message);
    switch (message.type) {
      case 'connect-widget/resize':
        if (o.autoResize !== false) this.iframe.style.height = `${Math.ceil(message.metadata.height)}px`;
        return;
      case 'connect-widget/sessionExpired':
        return o.onSessionExpired?.(message.metadata);
      case 'connect-widget/invalidOption':
        return o.onInvalidOption?.(message.metadata);
      case 'connect-widget/accountSelected':
        return o.onAccountSelected?.(message.metadata);
      case 'connect-widget/consentGiven':
        return o.onConsentGiven?.(message.metadata);
      case 'connect-widget/consentDeclined':
        return o.onConsentDeclined?.(message.metadata);
      case 'connect-widget/analyticPageview':
        return o.onAnalyticPageview?.(message.path, message.metadata);
      case 'connect-widget/analyticEvent':
        return o.onAnalyticEvent?.(message.name, message.metadata);
      default: {
        if (message.type === 'mx/load')
          this.post({ type: 'mx/sdk/info', metadata: { sdk: 'connect-widget-sdk', version: SDK_VERSION } });
        const callback = o[CALLBACK_OF[message.type]] as ((metadata: unknown) => void) | undefined;
        callback?.(message.metadata);
      }
    }
  }
}
