import { createClient, ErrorReply } from 'redis';
import { MemoryStore, RedisStore, type RedisClient, type Store } from 'hono-rate-limiter';

/**
 * Where the rate limiters count. With REDIS_URL every instance counts in one Redis (or Valkey), so
 * a session's 601st call in the minute is refused by whichever instance gets it; without it each
 * instance counts in its own memory.
 *
 * Fail-open: while Redis cannot answer (down at boot, gone away, slower than COMMAND_TIMEOUT_MS)
 * each limiter counts in its own memory instead, per instance, as it would without REDIS_URL;
 * requests are served and still limited (per instance). One warning line when an outage starts,
 * one when Redis answers again; never the URL (it may carry a password).
 */
export type RateLimitStoreState = 'memory' | 'redis' | 'unavailable';

export interface RateLimitStores {
  /** A store for one limiter, its keys under `<prefix><name>:`; each limiter needs its own. */
  storeFor(name: string): Store;
  /** `memory` (no REDIS_URL), `redis`, or `unavailable` (counting in memory until Redis answers). */
  state(): RateLimitStoreState;
  /**
   * Starts connecting to Redis (and reconnecting, for good), never waiting for it. Call it once the
   * server listens: a connection begun before the synchronous start-up work (compressing the widget's
   * files) would time out behind it. Until then the limits count in memory.
   */
  connect(): void;
  /** Closes the Redis connection (SIGTERM); the memory stores need nothing. */
  close(): Promise<void>;
}

/**
 * Any Redis command slower than this (by default; REDIS_COMMAND_TIMEOUT_MS) counts as an outage: a
 * limiter must not hold a request. The server's own timer enforces it (node-redis's command timeout
 * only covers commands not yet written, so a Redis that stops answering on an open connection would
 * hold every request).
 */
export const COMMAND_TIMEOUT_MS = 500;
/** An idle connection is pinged this often (ms), so a silent Redis is noticed without traffic. */
export const PING_INTERVAL_MS = 5_000;
/** Bounds for (re)connecting: a boot with Redis down neither hangs nor crashes. */
export const CONNECT_TIMEOUT_MS = 2_000;
export const MAX_RECONNECT_DELAY_MS = 5_000;
/** After a failed command, memory is used this long before Redis is tried again (ms). */
export const RETRY_AFTER_FAILURE_MS = 2_000;

/** The node-redis commands the RedisStore's client needs. */
interface NodeRedisCommands {
  scriptLoad(script: string): Promise<string>;
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  decr(key: string): Promise<number>;
  del(key: string): Promise<number>;
}

/**
 * node-redis → the RedisStore's client: scriptLoad, evalsha(sha, keys, args), decr, del.
 * Arguments go as strings (Redis's own type for them); replies are passed through as they come.
 */
export function redisStoreClient(client: NodeRedisCommands): RedisClient {
  return {
    scriptLoad: (script) => client.scriptLoad(script),
    evalsha: async <TArgs extends unknown[], TData = unknown>(sha1: string, keys: string[], args: TArgs) =>
      (await client.evalSha(sha1, { keys, arguments: args.map(String) })) as TData,
    decr: (key) => client.decr(key),
    del: (key) => client.del(key),
  };
}

/** A Redis call that did not answer within its bound (COMMAND_TIMEOUT_MS unless configured). */
export class RedisNoAnswerError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** `call`'s result, or a RedisNoAnswerError once `ms` have passed without one; clears its timer. */
export function withinTimeout<T>(call: Promise<T>, ms = COMMAND_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new RedisNoAnswerError(ms)), ms);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What the outage line may say about `reason`: a Redis error reply's first word (WRONGPASS, NOAUTH,
 * ERR), an error code (ECONNREFUSED), or node-redis's own short message; never anything that could
 * hold the URL and its password. null when none of these applies.
 */
export function outageDetail(reason: unknown): string | null {
  if (!(reason instanceof Error)) return null;
  if (reason instanceof ErrorReply) {
    const word = /^[A-Z]{2,20}(?=\s|$)/.exec(reason.message);
    return word ? word[0] : 'ErrorReply';
  }
  if ('code' in reason && typeof reason.code === 'string') return reason.code;
  if (/^[A-Za-z0-9 ]{1,80}$/.test(reason.message)) return reason.message;
  return reason.constructor.name; // node-redis's TimeoutError has no message
}

/** The delay before reconnect attempt `retries`: doubling from 100 ms, at most 5 s, never giving up. */
export function reconnectDelay(retries: number): number {
  return Math.min(100 * 2 ** Math.min(retries, 10), MAX_RECONNECT_DELAY_MS);
}

export interface RateLimitStoreOptions {
  /** redis:// or rediss:// (config.ts has validated it); none → memory */
  redisUrl?: string;
  /** prepended to every key, so two deployments can share one Redis */
  prefix: string;
  /** one line per outage and per recovery */
  warn?: (line: string) => void;
  now?: () => number;
  /** a command slower than this (ms) counts as an outage; default COMMAND_TIMEOUT_MS */
  commandTimeoutMs?: number;
}

/** Memory stores, or Redis stores that fall back to memory while Redis cannot answer (see above). */
export function createRateLimitStores({
  redisUrl,
  prefix,
  warn = (line) => console.warn(line),
  now = Date.now,
  commandTimeoutMs = COMMAND_TIMEOUT_MS,
}: RateLimitStoreOptions): RateLimitStores {
  const bounded = <T>(call: Promise<T>) => withinTimeout(call, commandTimeoutMs);
  if (!redisUrl) {
    return {
      storeFor: () => new MemoryStore(),
      state: () => 'memory',
      connect: () => undefined,
      close: () => Promise.resolve(),
    };
  }
  const client = createClient({
    url: redisUrl,
    // a command while disconnected fails at once (and the limiter counts in memory) instead of queueing
    disableOfflineQueue: true,
    commandOptions: { timeout: commandTimeoutMs },
    pingInterval: PING_INTERVAL_MS,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: reconnectDelay, keepAlive: true },
  });
  let down = false;
  let retryAt = 0;
  const log = (msg: string, reason?: unknown) => {
    const detail = outageDetail(reason);
    warn(JSON.stringify({ time: new Date(now()).toISOString(), msg: detail ? `${msg} (${detail})` : msg }));
  };
  const failed = (reason: unknown) => {
    retryAt = now() + RETRY_AFTER_FAILURE_MS;
    if (down) return;
    down = true;
    log('rate limits: Redis unavailable, counting per instance in memory until it answers', reason);
  };
  const answered = () => {
    if (!down) return;
    retryAt = 0;
    down = false;
    log('rate limits: Redis answers again, counting in Redis');
  };
  // without a listener node-redis's 'error' event would crash the process; each one is the same outage
  client.on('error', failed);
  let closed = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  /**
   * Drops the connection (its stuck commands fail at once instead of queueing later ones behind
   * them) and connects anew. A new connection whose handshake never answers is dropped again after
   * CONNECT_TIMEOUT_MS, so a Redis that comes back is found.
   */
  const restart = () => {
    if (closed || watchdog) return;
    client.destroy();
    client.connect().catch(failed);
    watchdog = setTimeout(() => {
      watchdog = undefined;
      if (!client.isReady) restart();
    }, CONNECT_TIMEOUT_MS);
    watchdog.unref();
  };
  // a new connection is used once it answers a PING in time, whatever the last one's failure
  client.on('ready', () => {
    bounded(client.ping()).then(
      () => {
        retryAt = 0;
        answered();
      },
      (error: unknown) => {
        failed(error);
        restart();
      },
    );
  });
  const adapter = redisStoreClient(client);

  return {
    storeFor(name) {
      const shared = new RedisStore({ client: adapter, prefix: `${prefix}${name}:` });
      const local = new MemoryStore();
      const usable = () => client.isReady && now() >= retryAt;
      /** Redis when it answers, else this instance's memory; never throws. */
      async function either<T>(inRedis: () => Promise<T>, inMemory: () => T): Promise<T> {
        if (!usable()) return inMemory();
        try {
          const result = await bounded(inRedis());
          answered();
          return result;
        } catch (error) {
          failed(error);
          if (error instanceof RedisNoAnswerError) restart();
          return inMemory();
        }
      }
      return {
        prefix: shared.prefix,
        localKeys: false,
        init(options) {
          shared.init(options);
          local.init(options);
        },
        get: (key) => either(shared.get.bind(shared, key), local.get.bind(local, key)),
        increment: (key) => either(shared.increment.bind(shared, key), local.increment.bind(local, key)),
        decrement: (key) => either(shared.decrement.bind(shared, key), local.decrement.bind(local, key)),
        resetKey: (key) => either(shared.resetKey.bind(shared, key), local.resetKey.bind(local, key)),
        shutdown: () => local.shutdown(),
      };
    },
    state: () => (down || !client.isReady ? 'unavailable' : 'redis'),
    connect() {
      // not awaited: the server serves while Redis is down; node-redis keeps reconnecting
      if (!client.isOpen && !closed) client.connect().catch(failed);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(watchdog);
      client.off('error', failed);
      client.on('error', () => undefined);
      // a Redis that does not answer would hold close() (it waits for the replies) past SIGTERM's bound
      if (client.isReady && !down) await bounded(client.close()).catch(() => client.destroy());
      else client.destroy();
    },
  };
}
