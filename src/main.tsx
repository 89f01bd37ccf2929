import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { parseConfig } from './config/config';
import { createEmitter } from './embedding/emitter';
import { takeSessionToken } from './embedding/sessionToken';
import { loadCatalog, resolveLocale, type Locale } from './i18n/locales';
import { laterMessagesFor } from './i18n/laterMessages';
import { createTranslator, TranslateContext, type Messages } from './i18n/translate';
import type { ReactNode } from 'react';
import { AppUnavailable, Loading } from './app/AppLoading';
import { earlyNoConnections, opensAtSearch, startEarlyReads } from './app/earlyReads';
import type { MountOptions } from './app/mountWidget';
import { SearchShell } from './features/search/SearchShell';
import { applyOptionsTheme, hostChannel } from './app/hostChannel';
import './styles.css';

async function start() {
  const sessionToken = takeSessionToken();
  // the early script usually has (src/early.ts); where the entry ran first, it takes the token from
  // the URL before that script can read it, so the first reads start here instead
  if (sessionToken) startEarlyReads(window.location.search, sessionToken);
  const container = document.getElementById('root');
  if (!container) return;
  const locale = resolveLocale(
    new URLSearchParams(window.location.search).get('locale') ?? undefined,
    navigator.languages,
  );
  document.documentElement.lang = locale;
  // nothing the first screen needs waits for another: the catalog chunk (the server's page already
  // preloads it) and the first reads (the page's early script) start together, before React renders
  const catalogLoad = catalogOrRetry(locale, container);
  const root = createRoot(container);
  const parsed = parseConfig(window.location.search);
  // a widget that must not run loads its screens only then
  const blocked = () => import('./app/blockedStart');
  if (!parsed.ok) return (await blocked()).startRefused(root, parsed, await catalogLoad);
  const config = parsed.config;
  const themed = applyOptionsTheme(config);
  const host = await hostChannel(config);
  if (!host) return (await blocked()).showWrongHost(root, await catalogLoad);
  const emitter = createEmitter(host.post, { user_guid: config.user_guid, session_guid: config.session_guid });
  emitter.emit('mx/load', {});
  // the search box can show with React alone when search is the first screen: for a user with no
  // connections (the early members read says), with consent off and nothing named to start at
  const noConnections = opensAtSearch(config) ? earlyNoConnections(window.location.search) : undefined;
  // the rest of the widget, asked for now: the entry's own bytes are in, so it shares the link with
  // nothing the box needs, and the popular list follows the box as soon as it can (asked for only
  // after the box's paint, the list came 0.28 s later and the box no sooner: issue #27's bench)
  const app = loadApp();
  const [catalog] = await Promise.all([catalogLoad, themed]);
  laterMessagesFor(locale, catalog);
  const words = (screen: ReactNode) => (
    <TranslateContext.Provider value={createTranslator(catalog)}>{screen}</TranslateContext.Provider>
  );
  // never a blank frame: "Loading…" while the early members read is out (where it has answered,
  // the box below replaces this in the same task, before it is ever drawn)
  root.render(words(<Loading />));
  // the box is worth drawing only until the widget itself is in
  const widgetIn = app.then(noBox, noBox);
  const firstPaint = noConnections !== undefined && (await Promise.race([noConnections, widgetIn]));
  if (firstPaint) {
    flushSync(() => root.render(words(<SearchShell />)));
    // the box paints before the widget's first render, however soon its chunk is in (a cached one)
    await afterPaint();
  }
  mountWhenLoaded(app, {
    root,
    config,
    sessionToken,
    emitter,
    framed: host.framed,
    appMessages: host.webview?.appMessageSource,
    locale,
    catalog,
    waiting: firstPaint ? <SearchShell /> : undefined,
  });
}

const loadApp = () => import('./app/mountWidget');
const noBox = () => false;

/**
 * Mounts the widget once its chunk has loaded. A chunk that cannot load (the network, a deploy)
 * leaves a plain "could not be loaded" with Try again, which asks the network again; what the user
 * typed in the first paint's box is kept for the search step (features/search/searchDraft.ts).
 */
function mountWhenLoaded(app: ReturnType<typeof loadApp>, options: MountOptions, attempt = 0) {
  app.then(
    ({ mountWidget }) => mountWidget(options),
    () =>
      options.root.render(
        <TranslateContext.Provider value={createTranslator(options.catalog)}>
          <AppUnavailable key={attempt} onRetry={() => mountWhenLoaded(loadApp(), options, attempt + 1)} />
        </TranslateContext.Provider>,
      ),
  );
}

/** After the next frame has painted (or soon, where a hidden frame paints none). */
function afterPaint(): Promise<void> {
  return new Promise((done) => {
    const hidden = setTimeout(done, 250);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(hidden);
        done();
      }, 0),
    );
  });
}

/**
 * The locale's catalog (loadCatalog already tries again, then falls back to English). When not even
 * English loads, there are no words to show a screen in: a plain English line and a button that
 * tries again in place (reloading would lose the session token, which lives in memory only).
 */
function catalogOrRetry(locale: Locale, container: HTMLElement): Promise<Messages> {
  // a copy: the later messages are added into it (i18n/laterMessages.ts), never into the module's own
  return loadCatalog(locale).then(
    (first): Messages => ({ ...first }),
    () =>
      new Promise<Messages>((resolve) => {
        const box = document.createElement('div');
        box.className = 'p-4';
        box.setAttribute('role', 'alert');
        const text = document.createElement('p');
        text.textContent = 'This screen could not be loaded. Check your connection, then try again.';
        const again = document.createElement('button');
        again.type = 'button';
        again.className = 'mt-2 underline';
        again.textContent = 'Try again';
        again.addEventListener('click', () => {
          box.remove();
          resolve(catalogOrRetry(locale, container));
        });
        box.append(text, again);
        container.append(box);
      }),
  );
}

void start();
