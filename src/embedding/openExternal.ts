/**
 * Every external link (bank site, forgot password, privacy policy) in WebView mode: https only,
 * opened with window.open and noopener so the app can send it to the system browser. Anything
 * else is refused and logged without its query string (which may carry tokens).
 */
export function openExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    console.warn('Refused to open a link that is not a URL.');
    return false;
  }
  if (parsed.protocol !== 'https:') {
    console.warn(`Refused to open a link that is not https: ${parsed.protocol}//${parsed.host}${parsed.pathname}`);
    return false;
  }
  window.open(parsed.toString(), '_blank', 'noopener');
  return true;
}
