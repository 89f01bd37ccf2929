import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { parseConfig } from './config/config';
import { applyTheme, themeFor } from './config/theme';
import { createEmitter, postToParent } from './embedding/emitter';
import { readEmbedding } from './embedding/originGate';
import { takeSessionToken } from './embedding/sessionToken';
import { loadCatalog, resolveLocale } from './i18n/locales';
import { Widget } from './app/Widget';
import { BlockedScreen } from './app/BlockedScreen';
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
  if (!parsed.ok) {
    root.render(<BlockedScreen reason="config" param={parsed.param} message={parsed.message} catalog={catalog} />);
    return;
  }
  const config = parsed.config;
  document.documentElement.classList.toggle('dark', config.color_scheme === 'dark');
  applyTheme(
    themeFor({ brandColor: config.brand_color, cornerRadius: config.corner_radius, scheme: config.color_scheme }),
  );
  // a native app's WebView has no parent to check: the session token alone binds the widget
  const gate = config.is_mobile_webview
    ? { ok: true as const, framed: false }
    : readEmbedding(config.parent_origin, config.allow_top_level);
  if (!gate.ok) {
    // wrong or unknown host: no events at all, just an explanation
    root.render(<BlockedScreen reason="embedding" catalog={catalog} />);
    return;
  }
  // WebView mode loads its own way out (and in); a browser's first bundle does not carry it
  const webview = config.is_mobile_webview ? await import('./embedding/webview') : null;
  const post = webview
    ? webview.webviewPost(config.ui_message_webview_url_scheme)
    : gate.framed && config.parent_origin
      ? postToParent(config.parent_origin)
      : null;
  const emitter = createEmitter(post, { user_guid: config.user_guid, session_guid: config.session_guid });
  emitter.emit('mx/load', {});
  root.render(
    <Widget
      config={config}
      api={createApiClient({ sessionToken })}
      emitter={emitter}
      framed={gate.framed}
      appMessages={webview?.appMessageSource}
      locale={locale}
      catalog={catalog}
    />,
  );
}

void start();
