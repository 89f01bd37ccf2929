import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { SEARCH_PAGE_SIZE } from '../api/paths';
import { parseConfig } from '../config/config';
import { earlyNoConnections, firstReadUrls, opensAtSearch, startEarlyReads, withEarlyReads } from './earlyReads';
import { resolveInitialStep } from './resolveInitialStep';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** The URLs the API client asks for, calling it the way the first screen does. */
async function clientUrls(read: (api: ReturnType<typeof createApiClient>) => Promise<unknown>) {
  const urls: string[] = [];
  const api = createApiClient({
    fetch: (input) => {
      urls.push(String(input));
      return Promise.reject(new Error('not here'));
    },
  });
  await read(api).catch(() => undefined);
  return urls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the early reads', () => {
  it('are the very URLs the API client reads the first screen by', async () => {
    expect(firstReadUrls('?user_guid=USR-1&session_token=t')).toEqual([
      ...(await clientUrls((api) => api.listMembers('USR-1'))),
      ...(await clientUrls((api) => api.favoriteInstitutions({ perPage: SEARCH_PAGE_SIZE }))),
    ]);
    expect(firstReadUrls('?user_guid=USR-1&current_member_guid=MBR-2&current_institution_code=mx%20bank')).toEqual([
      ...(await clientUrls((api) => api.getMember('USR-1', 'MBR-2'))),
      ...(await clientUrls((api) => api.getInstitution('mx bank'))),
    ]);
    expect(firstReadUrls('?user_guid=USR-1&current_microdeposit_guid=MIC-3')).toEqual([]);
    expect(firstReadUrls('?session_token=t')).toEqual([]);
  });

  it('send the token as the client does (a header, never the URL), and are taken once', async () => {
    const fetched = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      void input;
      void init;
      return Promise.resolve(json({ members: [] }));
    });
    vi.stubGlobal('fetch', fetched);
    startEarlyReads('?user_guid=USR-9&session_token=secret', 'secret');
    // the entry starts them too where it ran before the early script: still one read each
    startEarlyReads('?user_guid=USR-9', 'secret');
    expect(fetched).toHaveBeenCalledTimes(2);
    for (const [url, init] of fetched.mock.calls) {
      expect(String(url)).not.toContain('secret');
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer secret');
    }
    const later = vi.fn(() => Promise.resolve(json({ members: [{ guid: 'later' }] })));
    const api = createApiClient({ sessionToken: 'secret', fetch: withEarlyReads(later) });
    expect(await api.listMembers('USR-9')).toEqual([]);
    expect(later).not.toHaveBeenCalled();
    // a second read (a retry, "Try again") goes to the network
    await api.listMembers('USR-9').catch(() => undefined);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('leave the popular list to the entry when the page’s early script asks (no start waits on it)', async () => {
    const fetched = vi.fn((input: RequestInfo | URL) => {
      void input;
      return Promise.resolve(json({ members: [] }));
    });
    vi.stubGlobal('fetch', fetched);
    // a page of its own: the other tests here left their (user-less) favorites read untaken
    vi.resetModules();
    const page = await import('./earlyReads');
    page.startEarlyReads('?user_guid=USR-6', 'secret', { favorites: false });
    expect(fetched.mock.calls.map(([url]) => String(url))).toEqual(firstReadUrls('?user_guid=USR-6').slice(0, 1));
    // the entry then starts what is left, once
    page.startEarlyReads('?user_guid=USR-6', 'secret');
    page.startEarlyReads('?user_guid=USR-6', 'secret');
    expect(fetched.mock.calls.map(([url]) => String(url))).toEqual(firstReadUrls('?user_guid=USR-6'));
  });

  it('still time out as the client’s own reads do', async () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    startEarlyReads('?user_guid=USR-8', 'secret');
    const api = createApiClient({ fetch: withEarlyReads(() => Promise.reject(new Error('unused'))), timeoutMs: 20 });
    await expect(api.listMembers('USR-8')).rejects.toThrow(/timed out/);
  });

  it('say the user has no connections only for an answered, empty members page', async () => {
    const answers: Record<string, () => Promise<Response>> = {
      empty: () => Promise.resolve(json({ members: [], pagination: { total_entries: 0 } })),
      some: () => Promise.resolve(json({ members: [{ guid: 'MBR-1' }] })),
      failed: () => Promise.resolve(new Response('{"error":"nope"}', { status: 503 })),
      offline: () => Promise.reject(new TypeError('Failed to fetch')),
      notJson: () => Promise.resolve(new Response('<html>', { status: 200 })),
      wrongShape: () => Promise.resolve(json({ members: { length: 0 } })),
    };
    const expected: Record<string, boolean> = {
      empty: true,
      some: false,
      failed: false,
      offline: false,
      notJson: false,
      wrongShape: false,
    };
    for (const [name, answer] of Object.entries(answers)) {
      vi.stubGlobal('fetch', answer);
      const search = `?user_guid=USR-${name}`;
      startEarlyReads(search, 'secret');
      expect(await earlyNoConnections(search), name).toBe(expected[name]);
    }
    // no early read for this start (a member named), or none at all: no answer
    expect(earlyNoConnections('?user_guid=USR-none')).toBeUndefined();
    startEarlyReads('?user_guid=USR-m&current_member_guid=MBR-1', 'secret');
    expect(earlyNoConnections('?user_guid=USR-m&current_member_guid=MBR-1')).toBeUndefined();
  });

  it('leave the response whole for the API client after a look at it', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(json({ members: [] })));
    startEarlyReads('?user_guid=USR-7', 'secret');
    expect(await earlyNoConnections('?user_guid=USR-7')).toBe(true);
    const api = createApiClient({ fetch: withEarlyReads(() => Promise.reject(new Error('unused'))) });
    expect(await api.listMembers('USR-7')).toEqual([]);
  });

  it('open at search exactly where the widget starts there for a user with no connections', () => {
    const options = {
      disable_consent: ['true', 'false', undefined],
      current_member_guid: ['MBR-1', undefined],
      current_institution_code: ['mxbank', undefined],
      current_microdeposit_guid: ['MIC-1', undefined],
      mode: ['aggregation', 'verification'],
    };
    let checked = 0;
    const combine = (keys: string[], params: Record<string, string>): void => {
      const [key, ...rest] = keys;
      if (key === undefined) {
        const parsed = parseConfig(new URLSearchParams({ user_guid: 'USR-1', ...params }).toString());
        if (!parsed.ok) throw new Error(parsed.message);
        const { config } = parsed;
        // what resolveInitialStep makes of the start before any read names a member or institution
        const step = resolveInitialStep(config, undefined, undefined, false).step;
        const named = !!(config.current_member_guid || config.current_institution_code);
        expect(opensAtSearch(config), JSON.stringify(params)).toBe(!named && step === 'search');
        checked += 1;
        return;
      }
      for (const value of options[key as keyof typeof options]) {
        combine(rest, value === undefined ? params : { ...params, [key]: value });
      }
    };
    combine(Object.keys(options), {});
    expect(checked).toBe(48);
  });
});
