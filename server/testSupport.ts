import { mxBankMember } from './upstreams/mock/sandbox';

/** What the widget sends to create a member at MX Bank with this password (server tests). */
export function mxBankMemberBody(password: string, username = 'jane'): string {
  return JSON.stringify(mxBankMember(password, username));
}

interface RequestsApp {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** What a partner's back end does: create a user, mint a widget URL for it; the session token it carries. */
export async function partnerSession(
  app: RequestsApp,
  partnerSecret: string,
  parentOrigin = 'http://127.0.0.1:4174',
): Promise<{ user: string; token: string }> {
  const headers = { authorization: `Bearer ${partnerSecret}`, 'content-type': 'application/json' };
  const created = await app.request('/partner/users', { method: 'POST', headers, body: '{"user":{}}' });
  const user = ((await created.json()) as { user: { guid: string } }).user.guid;
  const minted = await app.request(`/partner/users/${user}/widget_urls`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ widget_url: { widget_type: 'connect_widget' }, parent_origin: parentOrigin }),
  });
  const url = ((await minted.json()) as { widget_url: { url: string } }).widget_url.url;
  return { user, token: new URL(url).searchParams.get('session_token') ?? '' };
}
