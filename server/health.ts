import type { Upstream } from './upstreams/types';

export type Readiness = { ok: true; upstream: string } | { ok: false; upstream: string; reason: string };

export interface ReadinessOptions {
  upstream: Upstream;
  /** CONNECT_UPSTREAM, echoed in every answer */
  upstreamName: string;
  /** an upstream success younger than this (ms) is ready without asking again; 30 s by default */
  freshMs?: number;
  /** a failed probe is the answer for this long (ms), so a flood of /readyz is not a flood upstream */
  failureCacheMs?: number;
  /** the probe's own bound (ms); a load balancer's check must not hang on a slow upstream */
  timeoutMs?: number;
  now?: () => number;
}

/** The cheapest request MX answers for any client: one institution. */
const PROBE = { method: 'GET', path: '/institutions', search: '?page=1&records_per_page=1' } as const;

/**
 * Readiness for GET /readyz: ready when the upstream answered a request successfully within
 * `freshMs` (widget traffic counts: wrap the upstream with `observe`), else when one probe
 * (`GET /institutions?page=1&records_per_page=1`, bounded by `timeoutMs`) succeeds now. Probes
 * in flight are shared and a failure is kept for `failureCacheMs`, so the upstream sees at most
 * one probe at a time and one per `failureCacheMs` while it is down.
 */
export function createReadiness({
  upstream,
  upstreamName,
  freshMs = 30_000,
  failureCacheMs = 5_000,
  timeoutMs = 2_000,
  now = Date.now,
}: ReadinessOptions) {
  let lastSuccess = Number.NEGATIVE_INFINITY;
  let lastFailure: { at: number; reason: string } | null = null;
  let probing: Promise<Readiness> | null = null;

  async function probe(): Promise<Readiness> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<string>((done) => {
      timer = setTimeout(() => done(`the upstream did not answer within ${timeoutMs} ms`), timeoutMs);
    });
    const answer = Promise.resolve(PROBE)
      .then(upstream)
      .then(
        async (response) => {
          if (response.ok) {
            void response.body?.cancel();
            return null;
          }
          // the upstream's own error body says which failure it was (unreachable, timed out, refused)
          const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
          const message = typeof body?.error?.message === 'string' ? `: ${body.error.message.slice(0, 200)}` : '';
          return `GET /institutions answered ${response.status}${message}`;
        },
        () => 'the upstream could not be reached',
      );
    const reason = await Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
    if (reason === null) {
      lastSuccess = now();
      lastFailure = null;
      return { ok: true, upstream: upstreamName };
    }
    lastFailure = { at: now(), reason };
    return { ok: false, upstream: upstreamName, reason };
  }

  return {
    /** Ready or not, with the reason; never throws. */
    check(): Promise<Readiness> {
      const at = now();
      if (at - lastSuccess < freshMs) return Promise.resolve({ ok: true, upstream: upstreamName });
      if (lastFailure && at - lastFailure.at < failureCacheMs) {
        return Promise.resolve({ ok: false, upstream: upstreamName, reason: lastFailure.reason });
      }
      probing ??= probe().finally(() => {
        probing = null;
      });
      return probing;
    },
    /** The same upstream, noting each successful answer (so a busy server never needs a probe). */
    observe(inner: Upstream): Upstream {
      return async (request) => {
        const response = await inner(request);
        if (response.ok) lastSuccess = now();
        return response;
      };
    },
  };
}
