import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { parseConfig, type FallbackConfig } from './config/config';
import { applyTheme, themeFor } from './config/theme';
import { createEmitter, postToParent } from './embedding/emitter';
import { readEmbedding } from './embedding/originGate';
import { takeSessionToken } from './embedding/sessionToken';
import { loadCatalog, resolveLocale } from './i18n/locales';
import { Widget } from './app/Widget';
import { BlockedScreen, InvalidOptionScreen } from './app/BlockedScreen';
import './styles.css';

/**
 * Who hears the widget: the parent page at parent_origin (after the origin gate), the app of a
 * native WebView, or nobody (the demo unframed). null when the widget must not run on this page.
 */
async function hostChannel(config: FallbackConfig) {
  // a native app's WebView has no parent to check: the session token alone binds the widget
  const gate = config.is_mobile_webview
    ? { ok: true as const, framed: false }
    : readEmbedding(config.parent_origin, config.allow_top_level);
  if (!gate.ok) return null;
  // WebView mode loads its own way out (and in); a browser's first bundle does not carry it
  const webview = config.is_mobile_webview ? await import('./embedding/webview') : null;
  const post = webview
    ? webview.webviewPost(config.ui_message_webview_url_scheme)
    : gate.framed && config.parent_origin
      ? postToParent(config.parent_origin)
      : null;
  return { framed: gate.framed, webview, post };
}

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
  // a refused URL still shows its message in the options it had right (the scheme, the branding)
  const options = parsed.ok ? parsed.config : parsed.fallback;
  document.documentElement.classList.toggle('dark', options.color_scheme === 'dark');
  applyTheme(
    themeFor({ brandColor: options.brand_color, cornerRadius: options.corner_radius, scheme: options.color_scheme }),
  );
  const host = await hostChannel(options);
  if (!parsed.ok) {
    // the partner reads which option and why (never its value) in the console and in an event; the user, a plain message
    console.warn(`Connect widget: the widget URL's ${parsed.param} ${parsed.message}.`);
    const emitter = createEmitter(host?.post ?? null, {
      user_guid: options.user_guid ?? '',
      session_guid: options.session_guid,
    });
    root.render(
      <InvalidOptionScreen
        option={parsed.param}
        emitter={emitter}
        hostListens={Boolean(host?.post)}
        catalog={catalog}
      />,
    );
    return;
  }
  if (!host) {
    // wrong or unknown host: no events at all, just an explanation
    root.render(<BlockedScreen reason="embedding" catalog={catalog} />);
    return;
  }
  const config = parsed.config;
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
