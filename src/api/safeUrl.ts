const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A URL from API data that may be shown as a link, opened, or handed to the host: https only,
 * plus http on the local sandbox (the widget itself served over http from localhost, where the
 * mock's OAuth pages live). Anything else, `javascript:` and `data:` included, becomes ''.
 */
export function safeUrl(raw: string | null | undefined, here: Location | URL = window.location): string {
  if (!raw) return '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '';
  }
  if (url.protocol === 'https:') return raw;
  const sandbox = here.protocol === 'http:' && LOCAL_HOSTS.has(here.hostname);
  return sandbox && url.protocol === 'http:' ? raw : '';
}
