import type { MiddlewareHandler } from 'hono';

export interface AccessLogOptions {
  write?: (line: string) => void;
}

/**
 * One JSON line per request: time, method, path, status, duration. Never the query string (a
 * widget page's carries its session token), a header or a body, so no credential, answer, token
 * or key can reach the log.
 *
 * @example app.use('*', accessLog())
 */
export function accessLog({
  write = (line) => process.stdout.write(`${line}\n`),
}: AccessLogOptions = {}): MiddlewareHandler {
  return async function accessLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
  };
}
