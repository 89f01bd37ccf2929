import { HttpError } from './http';
import { MANUAL_INSTITUTION_CODE } from './catalogue';
import { startJob, type ManualAccount, type MemberRecord } from './members';
import { scenarioFor } from './scenarios';
import { ownedAll, type BackendState, type UserRecord } from './state';
import type { MockInstitution } from './types';

/**
 * What MX decides when a member is created or its credentials change: which kind of member it is
 * (manual, OAuth, credentials), whether those credentials fit the institution, and whether the
 * login is already connected. The routes only read requests and write responses.
 */
export interface NewMemberInput {
  institution_code: string;
  credentials: { guid: string; value: string }[];
  is_oauth?: boolean;
  is_manual?: boolean;
  metadata?: string;
  id?: string;
}

interface CheckedCredentials {
  username: string | null;
  password: string;
}

/** The sandbox username of a member the partner manages: the user may not disconnect it. */
export const PARTNER_MANAGED_USERNAME = 'partner_managed';

/** 422 for what is well-formed but wrong for this institution (api.md). */
function checkCredentials(
  state: BackendState,
  institution: MockInstitution,
  given: { guid: string; value: string }[],
): CheckedCredentials {
  const fields = state.catalogue.credentialsFor(institution.code);
  const byGuid = new Map(fields.map((f) => [f.guid, f]));
  for (const g of given) {
    if (!byGuid.has(g.guid)) throw new HttpError(422, `Unknown credential guid for ${institution.code}: ${g.guid}`);
  }
  let username: string | null = null;
  let password = '';
  for (const field of fields) {
    const value = given.find((g) => g.guid === field.guid)?.value ?? '';
    if (value === '') {
      throw new HttpError(422, `Missing required credential: ${field.label}`, { field: field.field_name });
    }
    if (field.type === 'OPTIONS' && !field.options?.some((o) => o.value === value || o.guid === value)) {
      throw new HttpError(422, `Not one of the options for ${field.label}`, { field: field.field_name });
    }
    if (field.type === 'LOGIN') username = value;
    if (field.type === 'PASSWORD') password = value;
  }
  return { username, password };
}

/** 409 when this user already connected this login at this institution (usernames compare case-blind). */
function refuseDuplicate(state: BackendState, user: UserRecord, institution: MockInstitution, username: string | null) {
  if (username === null) return;
  const duplicate = ownedAll(state.members, user).find(
    (m) =>
      m.institution.code === institution.code &&
      m.username !== null &&
      m.username.toLowerCase() === username.toLowerCase(),
  );
  if (duplicate) {
    throw new HttpError(409, 'A connection to this institution with these credentials already exists.', {
      existing_member_guid: duplicate.guid,
    });
  }
}

/** A new member, its job started as its kind and the sandbox password say, and stored. */
export function createMember(state: BackendState, user: UserRecord, input: NewMemberInput): MemberRecord {
  const institution = state.catalogue.byCode.get(input.institution_code);
  if (!institution) throw new HttpError(404, `Institution not found: ${input.institution_code}`);
  const owned = ownedAll(state.members, user).length;
  // 422 like the mock's other caps and MX's own refusals of a well-formed request it will not
  // carry out (its spec's 422 with a 4xxx code); not 429: waiting does not lift a cap on records
  if (owned >= MAX_MEMBERS_PER_USER) {
    throw new HttpError(422, `A user may have at most ${MAX_MEMBERS_PER_USER} members.`);
  }
  const now = state.clock.now();
  const member: MemberRecord = {
    guid: `MBR-${state.nextId()}`,
    id: input.id ?? null,
    user_guid: user.guid,
    user_id: user.id,
    institution,
    is_oauth: input.is_oauth === true,
    is_manual: input.is_manual === true,
    metadata: input.metadata ?? null,
    username: null,
    scenario: null,
    deniedStreak: 0,
    job: null,
    createdAt: now,
    retryChallenges: null,
    managedByUser: true,
    manualAccounts: [],
  };
  if (member.is_manual) {
    // a manual member has no job: its status stays null
  } else if (member.is_oauth) {
    if (!institution.supports_oauth)
      throw new HttpError(422, `${institution.name} does not support OAuth.`, { field: 'member.is_oauth' });
    startJob(member, { kind: 'oauth' }, 'PENDING', now, state.nextId);
  } else {
    if (!institution.supports_credentials) {
      throw new HttpError(422, `${institution.name} only connects through OAuth.`, { field: 'member.is_oauth' });
    }
    const { username, password } = checkCredentials(state, institution, input.credentials);
    refuseDuplicate(state, user, institution, username);
    member.username = username;
    member.managedByUser = username?.toLowerCase() !== PARTNER_MANAGED_USERNAME;
    startJob(member, scenarioFor(institution.code, password), 'CREATED', now, state.nextId);
  }
  state.members.set(member.guid, member);
  return member;
}

/** New credentials for an existing member: checked, then a new job (UPDATED) as the password says. */
export function updateCredentials(
  state: BackendState,
  member: MemberRecord,
  credentials: { guid: string; value: string }[],
): void {
  const { username, password } = checkCredentials(state, member.institution, credentials);
  member.username = username ?? member.username;
  startJob(member, scenarioFor(member.institution.code, password), 'UPDATED', state.clock.now(), state.nextId);
}

/** The user's one manual member (MX keeps manual accounts under it), made on first use. */
export function manualMemberFor(state: BackendState, user: UserRecord): MemberRecord {
  const existing = ownedAll(state.members, user).find((m) => m.is_manual);
  return (
    existing ??
    createMember(state, user, { institution_code: MANUAL_INSTITUTION_CODE, credentials: [], is_manual: true })
  );
}

export type NewManualAccount = Omit<ManualAccount, 'guid' | 'member_guid' | 'currency_code' | 'created_at'>;

/** A manual account under the user's manual member. */
export function addManualAccount(state: BackendState, user: UserRecord, input: NewManualAccount): ManualAccount {
  const member = manualMemberFor(state, user);
  if (member.manualAccounts.length >= MAX_MANUAL_ACCOUNTS) {
    throw new HttpError(422, `A user may have at most ${MAX_MANUAL_ACCOUNTS} manual accounts.`);
  }
  const account: ManualAccount = {
    ...input,
    guid: `ACT-${state.nextId()}`,
    member_guid: member.guid,
    currency_code: 'USD',
    created_at: new Date(state.clock.now()).toISOString(),
  };
  member.manualAccounts.push(account);
  return account;
}

/** Keeps one user from growing the mock's memory without end. */
export const MAX_MANUAL_ACCOUNTS = 50;
/**
 * Likewise for members (one session made 2,800 in a minute). The widget reads the first 100 of a
 * user's members, so at this cap every one of them is still on that page.
 */
export const MAX_MEMBERS_PER_USER = 100;
