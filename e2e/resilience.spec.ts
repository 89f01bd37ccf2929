import { WIDGET_ORIGIN } from '../playwright.config';
import { expect, openAtBank, signIn, test, uniqueUser, widgetUser } from './fixtures';

/** Faults are scoped to this test's user, so parallel tests on the shared mock are untouched. */
async function faultStatus(
  request: import('@playwright/test').APIRequestContext,
  user: string,
  rule: Record<string, unknown>,
) {
  await request.post(`${WIDGET_ORIGIN}/mock/faults`, {
    data: { rules: [{ route: `GET /users/${user}/members/*/status`, ...rule }] },
  });
}

async function memberPosts(request: import('@playwright/test').APIRequestContext, user: string) {
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()).requests as {
    method: string;
    path: string;
  }[];
  return log.filter((e) => e.method === 'POST' && e.path === `/users/${user}/members`).length;
}

test.describe.configure({ mode: 'serial' });

// a timed-out poll costs its own wait before the retry's backoff: one is enough to show recovery
for (const [name, rule] of [
  ['503s on the first two /status polls', { kind: 'status', status: 503, count: 2 }],
  ['a timeout on the first /status poll', { kind: 'timeout', delay_ms: 1_000, count: 1 }],
] as const) {
  test(`${name}: "Reconnecting…", then recovery with one member`, async ({ page, request }) => {
    const widget = await openAtBank(page);
    const user = await widgetUser(page);
    await faultStatus(request, user, rule);
    await signIn(widget, 'password', uniqueUser(rule.kind));
    // "Reconnecting…" only ever shows on the connecting screen: the step is kept while it retries
    await expect(widget.getByText('Reconnecting…')).toBeVisible();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    expect(await memberPosts(request, user)).toBe(1);
    await request.delete(`${WIDGET_ORIGIN}/mock/faults`);
  });
}

test('429 with Retry-After is honoured', async ({ page, request }) => {
  const widget = await openAtBank(page);
  const user = await widgetUser(page);
  await faultStatus(request, user, { kind: 'status', status: 429, retry_after_s: 2, count: 1 });
  await signIn(widget, 'password', uniqueUser('429'));
  await expect(widget.getByText('Reconnecting…')).toBeVisible();
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()).requests as {
    path: string;
    status: number;
    time: string;
  }[];
  const polls = log.filter((e) => e.path.startsWith(`/users/${user}/`) && e.path.endsWith('/status'));
  const limited = polls.findIndex((e) => e.status === 429);
  const next = polls[limited + 1];
  expect(limited).toBeGreaterThanOrEqual(0);
  // at the e2e clock speed (10×), the 2 s it asked for are 20 virtual seconds before the next try
  expect(Date.parse(next?.time ?? '') - Date.parse(polls[limited]?.time ?? '')).toBeGreaterThanOrEqual(19_000);
  await request.delete(`${WIDGET_ORIGIN}/mock/faults`);
});
