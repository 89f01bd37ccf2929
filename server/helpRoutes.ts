import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { errorJson } from './errors';
import { helpRecord, helpRequestBodySchema, type HelpDesk } from './help';
import { validate } from './validation';
import { MX_MEDIA_TYPE } from './http';
import type { Upstream } from './upstreams/types';
import type { AllowedRoute } from './upstreams/allowList';
import { fieldPath } from '../sdk/src/contract/mx';

/** The help route, GET (is help offered) and POST (ask for it); not MX's, so not on the allow-list. */
export const HELP_PATH = '/users/:user_guid/help';
export const HELP_ROUTES: readonly AllowedRoute[] = [
  { method: 'GET', path: HELP_PATH },
  { method: 'POST', path: HELP_PATH },
];

const answer = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': MX_MEDIA_TYPE } });

/** The email MX has for the user (GET /users/{guid}), or null; a failed lookup counts as none. */
async function emailOnFile(upstream: Upstream, userGuid: string): Promise<string | null> {
  try {
    const response = await upstream({ method: 'GET', path: `/users/${userGuid}`, search: '' });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    const email = (body as { user?: { email?: unknown } }).user?.email;
    return typeof email === 'string' && email.trim() !== '' ? email : null;
  } catch {
    return null;
  }
}

/**
 * GET and POST /users/{guid}/help for the session's own user (checked by sameUser first). Mock mode
 * without a webhook hands both to the mock; with a webhook the server checks the request itself,
 * adds the email on file, and posts it there; with neither, help is unavailable.
 */
export async function handleHelp(c: Context, desk: HelpDesk, upstream: Upstream, userGuid: string, body?: string) {
  const path = `/users/${userGuid}/help`;
  if (desk.kind === 'upstream') {
    return upstream({ method: c.req.method, path, search: '', body, origin: new URL(c.req.url).origin });
  }
  if (c.req.method === 'GET') {
    if (desk.kind === 'none') return answer({ help: { available: false, email_on_file: false } });
    return answer({ help: { available: true, email_on_file: (await emailOnFile(upstream, userGuid)) !== null } });
  }
  if (desk.kind === 'none') return errorJson(503, 'Help requests are not set up on this server.');

  let raw: unknown;
  try {
    raw = JSON.parse(body ?? '');
  } catch {
    return errorJson(400, 'Malformed JSON in request body.');
  }
  const parsed = validate(helpRequestBodySchema, raw);
  if (!parsed.ok) {
    const [issue] = parsed.refusals;
    return errorJson(400, `Invalid field "${fieldPath(issue.path)}": ${issue.message}.`);
  }
  const request = parsed.value.help_request;
  const email = (await emailOnFile(upstream, userGuid)) ?? request.email;
  if (!email) return errorJson(400, 'Invalid field "help_request.email": required.');
  const record = helpRecord(`HLP-${randomUUID()}`, userGuid, email, request, Date.now());
  const doFetch = desk.fetch ?? globalThis.fetch;
  try {
    const response = await doFetch(desk.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'help_request', help_request: record }),
      signal: AbortSignal.timeout(desk.timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) return errorJson(502, 'The help desk did not accept the request.');
  } catch {
    return errorJson(502, 'The help desk could not be reached.');
  }
  return answer({ help_request: { guid: record.guid, received_at: record.received_at } }, 202);
}
