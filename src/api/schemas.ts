import { z } from 'zod';

/**
 * Schemas for every object of the MX-shaped API (shared/api.md). Types are inferred from them;
 * nothing here is hand-typed twice. Optional MX fields are `.nullish()` so a partner's proxy may
 * omit them, and extra fields are ignored.
 */
const nullableString = z.string().nullish();

export const paginationSchema = z.object({
  current_page: z.number().int(),
  per_page: z.number().int(),
  total_entries: z.number().int(),
  total_pages: z.number().int(),
});

export const institutionSchema = z.object({
  code: z.string().min(1),
  guid: nullableString,
  name: z.string(),
  url: nullableString,
  small_logo_url: nullableString,
  medium_logo_url: nullableString,
  supports_oauth: z
    .boolean()
    .nullish()
    .transform((v) => v === true),
  /** non-MX extension: false for OAuth-only institutions; absent means credentials work */
  supports_credentials: z.boolean().nullish(),
  forgot_password_url: nullableString,
  forgot_username_url: nullableString,
  trouble_signing_in_url: nullableString,
  instructional_text: nullableString,
  iso_country_code: nullableString,
  supports_account_identification: z.boolean().nullish(),
  supports_account_verification: z.boolean().nullish(),
  supports_transaction_history: z.boolean().nullish(),
  is_popular: z.boolean().nullish(),
});
export type Institution = z.infer<typeof institutionSchema>;

const optionSchema = z.object({ guid: z.string(), label: z.string(), value: z.string() });

export const credentialSchema = z.object({
  guid: z.string().min(1),
  field_name: nullableString,
  label: z.string(),
  type: z.enum(['LOGIN', 'PASSWORD', 'TEXT', 'OPTIONS']),
  display_order: z.number().nullish(),
  field_type: nullableString,
  options: z.array(optionSchema).nullish(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const challengeSchema = z.object({
  guid: z.string().min(1),
  field_name: nullableString,
  label: z.string(),
  type: z.enum(['TEXT', 'OPTIONS', 'TOKEN', 'IMAGE_DATA', 'IMAGE_OPTIONS']),
  options: z.array(optionSchema).nullish(),
  image_data: nullableString,
  image_options: z.array(optionSchema.extend({ data_uri: z.string() })).nullish(),
});
export type Challenge = z.infer<typeof challengeSchema>;

/** A status name we do not know is kept as a string: the widget shows a generic screen for it. */
const connectionStatus = z.string().nullable();

export const memberSchema = z.object({
  guid: z.string().min(1),
  connection_status: connectionStatus,
  institution_code: z.string(),
  is_being_aggregated: z.boolean().nullish(),
  is_oauth: z.boolean().nullish(),
  is_manual: z.boolean().nullish(),
  name: nullableString,
  oauth_window_uri: nullableString,
  aggregated_at: nullableString,
  successfully_aggregated_at: nullableString,
  user_guid: nullableString,
  needs_updated_credentials: z.boolean().nullish(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberStatusSchema = z.object({
  guid: z.string().min(1),
  connection_status: connectionStatus,
  is_authenticated: z.boolean().nullish(),
  is_being_aggregated: z
    .boolean()
    .nullish()
    .transform((v) => v === true),
  aggregated_at: nullableString,
  successfully_aggregated_at: nullableString,
  has_processed_accounts: z.boolean().nullish(),
  has_processed_transactions: z.boolean().nullish(),
  challenges: z.array(challengeSchema).nullish(),
});
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const accountSchema = z.object({
  guid: z.string(),
  member_guid: nullableString,
  name: z.string(),
  type: nullableString,
  subtype: nullableString,
  balance: z.number().nullish(),
  available_balance: z.number().nullish(),
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
  pagination: paginationSchema.nullish(),
});
export const memberResponseSchema = z.object({ member: memberSchema });
export const memberStatusResponseSchema = z.object({ member: memberStatusSchema });
export const oauthWindowResponseSchema = z.object({
  member: z.object({ guid: z.string(), oauth_window_uri: z.string().url() }),
});
export const accountListSchema = z.object({ accounts: z.array(accountSchema), pagination: paginationSchema.nullish() });
export const challengeListSchema = z.object({ challenges: z.array(challengeSchema) });

export const errorBodySchema = z.object({
  error: z.object({
    message: z.string(),
    status: z.number().optional(),
    existing_member_guid: z.string().optional(),
    field: z.string().optional(),
  }),
});

export type InstitutionPage = z.infer<typeof institutionListSchema>;
export type AnswerInput = { guid: string; value: string };
