export interface LogEntry {
  method: string;
  path: string;
  /** the query string, e.g. ?name=mx (never holds a secret: credentials travel in bodies) */
  query?: string;
  status: number;
  /** virtual time, ISO 8601 */
  time: string;
  body?: unknown;
}

const SECRET_KEYS = new Set(['value', 'password', 'credentials_value']);

/** Copies a request body with every credential or answer value replaced, for the request log. */
export function redact(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redact);
  if (body && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      out[key] = SECRET_KEYS.has(key) ? '[REDACTED]' : redact(value);
    }
    return out;
  }
  return body;
}
