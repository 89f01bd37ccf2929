// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('server configuration', () => {
  it('needs nothing to run the demo: mock upstream, local origins, 30-minute sessions', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.CONNECT_UPSTREAM).toBe('mock');
    expect(result.config.CONNECT_HOST_ORIGINS).toEqual(['http://127.0.0.1:4174', 'http://localhost:4174']);
    expect(result.config.SESSION_TTL_S).toBe(1_800);
    expect(result.config.MX_API_VERSION).toBe('v1');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ CONNECT_HOST_ORIGINS: 'https://ok.example,javascript:alert(1)' }, 'CONNECT_HOST_ORIGINS'],
    [{ SESSION_TTL_S: '86400' }, 'SESSION_TTL_S'],
    [{ CONNECT_UPSTREAM: 'mx' }, 'MX_BASE_URL'],
    [{ NODE_ENV: 'production' }, 'PARTNER_SECRET'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ MX_API_VERSION: 'v2' }, 'MX_API_VERSION'],
  ])('%j is refused in one line naming %s', (env, name) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(result.error).not.toContain('\n');
  });

  it('never echoes a secret it refuses', () => {
    const result = loadConfig({ PARTNER_SECRET: 'tiny-secret' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).not.toContain('tiny-secret');
  });
});

describe('MX_LOGO_HOSTS', () => {
  it('defaults to MX’s logo host, takes a list, and none for no logo fetching', () => {
    const hosts = (env: Record<string, string>) => {
      const result = loadConfig(env);
      return result.ok ? result.config.MX_LOGO_HOSTS : result.error;
    };
    expect(hosts({})).toEqual(['content.moneydesktop.com']);
    expect(hosts({ MX_LOGO_HOSTS: 'a.example, B.example' })).toEqual(['a.example', 'b.example']);
    expect(hosts({ MX_LOGO_HOSTS: 'none' })).toEqual([]);
    expect(hosts({ MX_LOGO_HOSTS: 'https://a.example/x' })).toMatch(/^Invalid configuration: MX_LOGO_HOSTS /);
  });
});
