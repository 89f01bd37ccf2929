import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { HttpError, json, optionalString, paginate, pageRequest, readBody, requiredString } from '../http';
import { accountsFor } from '../accounts';
import { createMember, updateCredentials } from '../memberRules';
import { aggregate, OAUTH_PENDING_LIFETIME_MS, resume, snapshot, startJob, type MemberRecord } from '../members';
import { memberStatusView, memberView } from '../serialize';
import { ownedAll, ownedBy, userNamed, type BackendState } from '../state';
import { object, validate } from '../../../validation';

const answer = object({ guid: requiredString, value: v.pipe(v.string(), v.trim()) });

const createBody = object({
  member: object({
    institution_code: requiredString,
    credentials: v.optional(v.array(answer), []),
    is_oauth: v.optional(v.boolean()),
    is_manual: v.optional(v.boolean()),
    metadata: optionalString,
    id: optionalString,
  }),
  referral_source: optionalString,
  client_redirect_url: optionalString,
  ui_message_webview_url_scheme: optionalString,
});

/** Where the bank returns an APP member's user (MX's referral_source / client_redirect_url / scheme). */
const oauthReturnParams = object({
  referral_source: v.optional(v.picklist(['BROWSER', 'APP']), 'BROWSER'),
  client_redirect_url: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(2_000),
      v.check(
        (url) =>
          /^(https|[a-z][a-z0-9+.-]{0,31}):\/\//.test(url) && !/^(javascript|data|vbscript|file|http):/i.test(url),
        'must be an https URL or an app scheme',
      ),
    ),
  ),
  ui_message_webview_url_scheme: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^[a-z][a-z0-9+.-]{0,31}$/),
      v.check(
        (scheme) => !['javascript', 'data', 'vbscript', 'file', 'http', 'https', 'about', 'blob'].includes(scheme),
      ),
    ),
    'mx',
  ),
});

function oauthReturnOf(raw: Record<string, string | undefined>): NonNullable<MemberRecord['oauthReturn']> {
  const parsed = validate(oauthReturnParams, raw);
  if (!parsed.ok) {
    const [issue] = parsed.refusals;
    throw new HttpError(400, `Invalid field "${String(issue.path[0] ?? 'query')}": ${issue.message}.`);
  }
  const params = parsed.value;
  return {
    referralSource: params.referral_source,
    clientRedirectUrl: params.client_redirect_url ?? null,
    scheme: params.ui_message_webview_url_scheme,
  };
}

const updateBody = object({
  member: object({ credentials: v.pipe(v.array(answer), v.minLength(1, 'must list at least one credential')) }),
});

const resumeBody = object({
  member: object({ challenges: v.pipe(v.array(answer), v.minLength(1, 'must answer at least one challenge')) }),
});

export function memberRoutes(state: BackendState, originOf: (request: Request) => string) {
  const routes = new Hono();

  const userOf = (c: Context) => userNamed(state, c.req.param('user_guid'));

  const memberOf = (c: Context): MemberRecord => {
    const user = userOf(c);
    const guid = c.req.param('member_guid') ?? '';
    const member = ownedBy(state.members, user, guid, 'Member');
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
    const { items, pagination } = paginate(ownedAll(state.members, user), pageRequest(c));
    return json(c, { members: items.map((m) => view(c, m)), pagination });
  });

  routes.post('/', async (c) => {
    const user = userOf(c);
    const body = await readBody(c, createBody);
    const { referral_source, client_redirect_url, ui_message_webview_url_scheme } = body;
    // checked before anything is stored
    const back = oauthReturnOf({ referral_source, client_redirect_url, ui_message_webview_url_scheme });
    const member = createMember(state, user, body.member);
    if (member.is_oauth) member.oauthReturn = back;
    return json(c, { member: view(c, member) }, 202);
  });

  routes.get('/:member_guid', (c) => json(c, { member: view(c, memberOf(c)) }));

  routes.put('/:member_guid', async (c) => {
    const member = memberOf(c);
    const body = await readBody(c, updateBody);
    updateCredentials(state, member, body.member.credentials);
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
    if (c.req.query('referral_source') !== undefined) member.oauthReturn = oauthReturnOf(c.req.query());
    const now = state.clock.now();
    // as at MX, asking again for an OAuth member that has finished (say DENIED) starts it over
    if (snapshot(member, now).status !== 'PENDING') startJob(member, { kind: 'oauth' }, 'PENDING', now, state.nextId);
    const uri = memberView(member, now, originOf(c.req.raw)).oauth_window_uri;
    if (!uri) throw new HttpError(422, 'This member is not waiting for OAuth.');
    return json(c, { member: { guid: member.guid, oauth_window_uri: uri } });
  });

  routes.get('/:member_guid/accounts', (c) => {
    const member = memberOf(c);
    const connected = member.is_manual || snapshot(member, state.clock.now()).successfullyAggregatedAt !== null;
    const { items, pagination } = paginate(connected ? accountsFor(member) : [], pageRequest(c));
    return json(c, { accounts: items, pagination });
  });

  return routes;
}
