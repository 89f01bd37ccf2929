/**
 * The production server: `npm run start:prod` runs it compiled (dist-server/main.js, see server/vite.config.ts);
 * `npm start` runs it from source through scripts/serve.ts.
 * Configuration comes from the environment (see .env.example); none at all runs the demo.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { accessLog } from './accessLog';
import { createServerApp } from './app';
import { loadConfig, type ServerConfig } from './config';
import { createRateLimitStores, type RateLimitStores } from './rateLimitStore';
import { loadStaticFiles, staticWidget } from './staticWidget';
import { createMockUpstream } from './upstreams/mock/upstream';
import { createMxUpstream } from './upstreams/mx/upstream';

export interface StartedServer {
  url: string;
  /** the configuration it runs with (validated) */
  config: ServerConfig;
  close(): Promise<void>;
}

/**
 * Where this deployment's rate limits count: REDIS_URL's Redis (keys under REDIS_KEY_PREFIX, by
 * default `connect:<PUBLIC_ORIGIN's host>:`, so deployments can share one Redis) or memory.
 */
export function rateLimitStoresFor(config: ServerConfig): RateLimitStores {
  const prefix =
    config.REDIS_KEY_PREFIX ?? `connect:${config.PUBLIC_ORIGIN ? new URL(config.PUBLIC_ORIGIN).host : 'local'}:`;
  return createRateLimitStores({
    redisUrl: config.REDIS_URL,
    prefix,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
  });
}

export function buildApp(config: ServerConfig, distDir: string, quiet = false, rateLimitStores?: RateLimitStores) {
  const mock =
    config.CONNECT_UPSTREAM === 'mock'
      ? createMockUpstream({
          mode: config.NODE_ENV === 'production' ? 'production' : 'development',
          controlApi: config.MOCK_CONTROL_API,
          clockSpeed: config.MOCK_CLOCK_SPEED,
        })
      : null;
  const upstream =
    mock?.upstream ??
    createMxUpstream({
      baseUrl: config.MX_BASE_URL ?? '',
      clientId: config.MX_CLIENT_ID ?? '',
      apiKey: config.MX_API_KEY ?? '',
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      version: config.MX_API_VERSION,
    });
  return createServerApp({
    config,
    upstream,
    sandbox: mock?.sandbox,
    staticHandler: staticWidget({
      files: loadStaticFiles(distDir),
      sessionSecret: config.SESSION_SECRET,
      hostOrigins: config.CONNECT_HOST_ORIGINS,
      allowTopLevel: config.NODE_ENV !== 'production',
    }),
    middleware: quiet ? [] : [accessLog()],
    rateLimitStores,
  });
}

/**
 * Validates the configuration, then listens. Rejects with a one-line message for a refused
 * configuration or an address it cannot listen on (EADDRINUSE: PORT is taken); prints warnings
 * (one line each) on stderr.
 */
export async function startServer(
  env: Record<string, string | undefined> = process.env,
  distDir = resolve(import.meta.dirname, '../dist'),
): Promise<StartedServer> {
  const loaded = loadConfig(env);
  // the hints too when refused: CONNECT_HOST_ORIGIN set explains CONNECT_HOST_ORIGINS missing
  if (!loaded.ok) throw new Error([...loaded.errors, ...loaded.warnings].join('\n'));
  const { config } = loaded;
  for (const warning of loaded.warnings) console.warn(warning);
  const stores = rateLimitStoresFor(config);
  const app = buildApp(config, distDir, !config.ACCESS_LOG, stores);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST });
  const listening = new Promise<void>((done, fail) => {
    server.once('listening', () => done());
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Cannot listen: PORT ${config.PORT} is already in use on HOST ${config.HOST} (EADDRINUSE)`
            : `Cannot listen on HOST ${config.HOST} PORT ${config.PORT} (${error.code ?? 'error'})`,
        ),
      ),
    );
  });
  await listening.catch(async (error: unknown) => {
    await stores.close();
    throw error;
  });
  stores.connect();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return {
    url: `http://${config.HOST}:${port}`,
    config,
    // stops taking connections and resolves once the requests in flight have finished, then
    // closes the Redis connection (their rate limits were counted in it)
    close: () => new Promise<void>((done) => server.close(() => done())).then(() => stores.close()),
  };
}

/**
 * Whether the module at `moduleUrl` (its import.meta.url) is the script Node was started with
 * (`scriptPath`, process.argv[1]): both resolved through symlinks and compared as file URLs, so a
 * symlinked path or a directory with a space or other percent-encoded character still starts the
 * server. false when there is no script or either path does not exist.
 */
export function isEntryScript(moduleUrl: string, scriptPath: string | undefined): boolean {
  if (!scriptPath) return false;
  try {
    const script = pathToFileURL(realpathSync(scriptPath)).href;
    return script === pathToFileURL(realpathSync(fileURLToPath(moduleUrl))).href;
  } catch {
    return false;
  }
}

/** The "listening" line: where, in which mode, against which upstream (JSON, one line). */
export function listeningLine(
  url: string,
  config: Pick<ServerConfig, 'NODE_ENV' | 'CONNECT_UPSTREAM'>,
  time = new Date(),
) {
  return JSON.stringify({
    time: time.toISOString(),
    msg: 'listening',
    url,
    mode: config.NODE_ENV,
    upstream: config.CONNECT_UPSTREAM,
  });
}

/** The one warning line a start outside production prints (null in production). */
export function nonProductionWarning(config: Pick<ServerConfig, 'NODE_ENV'>): string | null {
  return config.NODE_ENV === 'production'
    ? null
    : `Not production: NODE_ENV is ${config.NODE_ENV}, so the demo's defaults and secrets are allowed; set NODE_ENV=production to deploy`;
}

if (isEntryScript(import.meta.url, process.argv[1])) {
  // a .env in the working directory, read by Node itself; a variable already set wins over it
  if (existsSync('.env')) process.loadEnvFile('.env');
  startServer().then(
    (started) => {
      console.info(listeningLine(started.url, started.config));
      const notProduction = nonProductionWarning(started.config);
      if (notProduction) console.warn(notProduction);
      const stop = () => {
        // in-flight requests finish; a stuck one does not hold the process past ten seconds
        setTimeout(() => process.exit(1), 10_000).unref();
        void started.close().then(() => process.exit(0));
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
