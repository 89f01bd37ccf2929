import type { Context, MiddlewareHandler, Next } from 'hono';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/** Answers smaller than this many bytes go as they are: gzip's own framing would outweigh the gain. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

const compressAnswer = compress({ threshold: COMPRESS_THRESHOLD_BYTES });

/**
 * Hono's compress applies its threshold only to a declared Content-Length, and the widget API's
 * answers are built from strings without one (the upstreams, errorJson, c.json): the body of a
 * compressible answer is read once here so it declares its length, and a small one stays identity.
 */
async function declareLength(c: Context, next: Next): Promise<void> {
  await next();
  const { res } = c;
  const type = res.headers.get('content-type') ?? '';
  if (!res.body || res.headers.has('content-length') || res.headers.has('content-encoding')) return;
  if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
  const bytes = await res.arrayBuffer();
  const headers = new Headers(res.headers);
  headers.set('content-length', String(bytes.byteLength));
  c.res = new Response(bytes, { status: res.status, statusText: res.statusText, headers });
}

/**
 * The widget API's reads compressed: a GET answer of a compressible type (JSON, MX's
 * `application/vnd.mx.api.v1+json`) of at least COMPRESS_THRESHOLD_BYTES goes gzip or deflate as
 * the request's Accept-Encoding asks, with `Vary: Accept-Encoding` (Hono's compress); identity
 * otherwise. HEAD and every other method's answers go as they are.
 */
export const compressReads: MiddlewareHandler = async (c, next) => {
  // BREACH: a compressed answer that reflects what a request sent (a body) can leak a secret through its length
  if (c.req.method !== 'GET') return next();
  await compressAnswer(c, () => declareLength(c, next));
};
