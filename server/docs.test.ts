// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARTNER_ROUTES, WIDGET_ROUTES } from './upstreams/allowList';
import { getCatalogue, SANDBOX_COUNT, MANUAL_INSTITUTION_CODE } from './upstreams/mock/catalogue';

/** The repository's own docs say what the code does; these checks fail when the two drift apart. */
const doc = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');
const codeSpans = (text: string) => new Set([...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));

describe('docs/api.md', () => {
  const spans = codeSpans(doc('api.md'));
  it.each([...WIDGET_ROUTES, ...PARTNER_ROUTES].map((r) => `${r.method} ${r.path}`))('lists %s', (route) => {
    expect(spans.has(route)).toBe(true);
  });

  it('lists no MX route the allow-list does not have', () => {
    const allowed = new Set([...WIDGET_ROUTES, ...PARTNER_ROUTES].map((r) => `${r.method} ${r.path}`));
    // the server's own routes, not MX's (server/app.ts, widgetApi.ts, helpRoutes.ts, partnerApi.ts)
    const own = new Set([
      'GET /capabilities',
      'GET /healthz',
      'GET /readyz',
      'GET /logos/:id',
      'POST /users/:user_guid/help',
      'POST /partner/users',
      'POST /partner/users/:user_guid/widget_urls',
    ]);
    const listed = [...spans].filter((s) => /^(GET|POST|PUT|DELETE) \/[\w/:]+$/.test(s));
    expect(listed.filter((s) => !allowed.has(s) && !own.has(s))).toEqual([]);
  });
});

describe('docs/events.md', () => {
  const contract = readFileSync(new URL('../sdk/src/contract/events.ts', import.meta.url), 'utf8');
  const types = [
    ...[...contract.matchAll(/^\s+'(mx\/[\w/]+)':/gm)].map((m) => m[1] ?? ''),
    ...[...contract.matchAll(/_MESSAGE_TYPE = '([\w/-]+)'/g)].map((m) => m[1] ?? ''),
  ];
  const spans = codeSpans(doc('events.md'));

  it('the contract has the messages this check expects to find', () => {
    expect(types.length).toBeGreaterThan(30);
  });

  it.each(types)('documents %s', (type) => {
    expect(spans.has(type)).toBe(true);
  });

  it('documents no message the contract does not have', () => {
    const documented = [...spans].filter((s) => /^(mx|connect-widget)\/[\w/]+$/.test(s));
    expect(documented.filter((s) => !types.includes(s))).toEqual([]);
  });
});

describe('docs/sandbox.md', () => {
  const text = doc('sandbox.md');
  const spans = codeSpans(text);

  it('lists every sandbox institution the mock has, and no other', () => {
    const sandbox = getCatalogue()
      .institutions.slice(0, SANDBOX_COUNT)
      .map((i) => i.code);
    const section = text.slice(text.indexOf('## Institutions'), text.indexOf('## Credentials'));
    const listed = [...section.matchAll(/^\|\s*`([a-z_]+)`\s*\|/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set([...sandbox, MANUAL_INSTITUTION_CODE]));
  });

  it('lists every password the mock gives a meaning', () => {
    const scenarios = readFileSync(new URL('./upstreams/mock/scenarios.ts', import.meta.url), 'utf8');
    const keys = [
      ...[...scenarios.matchAll(/^\s+(\w+): \[?'[A-Z_]+'/gm)].map((m) => m[1] ?? ''),
      ...[...scenarios.matchAll(/key === '(\w+)'/g)].map((m) => m[1] ?? ''),
    ];
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !spans.has(k))).toEqual([]);
  });
});

describe('source comments', () => {
  it('point at documents that are in the repository, never at ../shared', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(new URL(`../${dir}`, import.meta.url), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
        } else if (/\.(ts|tsx|mjs)$/.test(entry.name)) {
          const source = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
          if (/\bshared\/[\w-]+\.md/.test(source) && path !== 'server/docs.test.ts') offenders.push(path);
        }
      }
    };
    ['src', 'server', 'sdk/src', 'host', 'scripts', 'e2e'].forEach(walk);
    expect(offenders).toEqual([]);
  });
});
