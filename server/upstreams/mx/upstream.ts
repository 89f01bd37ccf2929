import { errorJson } from '../../errors';
import { matchUpstreamRoute } from '../allowList';
import { upstreamSearchCapabilities } from '../capabilities';
import { mxVersionHeaders, upstreamSearch, widgetBody, type MxApiVersion } from '../apiVersion';
import { isJsonContentType, MX_MEDIA_TYPE } from '../../http';
import type { Upstream } from '../types';

/**
 * The real MX Platform API as the widget's upstream. The server adds what the browser must never
 * hold (HTTP Basic auth with the client id and API key) and the headers of its API version, sends
 * only the query parameters MX defines for the route, reads MX's answer back into the one shape
 * the widget reads (apiVersion.ts), and turns every way the upstream can fail into the MX error
 * shape the widget already handles.
 */
export interface MxUpstreamOptions {
  baseUrl: string;
  clientId: string;
  apiKey: string;
  timeoutMs: number;
  /** `MX_API_VERSION`: which version's headers, queries and bodies (apiVersion.ts); v1 by default */
  version?: MxApiVersion;
  fetch?: typeof fetch;
}

/** The largest success body read from MX (a page of 100 institutions is far less). */
export const MAX_UPSTREAM_BODY_BYTES = 2 * 1024 * 1024;

/** The body as text, or null when it is larger than `max` bytes (reading stops there). */
async function boundedText(response: Response, max: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** MX's own message from a 4xx body, when it has one; never the body itself. */
async function upstreamMessage(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message.slice(0, 500) : null;
  } catch {
    return null;
  }
}

export function createMxUpstream(options: MxUpstreamOptions): Upstream {
  const base = options.baseUrl.replace(/\/$/, '');
  const authorization = `Basic ${Buffer.from(`${options.clientId}:${options.apiKey}`).toString('base64')}`;
  const doFetch = options.fetch ?? fetch;
  const version = options.version ?? 'v1';
  const versionHeaders = mxVersionHeaders(version);
  const oddly = () => errorJson(502, 'The bank data service answered oddly.');

  return async function mxUpstream({ method, path, search, body }) {
    const route = matchUpstreamRoute(method, path);
    // the allow-list holds here too, not only in the routes that call this: MX gets no other path
    if (!route) return errorJson(404, 'No such route.');
    const byRoutingNumber = route.route.path === '/institutions' && new URLSearchParams(search).has('routing_number');
    if (byRoutingNumber && !upstreamSearchCapabilities('mx').routingNumber) {
      // MX defines no such parameter: sent without it, MX's unfiltered list would pass for the answer
      return errorJson(422, 'This bank data service cannot search by routing number. Search by name instead.');
    }
    let response: Response;
    try {
      response = await doFetch(`${base}${path}${upstreamSearch(version, route, search)}`, {
        method,
        headers: {
          ...versionHeaders,
          authorization,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return timedOut
        ? errorJson(504, 'The bank data service did not answer in time.')
        : errorJson(502, 'The bank data service could not be reached.');
    }
    if (response.status >= 500) return errorJson(502, 'The bank data service is having trouble.');
    if (response.status >= 300 && response.status < 400) return oddly();
    if (response.status >= 400) {
      const message = (await upstreamMessage(response)) ?? `The request was refused (HTTP ${response.status}).`;
      const out = errorJson(response.status, message);
      const retryAfter = response.headers.get('retry-after');
      if (retryAfter) out.headers.set('retry-after', retryAfter);
      return out;
    }
    if (response.status === 204) return new Response(null, { status: 204 });
    // either media type MX may answer in is JSON; the widget gets one shape, v1's, in one type
    if (!isJsonContentType(response.headers.get('content-type'))) return oddly();
    const text = await boundedText(response, MAX_UPSTREAM_BODY_BYTES);
    if (text === null) return errorJson(502, 'The bank data service answered with too much data.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return oddly();
    }
    return new Response(JSON.stringify(widgetBody(version, route, search, parsed)), {
      status: response.status,
      headers: { 'content-type': MX_MEDIA_TYPE },
    });
  };
}
