import { ConnectWidget } from 'connect-widget-sdk';

const form = document.querySelector<HTMLFormElement>('#options');
const container = document.querySelector<HTMLElement>('#widget');
const log = document.querySelector<HTMLOListElement>('#log');
const statusLine = document.querySelector<HTMLElement>('#status');
let widget: ConnectWidget | null = null;
/**
 * The user the widget opens for: one the back end says it created in this browser (its signed
 * cookie, which this script cannot read), or null for a new one. Never taken from the page's URL.
 */
let userGuid: string | null = null;
/** only the latest request to open the widget may mount it */
let generation = 0;

function logLine(text: string) {
  if (!log) return;
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
  // scroll the log only: scrollIntoView would scroll the page too, moving the widget under a click
  log.scrollTop = log.scrollHeight;
}

/** The message of a refusal from this page's back end (or the partner API behind it). */
async function refusalMessage(response: Response): Promise<string> {
  const refusal = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  const message = refusal?.error?.message;
  return typeof message === 'string' ? message : `HTTP ${response.status}`;
}

/** The newest user the back end remembers for this browser, or null (none yet, or the cookie expired). */
async function rememberedUser(): Promise<string | null> {
  const response = await fetch('/demo/users').catch(() => null);
  const body = (await response?.json().catch(() => null)) as { users?: unknown } | null;
  const users = Array.isArray(body?.users) ? body.users.filter((u): u is string => typeof u === 'string') : [];
  return users.at(-1) ?? null;
}

interface Minted {
  url: string;
  widget_origin: string;
  user_guid: string;
}

/**
 * Asks this page's own back end for a widget URL. The back end calls the widget API (which grants
 * no CORS) and says which widget origin it used, so the page trusts no origin from its own URL.
 */
async function widgetUrl(options: Record<string, string>): Promise<Minted> {
  const response = await fetch('/demo/widget-url', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_guid: userGuid, options }),
  });
  // the partner API's refusal names the option at fault (e.g. widget_url.color_scheme), never its value;
  // the back end's own names a user this browser did not create
  if (!response.ok) throw new Error(await refusalMessage(response));
  const minted = (await response.json()) as Minted;
  userGuid = minted.user_guid;
  return minted;
}

async function open() {
  if (!container || !form) return;
  const data = new FormData(form);
  const options: Record<string, string> = {};
  for (const [key, value] of data.entries()) if (typeof value === 'string' && value.trim()) options[key] = value.trim();
  const mine = ++generation;
  if (statusLine) statusLine.textContent = 'Opening the widget…';
  try {
    const minted = await widgetUrl(options);
    if (mine !== generation) return;
    widget?.unmount();
    widget = new ConnectWidget({
      container,
      url: minted.url,
      widgetOrigin: minted.widget_origin,
      // every message the SDK decodes, one line each (the frame's height changes are not news)
      onMessage: (message) => {
        if (message.type === 'connect-widget/resize') return;
        if (message.type === 'connect-widget/analyticPageview') return logLine(`pageview ${message.path}`);
        if (message.type === 'connect-widget/analyticEvent')
          return logLine(`analytics ${message.name} ${JSON.stringify(message.metadata)}`);
        logLine(`${message.type} ${JSON.stringify(message.metadata)}`);
      },
      // a partner keeps the guid to bring the user back to it; this page puts it in the form
      onMicrodepositsDetailsSubmitted: ({ microdeposit_guid }) => {
        const field = form.elements.namedItem('current_microdeposit_guid');
        if (field instanceof HTMLInputElement) field.value = microdeposit_guid;
      },
      onInvalidMessage: (_data, reason) => logLine(`invalid message: ${reason}`),
    });
    if (statusLine) statusLine.textContent = `Widget loaded from ${minted.widget_origin} for ${minted.user_guid}`;
  } catch (error) {
    if (statusLine)
      statusLine.textContent = `Could not open the widget: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * A link to this page can carry widget options (?color_scheme=dark&current_institution_code=mxbank…)
 * so that a configured demo can be shared; only the form's own fields are read (never a user).
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
document.querySelector('#new-user')?.addEventListener('click', () => {
  userGuid = null;
  void open();
});
document.querySelector('#skip-day')?.addEventListener('click', () => {
  void (async () => {
    if (!userGuid) return;
    const response = await fetch('/demo/skip-ahead', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_guid: userGuid }),
    });
    if (!statusLine) return;
    if (response.ok) statusLine.textContent = 'A day later (mock clock). Open the widget again to check back.';
    else if (response.status === 403)
      statusLine.textContent = `Could not move the mock clock: ${await refusalMessage(response)}`;
    else
      statusLine.textContent = `Could not move the mock clock (HTTP ${response.status}; it needs MOCK_CONTROL_API=1).`;
  })();
});
prefillFromQuery();
// older demo links named a user (?user_guid=…): anyone holding one saw that user's connections
if (new URLSearchParams(window.location.search).has('user_guid')) {
  const notice = document.querySelector<HTMLElement>('#link-notice');
  if (notice) notice.hidden = false;
}
void (async () => {
  // `?new_user` starts as a new user, as the "New user" button does (it names no one, so it is safe in a link)
  userGuid = new URLSearchParams(window.location.search).has('new_user') ? null : await rememberedUser();
  await open();
})();
