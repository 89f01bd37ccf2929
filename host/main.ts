import { ConnectWidget } from '../src/host-sdk';

declare const __DEFAULT_WIDGET_ORIGIN__: string;

/** Where the widget (and, for this demo, the mock backend) lives: ?widget_origin= overrides. */
const widgetOrigin = new URLSearchParams(window.location.search).get('widget_origin') ?? __DEFAULT_WIDGET_ORIGIN__;
const api = `${widgetOrigin}/api`;

const form = document.querySelector<HTMLFormElement>('#options');
const container = document.querySelector<HTMLElement>('#widget');
const log = document.querySelector<HTMLOListElement>('#log');
const statusLine = document.querySelector<HTMLElement>('#status');
let widget: ConnectWidget | null = null;
let userGuid: string | null = null;
/** only the latest request to open the widget may mount it */
let generation = 0;

function logLine(text: string) {
  if (!log) return;
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
  item.scrollIntoView({ block: 'nearest' });
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/vnd.mx.api.v1+json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** In production this happens on the partner's server, which holds the API keys. */
async function widgetUrl(options: Record<string, string>): Promise<string> {
  if (!userGuid) {
    const created = await post<{ user: { guid: string } }>('/users', { user: { id: `demo-${Date.now()}` } });
    userGuid = created.user.guid;
  }
  const { widget_url } = await post<{ widget_url: { url: string } }>(`/users/${userGuid}/widget_urls`, {
    widget_url: { widget_type: 'connect_widget', ...options, parent_origin: window.location.origin },
  });
  return widget_url.url;
}

async function open() {
  if (!container || !form) return;
  const data = new FormData(form);
  const options: Record<string, string> = {};
  for (const [key, value] of data.entries()) if (typeof value === 'string' && value.trim()) options[key] = value.trim();
  const mine = ++generation;
  if (statusLine) statusLine.textContent = 'Opening the widget…';
  try {
    const url = await widgetUrl(options);
    if (mine !== generation) return;
    widget?.unmount();
    widget = new ConnectWidget({
      container,
      url,
      onMessage: ({ type, metadata }) => logLine(`${type} ${JSON.stringify(metadata)}`),
      onAccountSelected: (metadata) => logLine(`connect-widget/accountSelected ${JSON.stringify(metadata)}`),
      onInvalidMessage: (_data, reason) => logLine(`invalid message: ${reason}`),
    });
    if (statusLine) statusLine.textContent = `Widget loaded from ${widgetOrigin} for ${userGuid ?? ''}`;
  } catch (error) {
    if (statusLine)
      statusLine.textContent = `Could not open the widget: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * A link to this page can carry widget options (?color_scheme=dark&current_institution_code=mxbank…)
 * so that a configured demo can be shared; only the form's own fields are read.
 */
function prefillFromQuery() {
  if (!form) return;
  const query = new URLSearchParams(window.location.search);
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
    const value = query.get(element.name);
    if (value === null) continue;
    if (element instanceof HTMLSelectElement && !Array.from(element.options).some((o) => o.value === value)) continue;
    element.value = value;
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  void open();
});
document.querySelector('#back')?.addEventListener('click', () => widget?.navigateBack());
document.querySelector('#ping')?.addEventListener('click', () => widget?.ping());
prefillFromQuery();
void open();
