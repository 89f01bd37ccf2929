/**
 * Takes the session token out of the widget's URL: read once, then removed from the visible URL
 * (and so from history, bookmarks and any later Referer). It lives in memory only from here on.
 */
export function takeSessionToken(
  location: Location = window.location,
  history: History = window.history,
): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get('session_token');
  if (token === null) return null;
  url.searchParams.delete('session_token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return token;
}
