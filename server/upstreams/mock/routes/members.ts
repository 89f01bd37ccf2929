import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { HttpError, json, optionalString, paginate, pageRequest, readBody, requiredString } from '../http';
import { aggregate, OAUTH_PENDING_LIFETIME_MS, resume, snapshot, startJob, type MemberRecord } from '../members';
import { scenarioFor } from '../scenarios';
import { accountsFor, memberStatusView, memberView } from '../serialize';
import type { BackendState } from '../state';
import type { MockInstitution } from '../types';

const answer = z.object({ guid: requiredString, value: z.string().trim() });

const createBody = z.object({
  member: z.object({
    institution_code: requiredString,
    credentials: z.array(answer).default([]),
    is_oauth: z.boolean().optional(),
    is_manual: z.boolean().optional(),
    metadata: optionalString,
    id: optionalString,
  }),
  referral_source: optionalString,
  client_redirect_url: optionalString,
});

const updateBody = z.object({
  member: z.object({ credentials: z.array(answer).min(1, 'must list at least one credential') }),
});

const resumeBody = z.object({
  member: z.object({ challenges: z.array(answer).min(1, 'must answer at least one challenge') }),
});

interface CheckedCredentials {
  username: string | null;
  password: string;
}

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

export function memberRoutes(state: BackendState, originOf: (request: Request) => string) {
  const routes = new Hono();

  const userOf = (c: Context) => {
    const guid = c.req.param('user_guid') ?? '';
    const user = state.users.get(guid);
    if (!user) throw new HttpError(404, `User not found: ${guid}`);
    return user;
  };

  const memberOf = (c: Context): MemberRecord => {
    const user = userOf(c);
    const guid = c.req.param('member_guid') ?? '';
    const member = state.members.get(guid);
    if (!member || member.user_guid !== user.guid) throw new HttpError(404, `Member not found: ${guid}`);
    const snap = snapshot(member, state.clock.now());
    if (
      snap.status === 'PENDING' &&
      member.job &&
      state.clock.now() - member.job.startedAt > OAUTH_PENDING_LIFETIME_MS
    ) {
      // an abandoned OAuth member is cleaned up, as MX does
      state.members.delete(guid);
      throw new HttpError(404, `Member not found: ${guid}`);
    }
    return member;
  };

  const view = (c: Context, member: MemberRecord) => memberView(member, state.clock.now(), originOf(c.req.raw));

  routes.get('/', (c) => {
    const user = userOf(c);
    const mine = [...state.members.values()].filter((m) => m.user_guid === user.guid);
    const { items, pagination } = paginate(mine, pageRequest(c));
    return json(c, { members: items.map((m) => view(c, m)), pagination });
  });

  routes.post('/', async (c) => {
    const user = userOf(c);
    const body = await readBody(c, createBody);
    const input = body.member;
    const institution = state.catalogue.byCode.get(input.institution_code);
    if (!institution) throw new HttpError(404, `Institution not found: ${input.institution_code}`);
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
    };
    if (member.is_manual) {
      state.members.set(member.guid, member);
      return json(c, { member: view(c, member) }, 202);
    }
    if (member.is_oauth) {
      if (!institution.supports_oauth)
        throw new HttpError(422, `${institution.name} does not support OAuth.`, { field: 'member.is_oauth' });
      startJob(member, { kind: 'oauth' }, 'PENDING', now, state.nextId);
      state.members.set(member.guid, member);
      return json(c, { member: view(c, member) }, 202);
    }
    if (!institution.supports_credentials) {
      throw new HttpError(422, `${institution.name} only connects through OAuth.`, { field: 'member.is_oauth' });
    }
    const { username, password } = checkCredentials(state, institution, input.credentials);
    const duplicate = [...state.members.values()].find(
      (m) =>
        m.user_guid === user.guid &&
        m.institution.code === institution.code &&
        m.username !== null &&
        username !== null &&
        m.username.toLowerCase() === username.toLowerCase(),
    );
    if (duplicate) {
      throw new HttpError(409, 'A connection to this institution with these credentials already exists.', {
        existing_member_guid: duplicate.guid,
      });
    }
    member.username = username;
    startJob(member, scenarioFor(institution.code, password), 'CREATED', now, state.nextId);
    state.members.set(member.guid, member);
    return json(c, { member: view(c, member) }, 202);
  });

  routes.get('/:member_guid', (c) => json(c, { member: view(c, memberOf(c)) }));

  routes.put('/:member_guid', async (c) => {
    const member = memberOf(c);
    const body = await readBody(c, updateBody);
    const { username, password } = checkCredentials(state, member.institution, body.member.credentials);
    member.username = username ?? member.username;
    startJob(member, scenarioFor(member.institution.code, password), 'UPDATED', state.clock.now(), state.nextId);
    return json(c, { member: view(c, member) });
  });

  routes.delete('/:member_guid', (c) => {
    const member = memberOf(c);
    state.members.delete(member.guid);
    return c.body(null, 204);
  });

  routes.post('/:member_guid/aggregate', (c) => {
    const member = memberOf(c);
    const now = state.clock.now();
    if (snapshot(member, now).aggregating)
      throw new HttpError(409, 'An aggregation is already running for this member.');
    aggregate(member, now, state.nextId);
    return json(c, { member: view(c, member) }, 202);
  });

  routes.get('/:member_guid/status', (c) => json(c, { member: memberStatusView(memberOf(c), state.clock.now()) }));

  routes.get('/:member_guid/challenges', (c) => {
    const challenges = snapshot(memberOf(c), state.clock.now()).challenges;
    if (challenges.length === 0) return c.body(null, 204);
    const { items, pagination } = paginate(challenges, pageRequest(c));
    return json(c, { challenges: items, pagination });
  });

  routes.put('/:member_guid/resume', async (c) => {
    const member = memberOf(c);
    const body = await readBody(c, resumeBody);
    const result = resume(member, body.member.challenges, state.clock.now(), state.nextId);
    if (!result.ok) throw new HttpError(result.status, result.message);
    return json(c, { member: view(c, member) }, 202);
  });

  routes.get('/:member_guid/oauth_window_uri', (c) => {
    const member = memberOf(c);
    if (!member.is_oauth) throw new HttpError(422, 'This member does not use OAuth.');
    const uri = memberView(member, state.clock.now(), originOf(c.req.raw)).oauth_window_uri;
    if (!uri) throw new HttpError(422, 'This member is not waiting for OAuth.');
    return json(c, { member: { guid: member.guid, oauth_window_uri: uri } });
  });

  routes.get('/:member_guid/accounts', (c) => {
    const member = memberOf(c);
    const connected = snapshot(member, state.clock.now()).successfullyAggregatedAt !== null;
    const { items, pagination } = paginate(connected ? accountsFor(member) : [], pageRequest(c));
    return json(c, { accounts: items, pagination });
  });

  return routes;
}
