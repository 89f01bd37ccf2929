import { errorJson } from '../../errors';
import { MX_MEDIA_TYPE } from '../mock/http';
import type { Upstream } from '../types';

/**
 * The real MX Platform API as the widget's upstream. The server adds what the browser must never
 * hold (HTTP Basic auth with the client id and API key) and MX's Accept header, and turns every
 * way the upstream can fail into the MX error shape the widget already handles.
 */
export interface MxUpstreamOptions {
  baseUrl: string;
  clientId: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
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

  return async function mxUpstream({ method, path, search, body }) {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}${search}`, {
        method,
        headers: {
          accept: MX_MEDIA_TYPE,
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
    if (response.status >= 300 && response.status < 400) return errorJson(502, 'The bank data service answered oddly.');
    if (response.status >= 400) {
      const message = (await upstreamMessage(response)) ?? `The request was refused (HTTP ${response.status}).`;
      const out = errorJson(response.status, message);
      const retryAfter = response.headers.get('retry-after');
      if (retryAfter) out.headers.set('retry-after', retryAfter);
      return out;
    }
    // success bodies pass through as MX sent them; only safe headers travel with them
    const headers = new Headers({ 'content-type': response.headers.get('content-type') ?? MX_MEDIA_TYPE });
    return new Response(response.status === 204 ? null : response.body, { status: response.status, headers });
  };
}
