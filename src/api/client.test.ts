import { beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../test/mockServer';
import { createApiClient } from './client';
import { ApiError, MAX_RETRY_AFTER_MS, MIN_RETRY_AFTER_MS, NetworkError, retryAfterMs, SchemaError } from './errors';

let server: MockServer;
beforeEach(() => {
  server = startMockServer();
});

const faults = (rules: unknown[]) => server.request('POST', '/mock/faults', { rules });

describe('API client', () => {
  it('reads and validates institutions from the mock backend', async () => {
    const api = createApiClient({ fetch: server.fetch });
    const page = await api.searchInstitutions({ name: 'MX Bank', perPage: 2 });
    expect(page.institutions[0]?.name).toBe('MX Bank');
    expect(page.pagination.per_page).toBe(2);
  });

  it('sends the MX Accept header to the configured base URL', async () => {
    const seen: { url: string; accept: string | null }[] = [];
    const api = createApiClient({
      baseUrl: '/api/',
      fetch: (input, init) => {
        seen.push({ url: String(input), accept: new Headers(init?.headers).get('accept') });
        return server.fetch(input, init);
      },
    });
    await api.getInstitution('mxbank');
    expect(seen).toEqual([{ url: '/api/institutions/mxbank', accept: 'application/vnd.mx.api.v1+json' }]);
  });

  it('a body that violates the schema is a SchemaError naming the field', async () => {
    await faults([
      { route: '/institutions/mxbank', kind: 'malformed', body: '{"institution": {"code": 5, "name": "X"}}' },
    ]);
    const api = createApiClient({ fetch: server.fetch });
    const error = await api.getInstitution('mxbank').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).field).toBe('institution.code');
  });

  it('a body that is not JSON at all is a SchemaError on "body"', async () => {
    await faults([{ route: '/institutions/favorites', kind: 'malformed' }]);
    const api = createApiClient({ fetch: server.fetch });
    const error = await api.favoriteInstitutions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).field).toBe('body');
  });

  it('a non-JSON error body still becomes an ApiError with the HTTP status', async () => {
    await faults([{ route: '/institutions/mxbank', kind: 'status', status: 502, body: '<html>Bad gateway</html>' }]);
    const api = createApiClient({ fetch: server.fetch });
    const error = await api.getInstitution('mxbank').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
  });

  it('an error body’s message, and Retry-After, reach the ApiError', async () => {
    await faults([{ route: '/institutions/mxbank', kind: 'status', status: 429, retry_after_s: 2 }]);
    const api = createApiClient({ fetch: server.fetch });
    const error = (await api.getInstitution('mxbank').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.message).toBe('Injected fault.');
    expect(error.details.retryAfterMs).toBe(2000);
    const missing = (await api.getInstitution('nope').catch((e: unknown) => e)) as ApiError;
    expect(missing.message).toBe('Institution not found: nope');
  });

  it('a request that never answers becomes a NetworkError marked as a timeout', async () => {
    await faults([{ route: '/institutions/mxbank', kind: 'timeout', delay_ms: 500 }]);
    const api = createApiClient({ fetch: server.fetch, timeoutMs: 50 });
    const error = (await api.getInstitution('mxbank').catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.timedOut).toBe(true);
  });

  it('a fetch that fails outright becomes a NetworkError', async () => {
    const api = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(api.getInstitution('mxbank')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('Retry-After', () => {
  it.each([
    ['2', 2_000],
    ['86400', MAX_RETRY_AFTER_MS],
    ['3000000', MAX_RETRY_AFTER_MS],
    ['0', MIN_RETRY_AFTER_MS],
    ['-5', MIN_RETRY_AFTER_MS],
    ['Wed, 21 Oct 2015 07:28:00 GMT', MIN_RETRY_AFTER_MS],
    ['soon', undefined],
  ])('%s → %s ms', (header, expected) => {
    expect(retryAfterMs(header)).toBe(expected);
  });
});
