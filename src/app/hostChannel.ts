import type { FallbackConfig } from '../config/config';
import { postToParent } from '../embedding/emitter';
import { readEmbedding } from '../embedding/originGate';

/**
 * Who hears the widget: the parent page at parent_origin (after the origin gate), the app of a
 * native WebView, or nobody (the demo unframed). null when the widget must not run on this page.
 */
export async function hostChannel(config: FallbackConfig) {
  // a native app's WebView has no parent to check: the session token alone binds the widget
  const gate = config.is_mobile_webview
    ? { ok: true as const, framed: false }
    : readEmbedding(config.parent_origin, config.allow_top_level);
  if (!gate.ok) return null;
  // WebView mode loads its own way out (and in); a browser's first bundle does not carry it
  const webview = config.is_mobile_webview ? await import('../embedding/webview') : null;
  const post = webview
    ? webview.webviewPost(config.ui_message_webview_url_scheme)
    : gate.framed && config.parent_origin
      ? postToParent(config.parent_origin)
      : null;
  return { framed: gate.framed, webview, post };
}

/**
 * The host's branding and scheme, as far as the URL gives them. The scheme applies at once; a
 * brand colour or corner radius loads the theme's colour maths first (its own chunk: most pages
 * have neither), so the promise resolves once they apply. A chunk that cannot load leaves the
 * default colours rather than no widget.
 */
export function applyOptionsTheme(options: FallbackConfig): Promise<void> {
  document.documentElement.classList.toggle('dark', options.color_scheme === 'dark');
  if (options.brand_color === undefined && options.corner_radius === undefined) return Promise.resolve();
  return import('../config/theme').then(
    ({ applyTheme, themeFor }) =>
      applyTheme(
        themeFor({
          brandColor: options.brand_color,
          cornerRadius: options.corner_radius,
          scheme: options.color_scheme,
        }),
      ),
    () => undefined,
  );
}
