import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { decideOauth, snapshot, type MemberRecord, type OauthDecision } from '../members';
import type { BackendState } from '../state';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The stand-in pages run no inline script, and no other site may frame them (one click would authorize). */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The anti-forgery token the authorize form must send back: minted with the page, bound to its member. */
function mintFormToken(member: MemberRecord): string {
  const token = randomBytes(24).toString('base64url');
  member.oauthFormToken = token;
  return token;
}

function formTokenMatches(member: MemberRecord, given: unknown): boolean {
  const expected = member.oauthFormToken;
  if (typeof given !== 'string' || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function page(title: string, body: string, script = '', bodyAttributes = '', status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#0f172a}
button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem;border-radius:.5rem;border:1px solid #334155;background:#fff;cursor:pointer}
button.primary{background:#1d4ed8;color:#fff;border-color:#1d4ed8}button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style>
</head><body ${bodyAttributes}>${body}${script}</body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    },
  });
}

/** Runs in the popup: tells the widget (its opener, same origin) how OAuth ended, then closes. */
const RESULT_SCRIPT = `(() => {
  const data = document.body.dataset;
  const metadata = { member_guid: data.memberGuid, status: data.status };
  if (data.errorReason) metadata.error_reason = data.errorReason;
  if (window.opener) {
    window.opener.postMessage({ mx: true, type: 'oauthComplete', metadata }, window.location.origin);
    setTimeout(() => window.close(), 300);
  }
})();`;

const DECISIONS: Record<string, OauthDecision> = { authorize: 'authorize', deny: 'deny', fail: 'fail' };

export function oauthRoutes(state: BackendState) {
  const routes = new Hono();

  routes.get('/authorize/:member_guid', (c) => {
    const member = state.members.get(c.req.param('member_guid'));
    if (!member || !member.is_oauth) {
      return page(
        'Sign-in link expired',
        '<h1>This sign-in link is no longer valid</h1><p>Close this window and start again.</p>',
      );
    }
    const bank = escapeHtml(member.institution.name);
    const action = `/api/oauth/authorize/${encodeURIComponent(member.guid)}`;
    return page(
      `${member.institution.name}: sign in`,
      `<h1>${bank}</h1><p>A sandbox stand-in for ${bank}'s own sign-in page. Allow the app to read your account data?</p>
<form method="post" action="${action}">
<input type="hidden" name="form_token" value="${mintFormToken(member)}">
<button class="primary" name="decision" value="authorize">Authorize</button>
<button name="decision" value="deny">Deny</button>
<button name="decision" value="fail">Fail</button></form>`,
    );
  });

  routes.post('/authorize/:member_guid', async (c) => {
    const guid = c.req.param('member_guid');
    const member = state.members.get(guid);
    const form = await c.req.parseBody();
    const decision = DECISIONS[String(form.decision ?? '')];
    const result = new URL('/api/oauth/result', c.req.url);
    result.searchParams.set('member_guid', guid);
    const now = state.clock.now();
    if (!member || !formTokenMatches(member, form.form_token)) {
      // a forged or replayed form (another site posting to this endpoint): nothing changes
      return page(
        'Sign-in link expired',
        '<h1>This sign-in request is not valid</h1><p>Close this window and start again from the app.</p>',
        '',
        '',
        403,
      );
    }
    member.oauthFormToken = undefined;
    if (!decision || snapshot(member, now).status !== 'PENDING') {
      result.searchParams.set('status', 'error');
      result.searchParams.set('error_reason', 'SESSION_ERROR');
    } else {
      decideOauth(member, decision, now, state.nextId);
      result.searchParams.set('status', decision === 'authorize' ? 'success' : 'error');
      if (decision !== 'authorize')
        result.searchParams.set('error_reason', decision === 'deny' ? 'DENIED' : 'PROVIDER_ERROR');
    }
    // an APP member's user goes back to the app, not to a popup's result page
    const back = member.oauthReturn;
    if (back?.referralSource === 'APP') {
      const target = new URL(back.clientRedirectUrl ?? `${back.scheme}://oauth_complete`);
      for (const [key, value] of result.searchParams) target.searchParams.set(key, value);
      return new Response(null, { status: 303, headers: { location: target.toString() } });
    }
    return c.redirect(result.pathname + result.search, 303);
  });

  routes.get('/result', (c) => {
    const guid = escapeHtml(c.req.query('member_guid') ?? '');
    const status = c.req.query('status') === 'success' ? 'success' : 'error';
    const reason = escapeHtml(c.req.query('error_reason') ?? '');
    const text = status === 'success' ? 'You are signed in.' : 'Sign-in did not complete.';
    return page(
      'Returning to the app',
      `<h1>${text}</h1><p>You can close this window and return to the app.</p>`,
      `<script src="/api/oauth/result.js"></script>`,
      `data-member-guid="${guid}" data-status="${status}" data-error-reason="${reason}"`,
    );
  });

  routes.get(
    '/result.js',
    () => new Response(RESULT_SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8' } }),
  );

  return routes;
}
