import { queryOptions, skipToken } from '@tanstack/react-query';
import * as v from 'valibot';
import type { Timing } from '../../config/timing';
import { ROUTING_CHECKS, type RoutingCheck } from '../../../sdk/src/contract/microdeposits';
import { userPath, type ApiClient } from '../../api/client';
import { polledRead } from '../../api/queries';
import { queryKeys } from '../../api/queryKeys';
import { jsonObject, nonEmpty, nullableString, nullishThen } from '../../api/schemas';

/**
 * Microdeposits (MX's `/users/{guid}/micro_deposits`, `PUT /micro_deposits/{guid}/verify`) and the
 * server's routing-number check. Only the microdeposit screens import this module, so it loads
 * with them and not in the first bundle.
 */
export const microdepositSchema = jsonObject({
  guid: nonEmpty,
  /** kept a plain string: an unknown status gets the table's fallback screen, not a parse error */
  status: nullableString,
  /**
   * The last four digits only. MX sends the number whole; the widget keeps no more than it shows,
   * so the rest is dropped here, at the boundary, before anything caches it.
   */
  account_number: nullishThen(v.string(), (n) => (n ? n.replace(/\D/g, '').slice(-4) : null)),
  account_type: nullableString,
  routing_number: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  email: nullableString,
  institution_name: nullableString,
  updated_at: nullableString,
});
export type Microdeposit = v.InferOutput<typeof microdepositSchema>;
/**
 * MX's spec (MicrodepositResponseBody) sends the microdeposit as a one-element array under
 * `micro_deposit`; the mock and MX's docs send the object. Either is read as the object; an
 * empty or longer array is a SchemaError (not an object), never a guess at which one is meant.
 * (Unwrapped before the schema rather than a union with a tuple: the valibot functions a lazy
 * chunk uses land in the first bundle with the rest of the library, and these are there already.)
 */
const microdepositResponseSchema = jsonObject({
  micro_deposit: v.pipe(
    v.unknown(),
    v.transform((value) => (Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value)),
    microdepositSchema,
  ),
});

const isRoutingCheck = (value: unknown): value is RoutingCheck => ROUTING_CHECKS.some((c) => c === value);
const routingCheckSchema = jsonObject({
  routing_number: jsonObject({
    routing_number: nonEmpty,
    // an answer this widget does not know is treated as INVALID: never send deposits on a guess
    check: nullishThen(v.string(), (c): RoutingCheck => (isRoutingCheck(c) ? c : 'INVALID')),
    institution_codes: v.optional(v.array(v.string())),
  }),
});
export type RoutingNumberCheck = v.InferOutput<typeof routingCheckSchema>['routing_number'];

/** What the user typed, in MX's field names; sent once, in the create request's body only. */
export interface MicrodepositInput {
  routing_number: string;
  account_number: string;
  account_type: 'CHECKING' | 'SAVINGS';
  first_name: string;
  last_name: string;
  email: string;
}

const path = (userGuid: string, guid?: string) =>
  `${userPath(userGuid)}/micro_deposits${guid ? `/${encodeURIComponent(guid)}` : ''}`;

export const microdepositCalls = (api: ApiClient) => ({
  create: async (userGuid: string, input: MicrodepositInput) =>
    (await api.request('POST', path(userGuid), microdepositResponseSchema, { body: { micro_deposit: input } }))
      .micro_deposit,
  get: async (userGuid: string, guid: string, signal?: AbortSignal) =>
    (await api.request('GET', path(userGuid, guid), microdepositResponseSchema, { signal })).micro_deposit,
  remove: (userGuid: string, guid: string) => api.request('DELETE', path(userGuid, guid), null),
  verify: async (guid: string, amounts: [number, number]) =>
    (
      await api.request('PUT', `/micro_deposits/${encodeURIComponent(guid)}/verify`, microdepositResponseSchema, {
        body: { micro_deposit: { deposit_amount_1: amounts[0], deposit_amount_2: amounts[1] } },
      })
    ).micro_deposit,
  checkRoutingNumber: async (routingNumber: string, signal?: AbortSignal) =>
    (
      await api.request(
        'GET',
        `/micro_deposits/routing_numbers/${encodeURIComponent(routingNumber)}`,
        routingCheckSchema,
        { signal },
      )
    ).routing_number,
});

/**
 * A microdeposit's query, polled like a member's status (same retries and Retry-After floor):
 * every observer passes these same options, for the reason memberStatusOptions gives.
 */
export const microdepositOptions = (api: ApiClient, userGuid: string, guid: string | null, timing: Timing) =>
  queryOptions({
    queryKey: queryKeys.microdeposit(userGuid, guid ?? ''),
    queryFn: guid === null ? skipToken : ({ signal }) => microdepositCalls(api).get(userGuid, guid, signal),
    ...polledRead(timing),
  });
