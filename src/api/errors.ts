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

/** Network trouble, timeouts, 5xx and 429 are worth retrying; other 4xx and bad bodies are not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return false;
}

/**
 * tooLong: the status kept polling past the screen's budget without settling;
 * sessionExpired: the server refused the session token (401), nothing more can be done here
 */
export type ErrorKind = 'network' | 'notFound' | 'badData' | 'server' | 'tooLong' | 'sessionExpired';

/** What the error screen should say about an error that ended a flow. */
export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof SchemaError) return 'badData';
  if (error instanceof ApiError && error.status === 401) return 'sessionExpired';
  if (error instanceof ApiError && (error.status === 404 || error.status === 410)) return 'notFound';
  return 'server';
}
