import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStaticFiles, staticWidget, acceptedLanguages } from './staticWidget';
import { Hono } from 'hono';

const dist = mkdtempSync(join(tmpdir(), 'connect-dist-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><html><head><title>Connect</title><script type="module" src="/assets/index-d4.js"></script></head><body></body></html>',
);
for (const name of ['i18n-en-a1.js', 'i18n-es-b2.js', 'i18n-frCA-c3.js', 'index-d4.js', 'early-e5.js']) {
  writeFileSync(join(dist, 'assets', name), 'export {};');
}
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const app = new Hono().get(
  '*',
  staticWidget({ files: loadStaticFiles(dist), sessionSecret: 's'.repeat(40), hostOrigins: [] }),
);
const preloads = async (path: string, headers: Record<string, string> = {}) =>
  [
    ...(await (await app.request(path, { headers })).text()).matchAll(
      /rel="modulepreload" crossorigin href="([^"]+)"/g,
    ),
  ].map((m) => m[1]);

describe('the widget page', () => {
  it('preloads the catalog of the locale its URL asks for', async () => {
    expect(await preloads('/?locale=es')).toEqual(['/assets/i18n-es-b2.js']);
    expect(await preloads('/?locale=fr-CA', { 'accept-language': 'es' })).toEqual(['/assets/i18n-frCA-c3.js']);
  });

  it('else of the browser’s first language the widget speaks, else English', async () => {
    expect(await preloads('/', { 'accept-language': 'de-DE, fr;q=0.8, es;q=0.9' })).toEqual(['/assets/i18n-es-b2.js']);
    expect(await preloads('/', { 'accept-language': 'de' })).toEqual(['/assets/i18n-en-a1.js']);
    expect(await preloads('/')).toEqual(['/assets/i18n-en-a1.js']);
  });

  it('starts the early script before the entry, asynchronously', async () => {
    const page = await (await app.request('/')).text();
    const scripts = [...page.matchAll(/<script type="module"([^>]*)src="([^"]+)"/g)].map((m) => [
      m[2],
      m[1]?.includes('async'),
    ]);
    expect(scripts).toEqual([
      ['/assets/early-e5.js', true],
      ['/assets/index-d4.js', false],
    ]);
  });

  it('reads Accept-Language by weight, bounded, ignoring what is not a language', () => {
    expect(acceptedLanguages('fr;q=0.5, es, *;q=0.1, de;q=0, en;q=x')).toEqual(['es', 'fr']);
    expect(acceptedLanguages(Array.from({ length: 100 }, () => 'es').join(','))).toHaveLength(16);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});
