import type { APIRequestContext, Page } from '@playwright/test';
import { HOST_ORIGIN, THIRD_ORIGIN, WIDGET_ORIGIN } from '../playwright.config';
import { expect, partnerSession, test } from './fixtures';

/** A victim's PENDING OAuth member, made through the victim's own widget session. */
async function pendingOauthMember(request: APIRequestContext) {
  const session = await partnerSession(request);
  const created = await request.post(`${WIDGET_ORIGIN}/api/users/${session.user}/members`, {
    headers: session.headers,
    data: { member: { institution_code: 'mxbank_oauth', is_oauth: true } },
  });
  const member = (await created.json()).member as { guid: string; oauth_window_uri: string };
  return { ...session, ...member };
}

/** Serves `html` as the attacker's page on a third origin and opens it. */
async function openAttackerPage(page: Page, html: string) {
  await page.route(`${THIRD_ORIGIN}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>attacker</title>${html}` }),
  );
  await page.goto(`${THIRD_ORIGIN}/`);
}

/** A frame the attacker made, once loaded: blocked frames end on Chromium's error page. */
async function frameUrl(page: Page, name: string): Promise<string> {
  await expect.poll(() => page.frame({ name })?.url() ?? '').not.toBe('');
  await page.frame({ name })?.waitForLoadState();
  return page.frame({ name })?.url() ?? '';
}

test('a cross-site page can neither plant a script through the control API nor authorize a victim’s OAuth', async ({
  page,
  request,
}) => {
  const victim = await pendingOauthMember(request);
  const fault = JSON.stringify({
    rules: [{ route: 'GET /oauth/result', kind: 'status', status: 500, body: '<script>window.pwned=1</script>' }],
  });
  await openAttackerPage(
    page,
    `<iframe name="sink"></iframe>
     <form id="f" method="post" target="sink" action="${victim.oauth_window_uri}">
       <input name="decision" value="authorize"></form>
     <script>
       window.attempts = Promise.all([
         fetch('${WIDGET_ORIGIN}/mock/faults', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(fault).replace(/</g, '\\u003c')} }),
         fetch('${WIDGET_ORIGIN}/mock/reset', { method: 'POST', mode: 'no-cors' }),
       ]).then(() => 'sent', () => 'failed');
       document.getElementById('f').submit();
     </script>`,
  );
  expect(await page.evaluate(() => (window as unknown as { attempts: Promise<string> }).attempts)).toBe('sent');
  await frameUrl(page, 'sink');

  // the OAuth result page is still the real one, not a planted script
  const result = await request.get(`${WIDGET_ORIGIN}/api/oauth/result?member_guid=x&status=success`);
  expect(await result.text()).not.toContain('pwned');
  // the victim's member is still waiting for its owner, and still exists (no reset)
  const status = await request.get(`${WIDGET_ORIGIN}/api/users/${victim.user}/members/${victim.guid}/status`, {
    headers: victim.headers,
  });
  expect(status.status()).toBe(200);
  expect((await status.json()).member.connection_status).toBe('PENDING');
});

test('the OAuth stand-in and the demo host page cannot be framed by another site', async ({ page, request }) => {
  const victim = await pendingOauthMember(request);
  await openAttackerPage(
    page,
    `<iframe name="provider" src="${victim.oauth_window_uri}"></iframe>
     <iframe name="host" src="${HOST_ORIGIN}/"></iframe>`,
  );
  expect(await frameUrl(page, 'provider')).not.toContain('/api/oauth/authorize');
  expect(await frameUrl(page, 'host')).not.toContain(HOST_ORIGIN);
  const hostPage = await request.get(`${HOST_ORIGIN}/`);
  expect(hostPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('no other origin can read or change the widget API, not even a local one', async ({ page, request }) => {
  const victim = await pendingOauthMember(request);
  // the demo host page is a local origin (it used to be granted CORS): a local app's stand-in
  await page.goto(`${HOST_ORIGIN}/`);
  const members = `${WIDGET_ORIGIN}/api/users/${victim.user}/members`;
  const outcomes = await page.evaluate(
    async ({ list, one }) => {
      const attempt = (p: Promise<Response>) =>
        p.then(
          () => 'done',
          () => 'blocked',
        );
      return [await attempt(fetch(list)), await attempt(fetch(one, { method: 'DELETE' }))];
    },
    { list: members, one: `${members}/${victim.guid}` },
  );
  expect(outcomes).toEqual(['blocked', 'blocked']);
  const status = await request.get(`${members}/${victim.guid}/status`, { headers: victim.headers });
  expect(status.status()).toBe(200);
});

test('a widget URL minted for one partner cannot be framed by another', async ({ page, request }) => {
  const session = await partnerSession(request);
  await openAttackerPage(page, `<iframe name="stolen" src="${session.url}"></iframe>`);
  expect(await frameUrl(page, 'stolen')).not.toContain(WIDGET_ORIGIN);
});
