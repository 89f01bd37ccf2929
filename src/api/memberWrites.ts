import { memberPath, userPath, type ApiClient } from './client';
import { jsonObject, memberResponseSchema, nullableString, type AnswerInput } from './schemas';

/**
 * What changes a member: create, update credentials, answer MFA, aggregate, delete, the OAuth
 * window. Only the steps that do so import this module, so it loads with the first of them and
 * the first bundle keeps the reads it starts with (api/client.ts).
 */
export const oauthWindowResponseSchema = jsonObject({
  // null is allowed: the OAuth step shows its error screen for a member without a usable URL
  member: jsonObject({ guid: nullableString, oauth_window_uri: nullableString }),
});

/** How the bank returns the user after OAuth (MX's oauth_window_uri parameters). */
export interface OauthReturn {
  referralSource: 'BROWSER' | 'APP';
  clientRedirectUrl?: string;
  webviewScheme?: string;
}

export interface NewMember {
  institutionCode: string;
  credentials?: AnswerInput[];
  isOauth?: boolean;
  referralSource?: string;
  clientRedirectUrl?: string;
  webviewScheme?: string;
}

export const memberWrites = (api: ApiClient) => ({
  create: async (userGuid: string, input: NewMember) =>
    (
      await api.request('POST', `${userPath(userGuid)}/members`, memberResponseSchema, {
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
  update: async (userGuid: string, memberGuid: string, credentials: AnswerInput[]) =>
    (
      await api.request('PUT', memberPath(userGuid, memberGuid), memberResponseSchema, {
        body: { member: { credentials } },
      })
    ).member,
  remove: (userGuid: string, memberGuid: string) => api.request('DELETE', memberPath(userGuid, memberGuid), null),
  aggregate: async (userGuid: string, memberGuid: string) =>
    (await api.request('POST', `${memberPath(userGuid, memberGuid)}/aggregate`, memberResponseSchema)).member,
  resume: async (userGuid: string, memberGuid: string, challenges: AnswerInput[]) =>
    (
      await api.request('PUT', `${memberPath(userGuid, memberGuid)}/resume`, memberResponseSchema, {
        body: { member: { challenges } },
      })
    ).member,
  /** APP: the bank sends the user back to the app (client_redirect_url, else `<scheme>://oauth_complete`) */
  oauthWindowUri: async (
    userGuid: string,
    memberGuid: string,
    app: OauthReturn = { referralSource: 'BROWSER' },
    signal?: AbortSignal,
  ) =>
    (
      await api.request('GET', `${memberPath(userGuid, memberGuid)}/oauth_window_uri`, oauthWindowResponseSchema, {
        query: {
          referral_source: app.referralSource,
          client_redirect_url: app.clientRedirectUrl,
          ui_message_webview_url_scheme: app.webviewScheme,
        },
        signal,
      })
    ).member.oauth_window_uri,
});
