import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { parseConfig } from './config/config';
import { createEmitter } from './embedding/emitter';
import { takeSessionToken } from './embedding/sessionToken';
import { loadCatalog, resolveLocale } from './i18n/locales';
import { Widget } from './app/Widget';
import { applyOptionsTheme, hostChannel } from './app/hostChannel';
import './styles.css';

async function start() {
  const sessionToken = takeSessionToken();
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const parsed = parseConfig(window.location.search);
  const locale = resolveLocale(
    new URLSearchParams(window.location.search).get('locale') ?? undefined,
    navigator.languages,
  );
  document.documentElement.lang = locale;
  const catalog = await loadCatalog(locale);
  // a widget that must not run loads its screens only then
  const blocked = () => import('./app/blockedStart');
  if (!parsed.ok) return (await blocked()).startRefused(root, parsed, catalog);
  const config = parsed.config;
  applyOptionsTheme(config);
  const host = await hostChannel(config);
  if (!host) return (await blocked()).showWrongHost(root, catalog);
  const emitter = createEmitter(host.post, { user_guid: config.user_guid, session_guid: config.session_guid });
  emitter.emit('mx/load', {});
  root.render(
    <Widget
      config={config}
      api={createApiClient({ sessionToken })}
      emitter={emitter}
      framed={host.framed}
      appMessages={host.webview?.appMessageSource}
      locale={locale}
      catalog={catalog}
    />,
  );
}

void start();
