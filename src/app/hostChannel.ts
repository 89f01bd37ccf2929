import type { FallbackConfig } from '../config/config';
import { applyTheme, themeFor } from '../config/theme';
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

/** The host's branding and scheme, as far as the URL gives them. */
export function applyOptionsTheme(options: FallbackConfig) {
  document.documentElement.classList.toggle('dark', options.color_scheme === 'dark');
  applyTheme(
    themeFor({ brandColor: options.brand_color, cornerRadius: options.corner_radius, scheme: options.color_scheme }),
  );
}
