// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageClaimsOf, verifySessionToken, WEBVIEW_PARENT } from './sessions';
import { securityHeaders } from './securityHeaders';
import { bearer, partnerUser, testApp, testConfig, type TestApp } from './testSupport';

const config = testConfig();

/** A new user's widget URL minted with these options and no parent_origin (the server's answer). */
async function mintWebview(widgetUrl: Record<string, unknown>) {
  const { app, mock } = testApp();
  const user = await partnerUser(app, config.PARTNER_SECRET);
  const minted = await app.request(`/partner/users/${user}/widget_urls`, {
    method: 'POST',
    headers: bearer(config.PARTNER_SECRET),
    body: JSON.stringify({ widget_url: { widget_type: 'connect_widget', ...widgetUrl } }),
  });
  return { app, mock, user, minted };
}

describe('WebView sessions', () => {
  it('are minted without a parent origin, bound to none, and still need their token', async () => {
    const { app, user, minted } = await mintWebview({
      is_mobile_webview: true,
      ui_message_webview_url_scheme: 'myapp',
    });
    expect(minted.status).toBe(200);
    const url = new URL(((await minted.json()) as { widget_url: { url: string } }).widget_url.url);
    expect(url.searchParams.has('parent_origin')).toBe(false);
    expect(url.searchParams.get('is_mobile_webview')).toBe('true');
    const token = url.searchParams.get('session_token') ?? '';
    const check = await verifySessionToken(config.SESSION_SECRET, token);
    expect(check.ok && check.session.parent_origin).toBe(WEBVIEW_PARENT);
    expect(await pageClaimsOf(config.SESSION_SECRET, token)).toEqual({ origin: WEBVIEW_PARENT, appScheme: 'myapp' });
    const members = await app.request(`/api/users/${user}/members`);
    expect(members.status).toBe(401);
    const withToken = await app.request(`/api/users/${user}/members`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.status).toBe(200);
  });

  it('a browser session still needs an allowed parent origin', async () => {
    const { minted } = await mintWebview({ is_mobile_webview: false });
    expect(minted.status).toBe(422);
  });

  it('the page may frame only the app scheme (its events), and nothing may frame it', () => {
    const csp = securityHeaders({ frameAncestors: [], appScheme: 'myapp' })['Content-Security-Policy'];
    expect(csp).toContain('frame-src myapp:');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(securityHeaders({ frameAncestors: [] })['Content-Security-Policy']).not.toContain('frame-src');
  });
});

/** An OAuth member created as the widget does in APP mode, straight on the mock. */
function postAppMember(mock: TestApp['mock'], user: string, extra: Record<string, string>) {
  return mock.backend.fetch(
    new Request(`http://mock.test/api/users/${user}/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        member: { institution_code: 'mxbank_oauth', is_oauth: true },
        referral_source: 'APP',
        ...extra,
      }),
    }),
  );
}

describe('OAuth for APP members in the mock', () => {
  async function appMember(extra: Record<string, string>) {
    const { mock, user } = await mintWebview({ is_mobile_webview: true });
    const post = await postAppMember(mock, user, extra);
    expect(post.status).toBe(202);
    const member = ((await post.json()) as { member: { oauth_window_uri: string } }).member;
    const page = await mock.backend.fetch(new Request(member.oauth_window_uri));
    const token = /name="form_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    return (decision: string) =>
      mock.backend.fetch(
        new Request(member.oauth_window_uri, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ decision, form_token: token }),
        }),
      );
  }

  it('return to <scheme>://oauth_complete, with error_reason on error', async () => {
    const decide = await appMember({ ui_message_webview_url_scheme: 'myapp' });
    const answer = await decide('deny');
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get('location') ?? '');
    expect(back.protocol).toBe('myapp:');
    expect(back.host).toBe('oauth_complete');
    expect(back.searchParams.get('status')).toBe('error');
    expect(back.searchParams.get('error_reason')).toBe('DENIED');
  });

  it('return to client_redirect_url when set', async () => {
    const decide = await appMember({ client_redirect_url: 'https://app.example/oauth-done' });
    const back = new URL((await decide('authorize')).headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe('https://app.example/oauth-done');
    expect(back.searchParams.get('status')).toBe('success');
  });

  it('refuses a redirect or scheme a browser would act on', async () => {
    const { mock, user } = await mintWebview({ is_mobile_webview: true });
    const refused: Record<string, string>[] = [
      { client_redirect_url: 'javascript:alert(1)' },
      { ui_message_webview_url_scheme: 'https' },
    ];
    for (const extra of refused) {
      const post = await postAppMember(mock, user, extra);
      expect(post.status).toBe(400);
    }
  });
});
