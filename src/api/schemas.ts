import { z } from 'zod/mini';

/**
 * (zod/mini keeps the widget's initial bundle small: same schemas, functional API.)
 *
 * Schemas for every object of the MX-shaped API (shared/api.md). Types are inferred from them;
 * nothing here is hand-typed twice. Optional MX fields are `.nullish()` so a partner's proxy may
 * omit them, and extra fields are ignored.
 */
const nullableString = z.nullish(z.string());
const nullableBoolean = z.nullish(z.boolean());
const nullableNumber = z.nullish(z.number());
const nonEmpty = z.string().check(z.minLength(1));
/** a missing or null boolean counts as false */
const flag = z.pipe(
  nullableBoolean,
  z.transform((v) => v === true),
);

export const paginationSchema = z.object({
  current_page: z.int(),
  per_page: z.int(),
  total_entries: z.int(),
  total_pages: z.int(),
});

export const institutionSchema = z.object({
  code: nonEmpty,
  guid: nullableString,
  name: z.string(),
  url: nullableString,
  small_logo_url: nullableString,
  medium_logo_url: nullableString,
  supports_oauth: flag,
  /** non-MX extension: false for OAuth-only institutions; absent means credentials work */
  supports_credentials: nullableBoolean,
  forgot_password_url: nullableString,
  forgot_username_url: nullableString,
  trouble_signing_in_url: nullableString,
  instructional_text: nullableString,
  iso_country_code: nullableString,
  supports_account_identification: nullableBoolean,
  supports_account_verification: nullableBoolean,
  supports_transaction_history: nullableBoolean,
  is_popular: nullableBoolean,
});
export type Institution = z.infer<typeof institutionSchema>;

const optionSchema = z.object({ guid: z.string(), label: z.string(), value: z.string() });

export const credentialSchema = z.object({
  guid: nonEmpty,
  field_name: nullableString,
  label: z.string(),
  type: z.enum(['LOGIN', 'PASSWORD', 'TEXT', 'OPTIONS']),
  display_order: nullableNumber,
  field_type: nullableString,
  options: z.nullish(z.array(optionSchema)),
});
export type Credential = z.infer<typeof credentialSchema>;

export const challengeSchema = z.object({
  guid: nonEmpty,
  field_name: nullableString,
  label: z.string(),
  type: z.enum(['TEXT', 'OPTIONS', 'TOKEN', 'IMAGE_DATA', 'IMAGE_OPTIONS']),
  options: z.nullish(z.array(optionSchema)),
  image_data: nullableString,
  image_options: z.nullish(z.array(z.extend(optionSchema, { data_uri: z.string() }))),
});
export type Challenge = z.infer<typeof challengeSchema>;

/** A status name we do not know is kept as a string: the widget shows a generic screen for it. */
const connectionStatus = z.nullable(z.string());

export const memberSchema = z.object({
  guid: nonEmpty,
  connection_status: connectionStatus,
  institution_code: z.string(),
  is_being_aggregated: nullableBoolean,
  is_oauth: nullableBoolean,
  is_manual: nullableBoolean,
  name: nullableString,
  oauth_window_uri: nullableString,
  aggregated_at: nullableString,
  successfully_aggregated_at: nullableString,
  user_guid: nullableString,
  needs_updated_credentials: nullableBoolean,
});
export type Member = z.infer<typeof memberSchema>;

export const memberStatusSchema = z.object({
  guid: nonEmpty,
  connection_status: connectionStatus,
  is_authenticated: nullableBoolean,
  is_being_aggregated: flag,
  aggregated_at: nullableString,
  successfully_aggregated_at: nullableString,
  has_processed_accounts: nullableBoolean,
  has_processed_transactions: nullableBoolean,
  challenges: z.nullish(z.array(challengeSchema)),
});
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const accountSchema = z.object({
  guid: z.string(),
  member_guid: nullableString,
  name: z.string(),
  type: nullableString,
  subtype: nullableString,
  balance: nullableNumber,
  available_balance: nullableNumber,
  currency_code: nullableString,
  account_number: nullableString,
});
export type Account = z.infer<typeof accountSchema>;

export const institutionListSchema = z.object({
  institutions: z.array(institutionSchema),
  pagination: paginationSchema,
});
export const institutionResponseSchema = z.object({ institution: institutionSchema });
export const credentialListSchema = z.object({
  credentials: z.array(credentialSchema),
  pagination: z.nullish(paginationSchema),
});
export const memberResponseSchema = z.object({ member: memberSchema });
export const memberListSchema = z.object({
  members: z.array(memberSchema),
  pagination: z.nullish(paginationSchema),
});
export const memberStatusResponseSchema = z.object({ member: memberStatusSchema });
export const oauthWindowResponseSchema = z.object({
  member: z.object({ guid: z.string(), oauth_window_uri: z.url() }),
});
export const accountListSchema = z.object({
  accounts: z.array(accountSchema),
  pagination: z.nullish(paginationSchema),
});
export const challengeListSchema = z.object({ challenges: z.array(challengeSchema) });

export const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    status: z.optional(z.number()),
    existing_member_guid: z.optional(z.string()),
    field: z.optional(z.string()),
  }),
});

export type InstitutionPage = z.infer<typeof institutionListSchema>;
export type AnswerInput = { guid: string; value: string };
