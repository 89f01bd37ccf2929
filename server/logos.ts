import type { Context } from 'hono';
import { errorJson } from './errors';

/**
 * Institution logos, served from the widget's own origin.
 *
 * The widget's CSP allows images from 'self' and data: only, so a logo on the upstream's CDN
 * (MX: content.moneydesktop.com) never shows, and fetching it from the browser would tell that
 * host the user's address. Instead the server rewrites every logo URL in the institution bodies
 * it forwards into `/logos/<id>`, where the id is the URL, an expiry hour and an HMAC of both under
 * the session secret. `GET /logos/<id>` fetches only what such an id names, and only from the
 * upstream's allow-listed hosts, over https, as an image (never SVG), size and time limited,
 * following no redirect off those hosts; results sit in a small LRU (failures for a minute).
 *
 * An <img> cannot send the session's Bearer token, so the id is the capability: only the server
 * can make one, it is handed out only in answers to session-authenticated reads, and it expires
 * (between one and two hours after it was made; ids are stable within an hour so caches work).
 */

/** Where logos may come from, and how to reach it (MX: the network; the mock: in-process). */
export interface LogoSource {
  /** exact host names (https, default port) logos may be fetched from */
  hosts: readonly string[];
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

/** MX's logos (medium_logo_url / small_logo_url in its institution bodies). */
export const MX_LOGO_SOURCE: LogoSource = {
  hosts: ['content.moneydesktop.com'],
  fetch: (url, init) => globalThis.fetch(url, init),
};

export interface LogoProxyOptions {
  secret: string;
  source: LogoSource;
  /** bytes; a bigger logo is refused while it streams in */
  maxBytes?: number;
  /** for the whole fetch, body included */
  timeoutMs?: number;
  /** logos kept in memory (each at most maxBytes) */
  cacheEntries?: number;
  cacheTtlMs?: number;
  now?: () => number;
}

export const LOGO_PATH = '/logos/';
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
type ImageType = (typeof IMAGE_TYPES)[number];
const MAX_URL_LENGTH = 1_024;
const MAX_REDIRECTS = 2;
const HOUR_MS = 3_600_000;
const FAILURE_TTL_MS = 60_000;
/** a data: logo (the mock's initials) is passed through: the CSP allows data: images, and an <img> runs no script */
const DATA_LOGO = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/;
const MAX_DATA_LOGO_LENGTH = 8_192;
const ID = /^([A-Za-z0-9_-]{1,1400})\.([0-9]{1,8})\.([A-Za-z0-9_-]{43})$/;
const LOGO_FIELDS = ['small_logo_url', 'medium_logo_url'] as const;

const encoder = new TextEncoder();
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

type Fetched = { ok: true; type: ImageType; bytes: Uint8Array<ArrayBuffer> } | { ok: false; status: 404 | 502 | 504 };

/** The first bytes of each allowed type: a body must be what its Content-Type says. */
function sniff(bytes: Uint8Array): ImageType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42) {
    return 'image/webp';
  }
  return null;
}

/** The URL when it is one the source may be asked for: https, an allowed host, default port, no userinfo. */
export function allowedLogoUrl(raw: string, hosts: readonly string[]): URL | null {
  if (raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  return hosts.includes(url.hostname) ? url : null;
}

/** Reads a body up to `max` bytes; null when it is bigger or the signal fires first. */
async function readLimited(body: ReadableStream<Uint8Array>, max: number, signal: AbortSignal) {
  const reader = body.getReader();
  const aborted = new Promise<null>((resolve) => {
    if (signal.aborted) resolve(null);
    signal.addEventListener('abort', () => resolve(null), { once: true });
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), aborted]);
      if (next === null) return null;
      if (next.done) break;
      size += next.value.byteLength;
      if (size > max) return null;
      chunks.push(next.value);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * The logo route and the body rewriter, sharing one key and one cache.
 *
 * - `handle(c)`: `GET /logos/:id` → 200 with the image (Content-Type from its own bytes,
 *   `Cache-Control: private, max-age` up to the id's expiry); 404 for an id the server did not
 *   make, an expired one or a URL off the allow-list; 502 when the host fails, redirects elsewhere,
 *   answers a non-image, an SVG or more than maxBytes; 504 when it is slower than timeoutMs.
 * - `rewrite(path, response)`: for a 2xx JSON answer to GET /institutions…, the same answer with
 *   each institution's logo URLs replaced by `/logos/<id>` (kept when a small data:image URI,
 *   null otherwise); any other response is returned untouched.
 */
export function logoProxy({
  secret,
  source,
  maxBytes = 256 * 1024,
  timeoutMs = 5_000,
  cacheEntries = 128,
  cacheTtlMs = HOUR_MS,
  now = Date.now,
}: LogoProxyOptions) {
  const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  // the prefix keeps these MACs apart from the session tokens signed with the same secret
  const signed = (url: string, expiryHour: string) => encoder.encode(`logo\n${expiryHour}\n${url}`);
  const cache = new Map<string, { at: number; logo: Fetched }>();
  const inFlight = new Map<string, Promise<Fetched>>();

  async function idFor(url: string): Promise<string> {
    // valid for the rest of the next full hour: the same id all hour, so the browser's cache works
    const expiryHour = String(Math.floor(now() / HOUR_MS) + 2);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, signed(url, expiryHour)));
    return `${base64url(encoder.encode(url))}.${expiryHour}.${base64url(mac)}`;
  }

  async function urlOf(id: string): Promise<{ url: URL; expiresMs: number } | null> {
    const match = ID.exec(id);
    if (!match) return null;
    const [, encoded = '', expiryHour = '', mac = ''] = match;
    const url = Buffer.from(encoded, 'base64url').toString('utf8');
    const good = await crypto.subtle.verify('HMAC', await key, Buffer.from(mac, 'base64url'), signed(url, expiryHour));
    const expiresMs = Number(expiryHour) * HOUR_MS;
    if (!good || expiresMs <= now()) return null;
    const allowed = allowedLogoUrl(url, source.hosts);
    return allowed ? { url: allowed, expiresMs } : null;
  }

  async function fetchLogo(start: URL): Promise<Fetched> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let url = start;
      for (let hop = 0; ; hop += 1) {
        const response = await source.fetch(url.href, {
          redirect: 'manual',
          signal: controller.signal,
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          headers: { accept: IMAGE_TYPES.join(', ') },
        });
        if (response.status >= 300 && response.status < 400) {
          void response.body?.cancel().catch(() => undefined);
          const location = response.headers.get('location');
          const next =
            location && hop < MAX_REDIRECTS ? allowedLogoUrl(safeResolve(location, url), source.hosts) : null;
          if (!next) return { ok: false, status: 502 };
          url = next;
          continue;
        }
        const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const declared = Number(response.headers.get('content-length') ?? '0');
        if (response.status !== 200 || !response.body || !isImageType(type) || declared > maxBytes) {
          void response.body?.cancel().catch(() => undefined);
          return { ok: false, status: 502 };
        }
        const bytes = await readLimited(response.body, maxBytes, controller.signal);
        if (bytes === null) return { ok: false, status: controller.signal.aborted ? 504 : 502 };
        const sniffed = sniff(bytes);
        return sniffed === type ? { ok: true, type: sniffed, bytes } : { ok: false, status: 502 };
      }
    } catch {
      return { ok: false, status: controller.signal.aborted ? 504 : 502 };
    } finally {
      clearTimeout(timer);
    }
  }

  async function cachedLogo(url: URL): Promise<Fetched> {
    const hit = cache.get(url.href);
    // a failure is remembered briefly too, so a broken logo cannot make the server ask again per request
    if (hit && now() - hit.at < (hit.logo.ok ? cacheTtlMs : FAILURE_TTL_MS)) {
      cache.delete(url.href);
      cache.set(url.href, hit);
      return hit.logo;
    }
    cache.delete(url.href);
    // one fetch per URL at a time, however many sessions ask for it
    const pending = inFlight.get(url.href) ?? fetchLogo(url);
    inFlight.set(url.href, pending);
    const logo = await pending.finally(() => inFlight.delete(url.href));
    cache.set(url.href, { at: now(), logo });
    for (const oldest of cache.keys()) {
      if (cache.size <= cacheEntries) break;
      cache.delete(oldest);
    }
    return logo;
  }

  async function rewriteInstitution(value: unknown): Promise<void> {
    if (typeof value !== 'object' || value === null) return;
    const institution = value as Record<string, unknown>;
    for (const field of LOGO_FIELDS) {
      const raw = institution[field];
      if (raw === undefined || raw === null) continue;
      if (typeof raw === 'string' && raw.length <= MAX_DATA_LOGO_LENGTH && DATA_LOGO.test(raw)) continue;
      const allowed = typeof raw === 'string' ? allowedLogoUrl(raw, source.hosts) : null;
      institution[field] = allowed ? `${LOGO_PATH}${await idFor(allowed.href)}` : null;
    }
  }

  return {
    async handle(c: Context): Promise<Response> {
      const found = await urlOf(c.req.param('id') ?? '');
      if (!found) return errorJson(404, 'No such logo.');
      const logo = await cachedLogo(found.url);
      if (!logo.ok) {
        return errorJson(logo.status, logo.status === 404 ? 'No such logo.' : 'The logo could not be loaded.');
      }
      const maxAge = Math.max(0, Math.floor((found.expiresMs - now()) / 1000));
      return new Response(logo.bytes, {
        headers: {
          'content-type': logo.type,
          'content-length': String(logo.bytes.byteLength),
          'cache-control': `private, max-age=${maxAge}`,
          'x-content-type-options': 'nosniff',
          'content-security-policy': `default-src 'none'; sandbox`,
          'cross-origin-resource-policy': 'same-origin',
          'referrer-policy': 'no-referrer',
        },
      });
    },

    async rewrite(path: string, response: Response): Promise<Response> {
      const type = response.headers.get('content-type') ?? '';
      if (!path.startsWith('/institutions') || !response.ok || !/json/i.test(type)) return response;
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return new Response(text, response);
      }
      if (typeof body !== 'object' || body === null) return new Response(text, response);
      const { institution, institutions } = body as { institution?: unknown; institutions?: unknown };
      await rewriteInstitution(institution);
      if (Array.isArray(institutions)) await Promise.all(institutions.map(rewriteInstitution));
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      return new Response(JSON.stringify(body), { status: response.status, headers });
    },
  };
}

export type LogoProxy = ReturnType<typeof logoProxy>;

function isImageType(type: string): type is ImageType {
  return IMAGE_TYPES.some((t) => t === type);
}

function safeResolve(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return '';
  }
}
