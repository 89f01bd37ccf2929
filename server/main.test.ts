// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { buildApp, isEntryScript, listeningLine, nonProductionWarning, startServer } from './main';
import { PRODUCTION_MOCK_ENV, testConfig } from './testSupport';

// a built widget of one page, enough for the server to start
const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Connect</title>');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const PRODUCTION = { ...PRODUCTION_MOCK_ENV, HOST: '127.0.0.1', ACCESS_LOG: '0' };

const appFor = (env: Record<string, string>) => buildApp(testConfig(env), dist, true);

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

describe('isEntryScript (is this module the script node was started with?)', () => {
  it('is true through a symlinked path and in a directory whose name has a space', () => {
    const root = mkdtempSync(join(tmpdir(), 'connect entry '));
    try {
      mkdirSync(join(root, 'dist server'));
      const script = join(root, 'dist server', 'main.js');
      writeFileSync(script, '');
      symlinkSync(join(root, 'dist server'), join(root, 'current'));
      const moduleUrl = pathToFileURL(script).href;
      // the URL Node gives the module is percent-encoded (%20); argv[1] is the raw path
      expect(moduleUrl).toContain('%20');
      expect(isEntryScript(moduleUrl, script)).toBe(true);
      expect(isEntryScript(moduleUrl, join(root, 'current', 'main.js'))).toBe(true);
      // and a module the script merely imports is not the entry
      writeFileSync(join(root, 'other.js'), '');
      expect(isEntryScript(moduleUrl, join(root, 'other.js'))).toBe(false);
      expect(isEntryScript(moduleUrl, undefined)).toBe(false);
      expect(isEntryScript(moduleUrl, join(root, 'missing.js'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('start-up lines', () => {
  it('the listening line names the mode and the upstream', () => {
    const line = JSON.parse(
      listeningLine('http://0.0.0.0:8080', { NODE_ENV: 'production', CONNECT_UPSTREAM: 'mx' }, new Date(0)),
    ) as unknown;
    expect(line).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      msg: 'listening',
      url: 'http://0.0.0.0:8080',
      mode: 'production',
      upstream: 'mx',
    });
  });

  it('a start outside production says so in one warning line; production says nothing', () => {
    expect(nonProductionWarning({ NODE_ENV: 'development' })).toMatch(
      /^Not production: NODE_ENV is development[^\n]+$/,
    );
    expect(nonProductionWarning({ NODE_ENV: 'production' })).toBeNull();
  });
});
