// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { buildApp, startServer } from './main';

// a built widget of one page, enough for the server to start
const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Connect</title>');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const PRODUCTION = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PUBLIC_ORIGIN: 'https://connect.bank.test',
  CONNECT_HOST_ORIGINS: 'https://app.bank.test',
  CONNECT_UPSTREAM: 'mock',
  PARTNER_SECRET: 'p'.repeat(24),
  SESSION_SECRET: 's'.repeat(40),
  ACCESS_LOG: '0',
};

function appFor(env: Record<string, string>) {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.error);
  return buildApp(loaded.config, dist, true);
}

describe('allow_top_level', () => {
  it('is refused in production: a widget URL cannot be used outside the partner page', async () => {
    const res = await appFor(PRODUCTION).request('/?allow_top_level=true&user_guid=USR-1');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/allow_top_level/);
    expect((await appFor(PRODUCTION).request('/?allow_top_level=false')).status).toBe(200);
  });

  it('still runs the demo outside production', async () => {
    expect((await appFor({ NODE_ENV: 'development' }).request('/?allow_top_level=true')).status).toBe(200);
  });
});

describe('starting', () => {
  it('a port in use is one line naming PORT', async () => {
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', () => done()));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startServer({ ...PRODUCTION, PORT: String(port) }, dist)).rejects.toThrow(
        new RegExp(`^Cannot listen: PORT ${port} is already in use on HOST 127\\.0\\.0\\.1 \\(EADDRINUSE\\)$`),
      );
    } finally {
      await new Promise<void>((done) => taken.close(() => done()));
    }
  });

  it('reads .env from its working directory, the environment winning; a refusal is one line and exit 1', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'connect-env-'));
    try {
      // both refused; the environment's PORT replaces the .env's, so the refusal names the next one
      writeFileSync(join(cwd, '.env'), 'PORT=eighty\nSESSION_TTL_S=86400\n');
      const tsx = import.meta.resolve('tsx');
      const run = spawnSync(process.execPath, ['--import', tsx, resolve(import.meta.dirname, 'main.ts')], {
        cwd,
        env: { PATH: process.env.PATH, PORT: '0' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^Invalid configuration: SESSION_TTL_S [^\n]+\n$/);
      expect(run.stdout).toBe('');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 30_000);
});
