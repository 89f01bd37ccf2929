import * as v from 'valibot';
import { emailAddress, object } from './validation';
import { HELP_TOPICS, MAX_HELP_DETAILS, type HelpTopic } from '../sdk/src/contract/help';

/**
 * "Get help" requests: what the widget may send, checked the same way by the server (before a
 * webhook sees it) and by the mock (which keeps them in mock mode). Everything is bounded; the
 * text is the user's own words, so it is forwarded but never logged.
 */

/** One address, no display name, no spaces: enough to reply to, not a full RFC 5322 parser. */

const code = v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,128}$/)));

export const helpRequestBodySchema = object({
  help_request: object({
    email: v.optional(emailAddress),
    topic: v.picklist(HELP_TOPICS),
    details: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_HELP_DETAILS)),
    member_guid: code,
    institution_code: code,
    /** the screen the user asked from */
    step: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]{1,40}$/))),
  }),
});
export type HelpRequestBody = v.InferOutput<typeof helpRequestBodySchema>['help_request'];

/** What a help desk receives (webhook body; the mock's control API lists the same). */
export interface HelpRequestRecord {
  guid: string;
  user_guid: string;
  email: string;
  topic: HelpTopic;
  details: string;
  member_guid: string | null;
  institution_code: string | null;
  step: string | null;
  received_at: string;
}

export function helpRecord(
  guid: string,
  userGuid: string,
  email: string,
  body: HelpRequestBody,
  now: number,
): HelpRequestRecord {
  return {
    guid,
    user_guid: userGuid,
    email,
    topic: body.topic,
    details: body.details,
    member_guid: body.member_guid ?? null,
    institution_code: body.institution_code ?? null,
    step: body.step ?? null,
    received_at: new Date(now).toISOString(),
  };
}

/** The sandbox's way to see a help desk that does not answer (README "The mock backend"). */
export const HELP_FAILS_SANDBOX_TEXT = 'help_fails';

/**
 * Where the server sends help requests: the operator's webhook, the mock (mock mode without a
 * webhook), or nowhere (the widget then hides "Get help").
 */
export type HelpDesk =
  { kind: 'webhook'; url: string; timeoutMs: number; fetch?: typeof fetch } | { kind: 'upstream' } | { kind: 'none' };
