import { z } from 'zod';
import { HELP_TOPICS, MAX_EMAIL, MAX_HELP_DETAILS, type HelpTopic } from '../sdk/src/contract/help';
import { EMAIL_PATTERN } from '../sdk/src/contract/email';

/**
 * "Get help" requests: what the widget may send, checked the same way by the server (before a
 * webhook sees it) and by the mock (which keeps them in mock mode). Everything is bounded; the
 * text is the user's own words, so it is forwarded but never logged.
 */

/** One address, no display name, no spaces: enough to reply to, not a full RFC 5322 parser. */

export const helpRequestBodySchema = z.object({
  help_request: z.object({
    email: z.string().trim().max(MAX_EMAIL).regex(EMAIL_PATTERN, 'must be an email address').optional(),
    topic: z.enum(HELP_TOPICS),
    details: z.string().trim().min(1, 'must not be empty').max(MAX_HELP_DETAILS),
    member_guid: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/)
      .optional(),
    institution_code: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/)
      .optional(),
    /** the screen the user asked from */
    step: z
      .string()
      .regex(/^[A-Za-z]{1,40}$/)
      .optional(),
  }),
});
export type HelpRequestBody = z.infer<typeof helpRequestBodySchema>['help_request'];

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
