import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALLBACK_NAMES, ConnectWidget, type ConnectWidgetOptions } from './ConnectWidget';
import { EVENT_SHAPES, KNOWN_MESSAGE_TYPES, type OwnMessageType } from './messageSchema';

const WIDGET = 'https://widget.test';
let widget: ConnectWidget | null = null;

afterEach(() => {
  widget?.unmount();
  widget = null;
});

function mount(options: Partial<ConnectWidgetOptions> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  widget = new ConnectWidget({ container, url: `${WIDGET}/?user_guid=USR-1`, ...options });
  return { widget, container };
}

function send(
  data: unknown,
  origin = WIDGET,
  source: MessageEventSource | null = widget?.iframe.contentWindow ?? null,
) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

const connected = {
  mx: true,
  type: 'mx/connect/memberConnected',
  metadata: { user_guid: 'USR-1', session_guid: 'SES-1', member_guid: 'MBR-1' },
};

describe('the widget URL is checked before anything is framed', () => {
  it.each([
    ['javascript:parent.stolen=document.cookie', /javascript:/],
    ['data:text/html,<script>alert(1)</script>', /data:/],
    ['http://evil.test/fake-widget', /https only/],
    ['//widget.test/relative', /absolute https URL/],
    ['https://user:pw@widget.test/', /user info/],
  ])('refuses %s and creates no iframe', (url, message) => {
    const container = document.createElement('div');
    expect(() => new ConnectWidget({ container, url })).toThrow(message);
    expect(container.querySelector('iframe')).toBeNull();
  });

  it('accepts http only on localhost, for development', () => {
    const container = document.createElement('div');
    const local = new ConnectWidget({ container, url: 'http://localhost:4173/?user_guid=USR-1' });
    expect(local.origin).toBe('http://localhost:4173');
    local.unmount();
  });

  it('with widgetOrigin, refuses a URL from any other origin', () => {
    const container = document.createElement('div');
    expect(
      () => new ConnectWidget({ container, url: 'https://evil.test/', widgetOrigin: 'https://widget.test' }),
    ).toThrow(/not on https:\/\/widget.test/);
    const ok = new ConnectWidget({ container, url: `${WIDGET}/?a=1`, widgetOrigin: WIDGET });
    expect(ok.iframe.src).toBe(`${WIDGET}/?a=1`);
    ok.unmount();
  });

  it('a forged message from a look-alike origin reaches no callback', () => {
    const onMemberConnected = vi.fn();
    mount({ onMemberConnected, widgetOrigin: WIDGET });
    send(connected, 'http://evil.test');
    expect(onMemberConnected).not.toHaveBeenCalled();
  });
});

describe('ConnectWidget (host SDK)', () => {
  it('creates a titled, sandboxed iframe for the widget URL', () => {
    const { container } = mount({ title: 'Link your bank' });
    const iframe = container.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe(`${WIDGET}/?user_guid=USR-1`);
    expect(iframe?.title).toBe('Link your bank');
    expect(iframe?.getAttribute('sandbox')?.split(' ')).toEqual(
      expect.arrayContaining(['allow-scripts', 'allow-same-origin', 'allow-forms', 'allow-popups']),
    );
  });

  it('dispatches a valid message to its typed callback and to onMessage', () => {
    const onMemberConnected = vi.fn();
    const onMessage = vi.fn();
    mount({ onMemberConnected, onMessage });
    send(connected);
    expect(onMemberConnected).toHaveBeenCalledWith(connected.metadata);
    expect(onMessage).toHaveBeenCalledWith({ type: 'mx/connect/memberConnected', metadata: connected.metadata });
  });

  it('accepts MX-style JSON strings too', () => {
    const onMemberConnected = vi.fn();
    mount({ onMemberConnected });
    send(JSON.stringify(connected));
    expect(onMemberConnected).toHaveBeenCalledTimes(1);
  });

  it('ignores messages from another origin', () => {
    const onMessage = vi.fn();
    const onInvalidMessage = vi.fn();
    mount({ onMessage, onInvalidMessage });
    send(connected, 'https://evil.example');
    expect(onMessage).not.toHaveBeenCalled();
    expect(onInvalidMessage).not.toHaveBeenCalled();
  });

  it('ignores messages from the right origin but another window', () => {
    const onMessage = vi.fn();
    mount({ onMessage });
    send(connected, WIDGET, window);
    expect(onMessage).not.toHaveBeenCalled();
  });

  it('reports a malformed message through onInvalidMessage instead of throwing', () => {
    const onInvalidMessage = vi.fn();
    const onMemberStatusUpdate = vi.fn();
    mount({ onInvalidMessage, onMemberStatusUpdate });
    const bad = {
      mx: true,
      type: 'mx/connect/memberStatusUpdate',
      metadata: { user_guid: 'U', session_guid: 'S', member_guid: 'M', connection_status: '6' },
    };
    expect(() => send(bad)).not.toThrow();
    expect(onInvalidMessage).toHaveBeenCalledWith(
      bad,
      'mx/connect/memberStatusUpdate: connection_status should be a number',
    );
    send('{not json');
    send({ mx: true, type: 'mx/unknown/thing', metadata: {} });
    expect(onInvalidMessage).toHaveBeenCalledTimes(3);
    expect(onMemberStatusUpdate).not.toHaveBeenCalled();
  });

  it('resizes the iframe when the widget reports its height', () => {
    const { container } = mount();
    send({ type: 'connect-widget/resize', height: 432.4 });
    expect(container.querySelector('iframe')?.style.height).toBe('433px');
  });

  it('reports a refused session through onSessionExpired, and nothing else of ours by that name', () => {
    const onSessionExpired = vi.fn();
    const onInvalidMessage = vi.fn();
    mount({ onSessionExpired, onInvalidMessage });
    send({ type: 'connect-widget/sessionExpired', metadata: { user_guid: 'USR-1', session_guid: 'SES-1' } });
    send({ type: 'connect-widget/sessionExpired', metadata: {} });
    expect(onSessionExpired).toHaveBeenCalledWith({ user_guid: 'USR-1', session_guid: 'SES-1' });
    expect(onInvalidMessage).toHaveBeenCalledTimes(1);
  });

  it('reports a refused widget URL through onInvalidOption, naming the option', () => {
    const onInvalidOption = vi.fn();
    const onInvalidMessage = vi.fn();
    const onMessage = vi.fn();
    mount({ onInvalidOption, onInvalidMessage, onMessage });
    send({
      type: 'connect-widget/invalidOption',
      metadata: { option: 'color_scheme', user_guid: 'USR-1', session_guid: 'SES-1' },
    });
    send({ type: 'connect-widget/invalidOption', metadata: { option: 'user_guid', user_guid: 42 } });
    send({ type: 'connect-widget/invalidOption', metadata: {} });
    expect(onInvalidOption.mock.calls).toEqual([
      [{ option: 'color_scheme', user_guid: 'USR-1', session_guid: 'SES-1' }],
      [{ option: 'user_guid' }],
    ]);
    expect(onInvalidMessage).toHaveBeenCalledTimes(1);
    expect(onMessage.mock.calls.map(([message]) => message)).toEqual(
      onInvalidOption.mock.calls.map(([metadata]) => ({ type: 'connect-widget/invalidOption', metadata })),
    );
  });

  it('hands analytics to onAnalyticPageview and onAnalyticEvent; nested or unnamed ones are invalid', () => {
    const onAnalyticPageview = vi.fn();
    const onAnalyticEvent = vi.fn();
    const onInvalidMessage = vi.fn();
    const onMessage = vi.fn();
    mount({ onAnalyticPageview, onAnalyticEvent, onInvalidMessage, onMessage });
    const ids = { user_guid: 'USR-1', session_guid: 'SES-1' };
    send({ type: 'connect-widget/analyticPageview', path: '/status/denied', metadata: ids });
    send({ type: 'connect-widget/analyticEvent', name: 'mfa_submitted', metadata: { ...ids, challenge_count: 2 } });
    send({ type: 'connect-widget/analyticEvent', name: 'x', metadata: { nested: { password: 'no' } } });
    send({ type: 'connect-widget/analyticPageview', metadata: ids });
    expect(onAnalyticPageview).toHaveBeenCalledWith('/status/denied', ids);
    expect(onAnalyticEvent).toHaveBeenCalledWith('mfa_submitted', { ...ids, challenge_count: 2 });
    expect(onInvalidMessage).toHaveBeenCalledTimes(2);
    expect(onMessage.mock.calls).toEqual([
      [{ type: 'connect-widget/analyticPageview', path: '/status/denied', metadata: ids }],
      [{ type: 'connect-widget/analyticEvent', name: 'mfa_submitted', metadata: { ...ids, challenge_count: 2 } }],
    ]);
  });

  it('never makes the iframe taller than a sane bound, whatever the widget reports', () => {
    const { container } = mount();
    send({ type: 'connect-widget/resize', height: 1_280_230 });
    expect(container.querySelector('iframe')?.style.height).toBe('4000px');
    send({ type: 'connect-widget/resize', height: Number.POSITIVE_INFINITY });
    expect(container.querySelector('iframe')?.style.height).toBe('4000px');
  });

  it('navigateBack and ping post to the widget window, to the widget origin only', () => {
    mount();
    const target = widget?.iframe.contentWindow;
    if (!target) throw new Error('no iframe window');
    const post = vi.spyOn(target, 'postMessage').mockImplementation(() => undefined);
    widget?.navigateBack();
    widget?.ping();
    expect(post.mock.calls).toEqual([
      [{ type: 'mx/navigation', payload: { action: 'back' } }, WIDGET],
      [{ type: 'ping' }, WIDGET],
    ]);
  });

  it('unmount removes every listener it added and the iframe', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const onMessage = vi.fn();
    const { container } = mount({ onMessage });
    const ours = added.mock.calls.filter(([type]) => type === 'message');
    expect(ours).toHaveLength(1);
    widget?.unmount();
    expect(removed.mock.calls.filter(([type]) => type === 'message').map(([, fn]) => fn)).toEqual(
      ours.map(([, fn]) => fn),
    );
    expect(container.querySelector('iframe')).toBeNull();
    send(connected);
    expect(onMessage).not.toHaveBeenCalled();
  });
});

describe('SDK version', () => {
  it('answers mx/load with mx/sdk/info carrying the package version', async () => {
    const { version } = await import('../package.json');
    mount();
    const target = widget?.iframe.contentWindow;
    if (!target) throw new Error('no iframe window');
    const post = vi.spyOn(target, 'postMessage').mockImplementation(() => undefined);
    send({ mx: true, type: 'mx/load', metadata: {} });
    expect(post).toHaveBeenCalledWith(
      { type: 'mx/sdk/info', metadata: { sdk: 'connect-widget-sdk', version } },
      WIDGET,
    );
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('microdeposit events', () => {
  it('reach their typed callbacks; a blocked routing number without a guid is valid, a wrong field type is not', () => {
    const onMicrodepositsDetailsSubmitted = vi.fn();
    const onMicrodepositsBlockedRoutingNumber = vi.fn();
    const onInvalidMessage = vi.fn();
    mount({ onMicrodepositsDetailsSubmitted, onMicrodepositsBlockedRoutingNumber, onInvalidMessage });
    const ids = { user_guid: 'USR-1', session_guid: 'SES-1' };
    send({
      mx: true,
      type: 'mx/connect/microdeposits/detailsSubmitted',
      metadata: { ...ids, microdeposit_guid: 'MIC-1' },
    });
    send({
      mx: true,
      type: 'mx/connect/microdeposits/blockedRoutingNumber',
      metadata: { ...ids, routing_number: '111000025', reason: 'BLOCKED' },
    });
    send({ mx: true, type: 'mx/connect/microdeposits/verified', metadata: { ...ids, microdeposit_guid: 42 } });
    expect(onMicrodepositsDetailsSubmitted).toHaveBeenCalledWith(
      expect.objectContaining({ microdeposit_guid: 'MIC-1' }),
    );
    expect(onMicrodepositsBlockedRoutingNumber).toHaveBeenCalledWith(expect.objectContaining({ reason: 'BLOCKED' }));
    expect(onInvalidMessage).toHaveBeenCalledWith(
      expect.anything(),
      'mx/connect/microdeposits/verified: microdeposit_guid should be a string',
    );
  });
});

describe('onMessage, as documented', () => {
  const ids = { user_guid: 'USR-1', session_guid: 'SES-1' };
  const consent = { ...ids, scope: ['balances'], policy_url: 'https://partner.test/privacy', timestamp: 'T' };
  /** a valid wire message of each of our own types; the type makes it exhaustive */
  const OWN: Record<OwnMessageType, Record<string, unknown>> = {
    'connect-widget/resize': { height: 500 },
    'connect-widget/accountSelected': { metadata: { ...ids, member_guid: 'MBR-1', account_guid: 'ACT-1' } },
    'connect-widget/sessionExpired': { metadata: ids },
    'connect-widget/invalidOption': { metadata: { ...ids, option: 'locale' } },
    'connect-widget/analyticPageview': { path: '/search', metadata: ids },
    'connect-widget/analyticEvent': { name: 'done_clicked', metadata: ids },
    'connect-widget/consentGiven': { metadata: consent },
    'connect-widget/consentDeclined': { metadata: consent },
  };
  const SAMPLE = { string: 'x', number: 1, boolean: true, object: {} } as const;
  /** a valid MX event built from the decoder's own table of its fields */
  function mxEvent(type: keyof typeof EVENT_SHAPES) {
    const metadata = Object.fromEntries(
      Object.entries(EVENT_SHAPES[type]).map(([field, spec]) => [
        field,
        SAMPLE[spec.replace('?', '') as keyof typeof SAMPLE],
      ]),
    );
    return { mx: true, type, metadata };
  }
  const wire = (type: (typeof KNOWN_MESSAGE_TYPES)[number]) =>
    type in EVENT_SHAPES ? mxEvent(type as keyof typeof EVENT_SHAPES) : { type, ...OWN[type as OwnMessageType] };

  it("knows MX's events and ours", () => {
    expect(KNOWN_MESSAGE_TYPES).toEqual(expect.arrayContaining([...Object.keys(EVENT_SHAPES), ...Object.keys(OWN)]));
    expect(KNOWN_MESSAGE_TYPES).toHaveLength(Object.keys(EVENT_SHAPES).length + Object.keys(OWN).length);
  });

  it.each(KNOWN_MESSAGE_TYPES)('receives %s before its own callback, with every other callback set', (type) => {
    const calls: string[] = [];
    const callbacks = Object.fromEntries(CALLBACK_NAMES.map((name) => [name, vi.fn(() => calls.push(name))]));
    mount(callbacks);
    send(wire(type));
    expect(callbacks.onInvalidMessage).not.toHaveBeenCalled();
    expect(callbacks.onMessage).toHaveBeenCalledTimes(1);
    expect(callbacks.onMessage).toHaveBeenCalledWith(expect.objectContaining({ type }));
    expect(calls[0]).toBe('onMessage');
    // resize has no callback of its own (it sizes the frame); every other type has exactly one
    expect(calls.length).toBe(type === 'connect-widget/resize' ? 1 : 2);
  });
});
