import * as v from 'valibot';

/**
 * (valibot keeps the widget's initial bundle small: only the functions used here are bundled.)
 *
 * Schemas for every object of the MX-shaped API (docs/api.md). Types are inferred from them;
 * nothing here is hand-typed twice.
 *
 * A tolerant reader of MX's published OpenAPI (fixtures in api/fixtures/mx-openapi.json): nearly
 * every MX field may be null, so fields are `.nullish()` and extra fields are ignored; an item of a
 * list the widget cannot use (no guid, no label, an MFA option without a value) is left out rather
 * than failing the whole list; a single object the widget cannot use is a SchemaError naming the
 * field, which the step shows as an error.
 */
const isJsonObject = (input: unknown) => typeof input === 'object' && input !== null && !Array.isArray(input);
/**
 * A JSON object with these fields (others are dropped). An array is refused: valibot's object alone
 * would read one as an object without fields, and an API object that arrives as a list is not one.
 */
export const jsonObject = <const E extends v.ObjectEntries>(entries: E) =>
  v.pipe(v.custom<Record<string, unknown>>(isJsonObject, 'is not an object'), v.object(entries));

export const nullableString = v.nullish(v.string());
const nullableBoolean = v.nullish(v.boolean());
/** A finite number: JSON's 1e309 parses as Infinity, which no MX field means. */
const finiteNumber = v.pipe(v.number(), v.finite());
const nullableNumber = v.nullish(finiteNumber);
export const nonEmpty = v.pipe(v.string(), v.minLength(1));
/** The items of a list that parse; the rest are left out (a bad item never fails its list). */
function usableItems<T extends v.GenericSchema>(item: T) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((items) =>
      items.flatMap((raw): v.InferOutput<T>[] => {
        const parsed = v.safeParse(item, raw);
        return parsed.success ? [parsed.output] : [];
      }),
    ),
  );
}

/**
 * `value` read as `nullish`, then `then`; a missing key reads as null, so `then` runs for it too
 * (valibot leaves a missing key's pipe unrun unless its schema has a default).
 */
export const nullishThen = <TIn, TOut>(value: v.GenericSchema<TIn>, then: (input: TIn | null) => TOut) =>
  v.pipe(v.nullish(value, null), v.transform(then));

/** An issue's path as keys (`['institution', 'code']`, `['members', 0]`), for fieldPath. */
export const issueKeys = (issue: v.BaseIssue<unknown>): PropertyKey[] =>
  (issue.path ?? []).map(({ key }) => (typeof key === 'number' || typeof key === 'symbol' ? key : String(key)));

/** An issue a rawTransform raises: `message` at `key` of the object it read. */
const issueAt = (input: Record<string, unknown>, key: string, message: string) => ({
  message,
  path: [{ type: 'object', origin: 'value', input, key, value: input[key] }] as [v.ObjectPathItem],
});

/** A type guard for one of a fixed list of names. */
const oneOf =
  <T extends string>(names: readonly T[]) =>
  (value: unknown): value is T =>
    names.some((name) => name === value);

/** a missing or null boolean counts as false */
export const flag = nullishThen(v.boolean(), (value) => value === true);

/** Past these a count or a page number is not a real catalogue's (MX lists some tens of thousands). */
export const MAX_ENTRIES = 100_000;
export const MAX_PAGES = 10_000;
const clampInt = (value: number | null | undefined, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : fallback;

/**
 * MX's pagination, each number clamped: entries 0..MAX_ENTRIES, pages 0..MAX_PAGES, the current
 * page 1..total_pages. A missing one is a single page of what came.
 */
export const paginationSchema = v.pipe(
  jsonObject({
    current_page: nullableNumber,
    per_page: nullableNumber,
    total_entries: nullableNumber,
    total_pages: nullableNumber,
  }),
  v.transform((p) => {
    const total_pages = clampInt(p.total_pages, 0, MAX_PAGES, 1);
    return {
      current_page: clampInt(p.current_page, 1, Math.max(1, total_pages), 1),
      per_page: clampInt(p.per_page, 0, 1_000, 0),
      total_entries: clampInt(p.total_entries, 0, MAX_ENTRIES, 0),
      total_pages,
    };
  }),
);

const institutionFields = jsonObject({
  code: nonEmpty,
  guid: nullableString,
  name: nullableString,
  url: nullableString,
  small_logo_url: nullableString,
  medium_logo_url: nullableString,
  supports_oauth: flag,
  /** non-MX extension: false for OAuth-only institutions; absent means credentials work */
  supports_credentials: nullableBoolean,
  forgot_password_url: nullableString,
  forgot_username_url: nullableString,
  trouble_signing_in_url: nullableString,
  /** HTML fragments: shown as text only (features/credentials/instructions.ts) */
  instructional_text: nullableString,
  instructional_text_steps: v.nullish(usableItems(v.string())),
  iso_country_code: nullableString,
  supports_account_identification: nullableBoolean,
  supports_account_verification: nullableBoolean,
  supports_transaction_history: nullableBoolean,
  is_popular: nullableBoolean,
  /** non-MX extension: whether connections work right now; absent or unknown means operational */
  operational_status: nullableString,
});
const OPERATIONAL_STATUSES = ['operational', 'maintenance', 'degraded', 'unavailable'] as const;
export type OperationalStatus = (typeof OPERATIONAL_STATUSES)[number];
export const institutionSchema = v.pipe(
  institutionFields,
  v.transform((institution) => ({
    ...institution,
    name: institution.name || institution.code,
    operational_status: oneOf(OPERATIONAL_STATUSES)(institution.operational_status)
      ? institution.operational_status
      : ('operational' as OperationalStatus),
  })),
);
export type Institution = v.InferOutput<typeof institutionSchema>;

/** An answer choice: without a value there is nothing to send, without a label nothing to show. */
const optionSchema = v.pipe(
  jsonObject({ guid: nullableString, label: nonEmpty, value: nonEmpty }),
  v.transform((option) => ({ ...option, guid: option.guid || option.value })),
);
const imageOptionSchema = v.pipe(
  jsonObject({ guid: nullableString, label: nullableString, value: nonEmpty, data_uri: nonEmpty }),
  v.transform((option) => ({ ...option, guid: option.guid || option.value, label: option.label || option.value })),
);

/** What a credential field and an MFA challenge both carry: something to ask, and what to call it. */
const promptFields = {
  guid: nonEmpty,
  field_name: nullableString,
  label: nullableString,
  type: nullableString,
  options: v.nullish(usableItems(optionSchema)),
};

const CREDENTIAL_TYPES = ['LOGIN', 'PASSWORD', 'TEXT', 'OPTIONS'] as const;
type CredentialType = (typeof CREDENTIAL_TYPES)[number];
const isCredentialType = oneOf(CREDENTIAL_TYPES);

export const credentialSchema = v.pipe(
  jsonObject({
    ...promptFields,
    display_order: nullableNumber,
    field_type: nullableString,
  }),
  v.rawTransform(({ dataset: { value: credential }, addIssue, NEVER }) => {
    const label = credential.label || credential.field_name;
    if (!label) {
      addIssue(issueAt(credential, 'label', 'has no label'));
      return NEVER;
    }
    // a type we do not know is masked: the user can still reveal it, and a secret is never shown by mistake
    const type: CredentialType = isCredentialType(credential.type)
      ? credential.type
      : isCredentialType(credential.field_type)
        ? credential.field_type
        : 'PASSWORD';
    return { ...credential, label, type };
  }),
);
export type Credential = v.InferOutput<typeof credentialSchema>;

const CHALLENGE_TYPES = ['TEXT', 'OPTIONS', 'TOKEN', 'IMAGE_DATA', 'IMAGE_OPTIONS'] as const;
type ChallengeType = (typeof CHALLENGE_TYPES)[number];
const isChallengeType = oneOf(CHALLENGE_TYPES);

export const challengeSchema = v.pipe(
  jsonObject({
    ...promptFields,
    image_data: nullableString,
    image_options: v.nullish(usableItems(imageOptionSchema)),
  }),
  v.rawTransform(({ dataset: { value: challenge }, addIssue, NEVER }) => {
    const label = challenge.label || challenge.field_name;
    const options = challenge.options ?? [];
    const imageOptions = challenge.image_options ?? [];
    // a type we do not know is read from what the challenge carries
    const type: ChallengeType = isChallengeType(challenge.type)
      ? challenge.type
      : imageOptions.length > 0
        ? 'IMAGE_OPTIONS'
        : options.length > 0
          ? 'OPTIONS'
          : challenge.image_data
            ? 'IMAGE_DATA'
            : 'TEXT';
    const unanswerable =
      !label || (type === 'OPTIONS' && options.length === 0) || (type === 'IMAGE_OPTIONS' && imageOptions.length === 0);
    if (unanswerable) {
      addIssue(issueAt(challenge, 'options', 'cannot be answered'));
      return NEVER;
    }
    return { ...challenge, label, type, options, image_options: imageOptions };
  }),
);
export type Challenge = v.InferOutput<typeof challengeSchema>;

/** A status name we do not know is kept as a string: the widget shows a generic screen for it. */
const connectionStatus = v.nullable(v.string());

export const memberSchema = jsonObject({
  guid: nonEmpty,
  is_managed_by_user: nullableBoolean,
  connection_status: connectionStatus,
  institution_code: nullableString,
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
export type Member = v.InferOutput<typeof memberSchema>;

export const memberStatusSchema = jsonObject({
  guid: nullableString,
  connection_status: connectionStatus,
  is_authenticated: nullableBoolean,
  is_being_aggregated: flag,
  aggregated_at: nullableString,
  successfully_aggregated_at: nullableString,
  has_processed_accounts: nullableBoolean,
  has_processed_transactions: nullableBoolean,
  challenges: v.nullish(usableItems(challengeSchema)),
});
export type MemberStatus = v.InferOutput<typeof memberStatusSchema>;

const accountFields = jsonObject({
  guid: nonEmpty,
  member_guid: nullableString,
  name: nullableString,
  nickname: nullableString,
  type: nullableString,
  subtype: nullableString,
  balance: nullableNumber,
  available_balance: nullableNumber,
  currency_code: nullableString,
  // masked to its last four at the boundary: a full number MX may send is shown and kept nowhere
  account_number: v.pipe(
    nullableString,
    v.transform((number) => (number && number.length > 4 ? `****${number.slice(-4)}` : number)),
  ),
});
export const accountSchema = v.pipe(
  accountFields,
  v.transform((account) => ({ ...account, name: account.nickname || account.name || account.account_number || '' })),
);
export type Account = v.InferOutput<typeof accountSchema>;

export const institutionListSchema = jsonObject({
  institutions: usableItems(institutionSchema),
  pagination: paginationSchema,
});
export const institutionResponseSchema = jsonObject({ institution: institutionSchema });
export const credentialListSchema = jsonObject({
  credentials: usableItems(credentialSchema),
  pagination: v.nullish(paginationSchema),
});
export const memberResponseSchema = jsonObject({ member: memberSchema });
export const memberListSchema = jsonObject({
  members: usableItems(memberSchema),
  pagination: v.nullish(paginationSchema),
});
export const memberStatusResponseSchema = jsonObject({ member: memberStatusSchema });
export const accountListSchema = jsonObject({
  accounts: usableItems(accountSchema),
  pagination: v.nullish(paginationSchema),
});
export const challengeListSchema = jsonObject({ challenges: usableItems(challengeSchema) });

export const errorBodySchema = jsonObject({
  error: jsonObject({
    message: v.string(),
    status: v.optional(finiteNumber),
    existing_member_guid: v.optional(v.string()),
    field: v.optional(v.string()),
  }),
});

export type InstitutionPage = v.InferOutput<typeof institutionListSchema>;

/** Our server's GET /capabilities (not MX's): which institution searches the upstream can do. */
export const capabilitiesResponseSchema = jsonObject({
  capabilities: jsonObject({ institution_search: jsonObject({ routing_number: flag }) }),
});
export type Capabilities = v.InferOutput<typeof capabilitiesResponseSchema>['capabilities'];
export type AnswerInput = { guid: string; value: string };
