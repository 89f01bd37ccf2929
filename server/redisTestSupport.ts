import { createConnection } from 'node:net';

/** Resolves once a Redis on 127.0.0.1:`port` answers PING; rejects after `withinMs` (tests only). */
export async function redisAnswers(port: number, withinMs = 5_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const pong = await new Promise<boolean>((done) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        done(String(data).startsWith('+PONG'));
      });
      socket.once('error', () => done(false));
    });
    if (pong) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within ${withinMs} ms`);
}

/**
 * The environment of a real server (server/main.ts startServer) counting its rate limits in the Redis
 * on 127.0.0.1:`port`, under keys starting `prefix`, on a free port of its own (tests only). `extra`
 * adds or overrides variables.
 */
export function redisServerEnv(
  port: number,
  prefix: string,
  partnerSecret: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    ACCESS_LOG: '0',
    PARTNER_SECRET: partnerSecret,
    REDIS_URL: `redis://127.0.0.1:${port}`,
    REDIS_KEY_PREFIX: prefix,
    ...extra,
  };
}
