/** Errors the API client throws; the UI decides what to show from their kind, never from text. */
export class ApiError extends Error {
  readonly kind = 'http' as const;
  constructor(
    readonly status: number,
    message: string,
    readonly details: { retryAfterMs?: number; existingMemberGuid?: string; field?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class NetworkError extends Error {
  readonly kind = 'network' as const;
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

export class SchemaError extends Error {
  readonly kind = 'schema' as const;
  constructor(
    readonly endpoint: string,
    readonly field: string,
    detail: string,
  ) {
    super(`Unexpected response from ${endpoint}: field "${field}" ${detail}`);
    this.name = 'SchemaError';
  }
}

export type ClientError = ApiError | NetworkError | SchemaError;

export function isClientError(error: unknown): error is ClientError {
  return error instanceof ApiError || error instanceof NetworkError || error instanceof SchemaError;
}

/**
 * The shortest and longest wait (ms) the widget takes from a Retry-After. A server asking for a
 * day (or for more than a timer can hold, which fires at once) gets half a minute, and the user a
 * countdown and a button meanwhile; one asking for 0 or a past date still gets a second.
 */
export const MIN_RETRY_AFTER_MS = 1_000;
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * A Retry-After header (delta-seconds or an HTTP date, RFC 9110 §10.2.3) as a wait in ms, clamped to
 * MIN..MAX_RETRY_AFTER_MS; undefined when there is none or it cannot be read. Parsed once, here,
 * when the response arrives: everything after reads `ApiError.details.retryAfterMs`.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, ms));
}

/** The wait (ms, clamped) a refusal asked for, if it asked for one. */
export function waitAskedBy(error: unknown): number | undefined {
  return error instanceof ApiError ? error.details.retryAfterMs : undefined;
}

/** Network trouble, timeouts, 5xx and 429 are worth retrying; other 4xx and bad bodies are not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return false;
}

/**
 * tooLong: the status kept polling past the screen's budget without settling;
 * sessionExpired: the server refused the session token (401), nothing more can be done here;
 * sessionRefused: the session may not act for the user the URL names (403), likewise;
 * rateLimited: 429, try again after the wait it asked for (waitAskedBy);
 * notFound: the member (connection) is gone; institutionNotFound: no bank has the code asked for
 */
export type ErrorKind =
  | 'network'
  | 'notFound'
  | 'institutionNotFound'
  | 'badData'
  | 'server'
  | 'tooLong'
  | 'sessionExpired'
  | 'sessionRefused'
  | 'rateLimited';

/**
 * The kinds after which nothing in this window can work: a refused token (401), or a session that
 * may not act for the user the URL names (403: the URL was edited). The partner's app opens a new one.
 */
export const endsSession = (kind: ErrorKind | null | undefined): boolean =>
  kind === 'sessionExpired' || kind === 'sessionRefused';

/**
 * What the user should be told about an error, by its kind, never its text. `about` names what was
 * read, so a 404 says what is missing: an institution, or a member (the default).
 */
export function errorKindOf(error: unknown, about: 'member' | 'institution' = 'member'): ErrorKind {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof SchemaError) return 'badData';
  if (error instanceof ApiError && error.status === 401) return 'sessionExpired';
  if (error instanceof ApiError && error.status === 403) return 'sessionRefused';
  if (error instanceof ApiError && error.status === 429) return 'rateLimited';
  if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
    return about === 'institution' ? 'institutionNotFound' : 'notFound';
  }
  return 'server';
}

/**
 * Puts an error's technical detail (endpoint, status, the validator's words) where a partner's
 * developer looks, the console, and never on screen. Errors carry no request bodies, so no
 * credential can reach it.
 */
export function reportToConsole(context: string, error: unknown): void {
  if (!isClientError(error)) return;
  const detail = error instanceof ApiError ? `${error.message} (HTTP ${error.status})` : error.message;
  console.warn(`[connect-widget] ${context}: ${detail}`);
}
