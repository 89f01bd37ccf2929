import { WIDGET_ORIGIN } from '../playwright.config';
import { E2E_CLOCK_SPEED } from '../server/upstreams/mock/sandbox';
import { expect, hostEvents, openAtBank, signIn, test, uniqueUser } from './fixtures';

// Playwright's server runs the mock clock E2E_CLOCK_SPEED times faster than real time
const MIN_INTERVAL_VIRTUAL_MS = 1_000 * E2E_CLOCK_SPEED * 0.9; // the widget polls about once a second, never faster

type Entry = { method: string; path: string; time: string };

async function statusTimes(request: import('@playwright/test').APIRequestContext, member: string) {
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()).requests as Entry[];
  return log.filter((e) => e.path.endsWith(`/members/${member}/status`)).map((e) => Date.parse(e.time));
}

for (const [password, label] of [
  ['password', 'CONNECTED'],
  ['delayed', 'DELAYED → CONNECTED'],
] as const) {
  test(`polling budget: ${label}, then no poll for a minute`, async ({ page, request }) => {
    // the widget's timers run on Playwright's clock: real time until the end state, then a jump
    await page.clock.install();
    const widget = await openAtBank(page);
    await signIn(widget, password, uniqueUser(`budget-${password}`));
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    const member = String(
      (await hostEvents(page)).find((e) => e.type === 'mx/connect/memberConnected')?.metadata.member_guid,
    );
    const atEnd = await statusTimes(request, member);
    // A minute of the widget's time at once: every timer due in it fires, so a poll still scheduled
    // (an interval left running, a retry) would ask now. Asked through the widget's own frame, a
    // request made after those timers reaches the server after anything they sent.
    const polls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/members/${member}/status`)) polls.push(r.url());
    });
    await page.clock.fastForward(60_000);
    const frame = page.frames().find((f) => f.url().startsWith(WIDGET_ORIGIN));
    expect(await frame?.evaluate(async () => (await fetch('/healthz')).status)).toBe(200);
    // and the jump did reach the widget's frame: its clock is a minute ahead of the real one
    expect(((await frame?.evaluate(() => Date.now())) ?? 0) - Date.now()).toBeGreaterThan(59_000);
    const after = await statusTimes(request, member);
    const gaps = atEnd.slice(1).map((t, i) => t - (atEnd[i] ?? t));
    console.info(
      `polling budget ${label}: ${atEnd.length} status requests until the end state, ${after.length - atEnd.length} in the minute after it; ` +
        `shortest gap ${(Math.min(...gaps) / E2E_CLOCK_SPEED / 1000).toFixed(2)} s real`,
    );
    expect(polls).toEqual([]);
    expect(after.length).toBe(atEnd.length);
    expect(gaps.every((gap) => gap >= MIN_INTERVAL_VIRTUAL_MS)).toBe(true);
    expect(atEnd.length).toBeLessThanOrEqual(password === 'delayed' ? 12 : 4);
  });
}
