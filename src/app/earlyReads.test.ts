import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/client';
import { SEARCH_PAGE_SIZE } from '../api/paths';
import { firstReadUrls, startEarlyReads, withEarlyReads } from './earlyReads';

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

  it('still time out as the client’s own reads do', async () => {
    vi.stubGlobal('fetch', () => new Promise<Response>(() => undefined));
    startEarlyReads('?user_guid=USR-8', 'secret');
    const api = createApiClient({ fetch: withEarlyReads(() => Promise.reject(new Error('unused'))), timeoutMs: 20 });
    await expect(api.listMembers('USR-8')).rejects.toThrow(/timed out/);
  });
});
