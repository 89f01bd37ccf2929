import type { AnchorHTMLAttributes } from 'react';
import { useConfig } from '../config/ConfigProvider';
import { openExternal } from '../embedding/openExternal';

/**
 * A link that leaves the widget (bank website, forgot password, privacy policy): a new tab in a
 * browser; in a mobile WebView, window.open with noopener (https only) so the app can hand it to
 * the system browser instead of navigating the widget away.
 */
export function ExternalLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const webview = useConfig().is_mobile_webview;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        onClick?.(event);
        if (!webview) return;
        event.preventDefault();
        openExternal(href);
      }}
      {...rest}
    />
  );
}
