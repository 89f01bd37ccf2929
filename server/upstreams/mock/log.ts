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

// account numbers too: a microdeposit's full number never reaches the log
const SECRET_KEYS = new Set(['value', 'password', 'credentials_value', 'account_number']);

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

export interface RequestLog {
  /** adds an entry (its body already redacted), dropping the oldest past the limit */
  push(entry: LogEntry): LogEntry;
  entries(): readonly LogEntry[];
  clear(): void;
}

/**
 * The mock's request log: a ring of at most `maxEntries`, each body kept only up to
 * `maxBodyChars` of JSON, so that no stream of requests can grow the process without bound.
 */
export function createRequestLog({ maxEntries = 2_000, maxBodyChars = 4_096 } = {}): RequestLog {
  let ring: LogEntry[] = [];
  return {
    push(entry) {
      if (entry.body !== undefined) {
        const size = JSON.stringify(entry.body)?.length ?? 0;
        if (size > maxBodyChars) entry.body = `[body of ${size} characters not kept]`;
      }
      ring.push(entry);
      if (ring.length > maxEntries) ring = ring.slice(ring.length - maxEntries);
      return entry;
    },
    entries: () => ring,
    clear() {
      ring = [];
    },
  };
}
