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
