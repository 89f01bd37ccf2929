import { queryOptions, useQuery } from '@tanstack/react-query';
import * as v from 'valibot';
import { useConfig } from '../../config/ConfigProvider';
import type { HelpTopic } from '../../../sdk/src/contract/help';
import { useApi } from '../../api/ApiProvider';
import { userPath, type ApiClient } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { flag, jsonObject, nullableString } from '../../api/schemas';

/**
 * "Get help" (our server's `/api/users/{guid}/help`, not MX's). It lives in the help feature, so it
 * loads with the help screens and not in the first bundle.
 */
const helpOptionsSchema = jsonObject({
  help: jsonObject({ available: flag, email_on_file: flag }),
});
export type HelpOptions = v.InferOutput<typeof helpOptionsSchema>['help'];
const helpSentSchema = jsonObject({ help_request: jsonObject({ guid: nullableString }) });

export interface HelpRequestInput {
  topic: HelpTopic;
  details: string;
  email?: string;
  member_guid?: string;
  institution_code?: string;
  step?: string;
}

const path = (userGuid: string) => `${userPath(userGuid)}/help`;

export const helpCalls = (api: ApiClient) => ({
  /** whether "Get help" can be offered, and whether it must ask for an email */
  options: async (userGuid: string, signal?: AbortSignal) =>
    (await api.request('GET', path(userGuid), helpOptionsSchema, { signal })).help,
  send: (userGuid: string, helpRequest: HelpRequestInput) =>
    api.request('POST', path(userGuid), helpSentSchema, { body: { help_request: helpRequest } }),
});

/** Whether "Get help" can be offered here, and whether it must ask for an email. */
export const helpOptions = (api: ApiClient, userGuid: string) =>
  queryOptions({
    queryKey: queryKeys.help(userGuid),
    queryFn: ({ signal }) => helpCalls(api).options(userGuid, signal),
    staleTime: Infinity,
    retry: false,
  });

export function useHelpOptions() {
  return useQuery(helpOptions(useApi(), useConfig().user_guid));
}
