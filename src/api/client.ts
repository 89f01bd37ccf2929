import type { z } from 'zod/mini';
import { ApiError, NetworkError, SchemaError } from './errors';
import {
  accountListSchema,
  accountResponseSchema,
  helpOptionsSchema,
  helpSentSchema,
  credentialListSchema,
  errorBodySchema,
  institutionListSchema,
  institutionResponseSchema,
  memberListSchema,
  memberResponseSchema,
  memberStatusResponseSchema,
  oauthWindowResponseSchema,
  type AnswerInput,
} from './schemas';

import { fieldPath, MX_MEDIA_TYPE } from '../../sdk/src/contract/mx';
import type { ManualAccountType } from '../../sdk/src/contract/manualAccounts';
import type { HelpTopic } from '../../sdk/src/contract/help';

/** A manual account as MX's create request names its fields; type-dependent ones only when asked. */
export interface ManualAccountInput {
  name: string;
  account_type: ManualAccountType;
  balance: number;
  is_business: boolean;
  interest_rate?: number;
  credit_limit?: number;
  original_balance?: number;
  minimum_payment?: number;
  day_payment_is_due?: number;
}

/** How the bank returns the user after OAuth (MX's oauth_window_uri parameters). */
export interface OauthReturn {
  referralSource: 'BROWSER' | 'APP';
  clientRedirectUrl?: string;
  webviewScheme?: string;
}

export interface HelpRequestInput {
  topic: HelpTopic;
  details: string;
  email?: string;
  member_guid?: string;
  institution_code?: string;
  step?: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

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
}

/**
 * The longest Retry-After the widget honours. A server asking for a day (or for more than a
 * timer can hold, which fires at once) gets a minute, and the user a way out meanwhile.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const date = Number.isFinite(seconds) ? undefined : Date.parse(header);
  const ms = Number.isFinite(seconds)
    ? seconds * 1000
    : date !== undefined && !Number.isNaN(date)
      ? date - Date.now()
      : NaN;
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
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

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<S extends z.ZodMiniType>(
    method: string,
    path: string,
    schema: S | null,
    { query, body, signal }: RequestOptions = {},
  ): Promise<z.infer<S>> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const url = `${baseUrl}${path}${params.size ? `?${params}` : ''}`;
    const endpoint = `${method} ${path.replace(/\/(USR|MBR)-[^/]+/g, '/$1-…')}`;
    const timer = withTimeout(signal, timeoutMs);
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
        const parsed = errorBodySchema.safeParse(JSON.parse(text));
        if (parsed.success) {
          message = parsed.data.error.message;
          details = {
            ...details,
            existingMemberGuid: parsed.data.error.existing_member_guid,
            field: parsed.data.error.field,
          };
        }
      } catch {
        // a proxy's HTML error page is still an ApiError with the right status
      }
      throw new ApiError(response.status, message, details);
    }
    if (schema === null) return undefined as z.infer<S>;
    if (response.status === 204 || text === '') throw new SchemaError(endpoint, 'body', 'is empty');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SchemaError(endpoint, 'body', 'is not valid JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SchemaError(endpoint, issue ? fieldPath(issue.path) : 'body', issue?.message ?? 'has the wrong shape');
    }
    return parsed.data;
  }

  const user = (userGuid: string) => `/users/${encodeURIComponent(userGuid)}`;
  const members = (userGuid: string) => `${user(userGuid)}/members`;
  const member = (userGuid: string, memberGuid: string) => `${members(userGuid)}/${encodeURIComponent(memberGuid)}`;

  return {
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
    favoriteInstitutions: (
      args: { page?: number; perPage?: number; verification?: boolean } = {},
      signal?: AbortSignal,
    ) =>
      request('GET', '/institutions/favorites', institutionListSchema, {
        query: {
          page: args.page,
          records_per_page: args.perPage,
          supports_account_verification: args.verification || undefined,
        },
        signal,
      }),
    getInstitution: async (code: string, signal?: AbortSignal) =>
      (await request('GET', `/institutions/${encodeURIComponent(code)}`, institutionResponseSchema, { signal }))
        .institution,
    getCredentials: async (code: string, signal?: AbortSignal) =>
      (
        await request('GET', `/institutions/${encodeURIComponent(code)}/credentials`, credentialListSchema, {
          query: { records_per_page: 100 },
          signal,
        })
      ).credentials,
    createMember: async (
      userGuid: string,
      input: {
        institutionCode: string;
        credentials?: AnswerInput[];
        isOauth?: boolean;
        referralSource?: string;
        clientRedirectUrl?: string;
        webviewScheme?: string;
      },
    ) =>
      (
        await request('POST', members(userGuid), memberResponseSchema, {
          body: {
            member: {
              institution_code: input.institutionCode,
              credentials: input.credentials ?? [],
              ...(input.isOauth ? { is_oauth: true } : {}),
            },
            ...(input.referralSource ? { referral_source: input.referralSource } : {}),
            ...(input.clientRedirectUrl ? { client_redirect_url: input.clientRedirectUrl } : {}),
            ...(input.webviewScheme ? { ui_message_webview_url_scheme: input.webviewScheme } : {}),
          },
        })
      ).member,
    /** the user's members (first page, up to 100: the widget only looks for one it just made) */
    listMembers: async (userGuid: string, signal?: AbortSignal) =>
      (await request('GET', members(userGuid), memberListSchema, { query: { records_per_page: 100 }, signal })).members,
    getMember: async (userGuid: string, memberGuid: string, signal?: AbortSignal) =>
      (await request('GET', member(userGuid, memberGuid), memberResponseSchema, { signal })).member,
    updateMember: async (userGuid: string, memberGuid: string, credentials: AnswerInput[]) =>
      (await request('PUT', member(userGuid, memberGuid), memberResponseSchema, { body: { member: { credentials } } }))
        .member,
    deleteMember: (userGuid: string, memberGuid: string) => request('DELETE', member(userGuid, memberGuid), null),
    aggregateMember: async (userGuid: string, memberGuid: string) =>
      (await request('POST', `${member(userGuid, memberGuid)}/aggregate`, memberResponseSchema)).member,
    getMemberStatus: async (userGuid: string, memberGuid: string, signal?: AbortSignal) =>
      (await request('GET', `${member(userGuid, memberGuid)}/status`, memberStatusResponseSchema, { signal })).member,
    resumeMember: async (userGuid: string, memberGuid: string, challenges: AnswerInput[]) =>
      (
        await request('PUT', `${member(userGuid, memberGuid)}/resume`, memberResponseSchema, {
          body: { member: { challenges } },
        })
      ).member,
    /** APP: the bank sends the user back to the app (client_redirect_url, else `<scheme>://oauth_complete`) */
    getOAuthWindowUri: async (
      userGuid: string,
      memberGuid: string,
      app: OauthReturn = { referralSource: 'BROWSER' },
      signal?: AbortSignal,
    ) =>
      (
        await request('GET', `${member(userGuid, memberGuid)}/oauth_window_uri`, oauthWindowResponseSchema, {
          query: {
            referral_source: app.referralSource,
            client_redirect_url: app.clientRedirectUrl,
            ui_message_webview_url_scheme: app.webviewScheme,
          },
          signal,
        })
      ).member.oauth_window_uri,
    listAccounts: async (userGuid: string, memberGuid: string, signal?: AbortSignal) =>
      (await request('GET', `${member(userGuid, memberGuid)}/accounts`, accountListSchema, { signal })).accounts,
    /** MX's "create manual account": it lands under the user's manual member */
    createManualAccount: async (userGuid: string, account: ManualAccountInput) =>
      (await request('POST', `${user(userGuid)}/accounts`, accountResponseSchema, { body: { account } })).account,
    /** whether "Get help" can be offered, and whether it must ask for an email */
    getHelpOptions: async (userGuid: string, signal?: AbortSignal) =>
      (await request('GET', `${user(userGuid)}/help`, helpOptionsSchema, { signal })).help,
    sendHelpRequest: async (userGuid: string, helpRequest: HelpRequestInput) =>
      request('POST', `${user(userGuid)}/help`, helpSentSchema, { body: { help_request: helpRequest } }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
