import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { parseConfig } from './config/config';
import { createEmitter } from './embedding/emitter';
import { takeSessionToken } from './embedding/sessionToken';
import { loadCatalog, resolveLocale, type Locale } from './i18n/locales';
import type { Catalog } from './i18n/translate';
import { withEarlyReads } from './app/earlyReads';
import { prefetchFirstReads } from './app/prefetchFirstReads';
import { createQueryClient } from './app/queryClient';
import { Widget } from './app/Widget';
import { applyOptionsTheme, hostChannel } from './app/hostChannel';
import './styles.css';

async function start() {
  const sessionToken = takeSessionToken();
  const container = document.getElementById('root');
  if (!container) return;
  const locale = resolveLocale(
    new URLSearchParams(window.location.search).get('locale') ?? undefined,
    navigator.languages,
  );
  document.documentElement.lang = locale;
  // nothing the first screen needs waits for another: the catalog chunk (the server's page already
  // preloads it) and the first reads start together, before React renders
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
  const api = createApiClient({ sessionToken, fetch: withEarlyReads((input, init) => globalThis.fetch(input, init)) });
  const queryClient = createQueryClient();
  prefetchFirstReads(queryClient, api, config);
  const emitter = createEmitter(host.post, { user_guid: config.user_guid, session_guid: config.session_guid });
  emitter.emit('mx/load', {});
  const [catalog] = await Promise.all([catalogLoad, themed]);
  root.render(
    <Widget
      config={config}
      api={api}
      queryClient={queryClient}
      emitter={emitter}
      framed={host.framed}
      appMessages={host.webview?.appMessageSource}
      locale={locale}
      catalog={catalog}
    />,
  );
}

/**
 * The locale's catalog (loadCatalog already tries again, then falls back to English). When not even
 * English loads, there are no words to show a screen in: a plain English line and a button that
 * tries again in place (reloading would lose the session token, which lives in memory only).
 */
function catalogOrRetry(locale: Locale, container: HTMLElement): Promise<Catalog> {
  return loadCatalog(locale).catch(
    () =>
      new Promise<Catalog>((resolve) => {
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
