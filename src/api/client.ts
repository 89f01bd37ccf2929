import * as v from 'valibot';
import { ApiError, NetworkError, retryAfterMs, SchemaError } from './errors';
import {
  accountListSchema,
  issueKeys,
  capabilitiesResponseSchema,
  credentialListSchema,
  errorBodySchema,
  institutionListSchema,
  institutionResponseSchema,
  memberListSchema,
  memberResponseSchema,
  memberStatusResponseSchema,
} from './schemas';

import { fieldPath, MX_MEDIA_TYPE } from '../../sdk/src/contract/mx';
import {
  FAVORITES_PATH,
  institutionPath,
  MEMBERS_PER_PAGE,
  MEMBERS_TIMEOUT_MS,
  memberPath,
  membersPath,
  userPath,
} from './paths';

const DEFAULT_TIMEOUT_MS = 15_000;
export { MEMBERS_TIMEOUT_MS };

export interface ApiClientOptions {
  baseUrl?: string;
  /** the widget session's token, sent on every call (held in memory only) */
  sessionToken?: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /** this call's own limit (ms), below the client's: a read the widget can start without */
  timeoutMs?: number;
}

function withTimeout(
  signal: AbortSignal | undefined,
  ms: number,
): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

export { userPath, memberPath };

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<S extends v.GenericSchema>(
    method: string,
    path: string,
    schema: S | null,
    { query, body, signal, timeoutMs: callTimeoutMs }: RequestOptions = {},
  ): Promise<v.InferOutput<S>> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const url = `${baseUrl}${path}${params.size ? `?${params}` : ''}`;
    const endpoint = `${method} ${path.replace(/\/(USR|MBR)-[^/]+/g, '/$1-…')}`;
    const timer = withTimeout(signal, Math.min(callTimeoutMs ?? timeoutMs, timeoutMs));
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          accept: MX_MEDIA_TYPE,
          ...(options.sessionToken ? { authorization: `Bearer ${options.sessionToken}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timer.signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new NetworkError(
        timer.timedOut() ? `${endpoint} timed out` : `${endpoint} could not reach the server`,
        timer.timedOut(),
      );
    } finally {
      timer.done();
    }

    const text = await response.text().catch(() => '');
    if (!response.ok) {
      let message = `${endpoint} failed with HTTP ${response.status}`;
      let details: ApiError['details'] = { retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
      try {
        const parsed = v.safeParse(errorBodySchema, JSON.parse(text));
        if (parsed.success) {
          message = parsed.output.error.message;
          details = {
            ...details,
            existingMemberGuid: parsed.output.error.existing_member_guid,
            field: parsed.output.error.field,
          };
        }
      } catch {
        // a proxy's HTML error page is still an ApiError with the right status
      }
      throw new ApiError(response.status, message, details);
    }
    if (schema === null) return undefined as v.InferOutput<S>;
    if (response.status === 204 || text === '') throw new SchemaError(endpoint, 'body', 'is empty');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SchemaError(endpoint, 'body', 'is not valid JSON');
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) {
      const [issue] = parsed.issues;
      throw new SchemaError(endpoint, fieldPath(issueKeys(issue)), issue.message);
    }
    return parsed.output;
  }

  return {
    /**
     * One call by hand, for endpoint modules that load with their feature (e.g.
     * features/microdeposits/microdepositsApi.ts):
     * same headers, timeout, error mapping and schema check as every method here.
     */
    request,
    searchInstitutions: (
      args: {
        name: string;
        /** a valid ABA routing number: search by it instead of by name (not an MX parameter: our server's) */
        routingNumber?: string;
        page?: number;
        perPage?: number;
        supportsOauth?: boolean;
        verification?: boolean;
      },
      signal?: AbortSignal,
    ) =>
      request('GET', '/institutions', institutionListSchema, {
        query: {
          ...(args.routingNumber ? { routing_number: args.routingNumber } : { name: args.name }),
          page: args.page,
          records_per_page: args.perPage,
          supports_oauth: args.supportsOauth,
          supports_account_verification: args.verification || undefined,
        },
        signal,
      }),
    /** MX's favorites take no supports_* filter: a caller filters the list by each institution's own flags */
    favoriteInstitutions: (args: { page?: number; perPage?: number } = {}, signal?: AbortSignal) =>
      request('GET', FAVORITES_PATH, institutionListSchema, {
        query: { page: args.page, records_per_page: args.perPage },
        signal,
      }),
    getInstitution: async (code: string, signal?: AbortSignal) =>
      (await request('GET', institutionPath(code), institutionResponseSchema, { signal })).institution,
    getCredentials: async (code: string, signal?: AbortSignal) =>
      (
        await request('GET', `/institutions/${encodeURIComponent(code)}/credentials`, credentialListSchema, {
          query: { records_per_page: 100 },
          signal,
        })
      ).credentials,
    /**
     * the user's members (first page, up to 100: the widget only looks for one it just made), within
     * MEMBERS_TIMEOUT_MS: the widget starts without them (at search), so a hanging upstream must not
     * hold the first screen for the server's whole upstream timeout
     */
    listMembers: async (userGuid: string, signal?: AbortSignal) =>
      (
        await request('GET', membersPath(userGuid), memberListSchema, {
          query: { records_per_page: MEMBERS_PER_PAGE },
          signal,
          timeoutMs: MEMBERS_TIMEOUT_MS,
        })
      ).members,
    getMember: async (userGuid: string, memberGuid: string, signal?: AbortSignal) =>
      (await request('GET', memberPath(userGuid, memberGuid), memberResponseSchema, { signal })).member,
    getMemberStatus: async (userGuid: string, memberGuid: string, signal?: AbortSignal) =>
      (await request('GET', `${memberPath(userGuid, memberGuid)}/status`, memberStatusResponseSchema, { signal }))
        .member,
    /** which institution searches the server's upstream can do (answered by our server, not MX) */
    getCapabilities: async (signal?: AbortSignal) =>
      (await request('GET', '/capabilities', capabilitiesResponseSchema, { signal })).capabilities,
    listAccounts: async (userGuid: string, memberGuid: string, signal?: AbortSignal) =>
      (await request('GET', `${memberPath(userGuid, memberGuid)}/accounts`, accountListSchema, { signal })).accounts,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
