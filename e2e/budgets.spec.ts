import { WIDGET_ORIGIN } from '../playwright.config';
import { expect, hostEvents, openAtBank, signIn, test, uniqueUser, virtualNow } from './fixtures';

/** Playwright's server runs the mock clock 10× faster than real time. */
const SPEED = 10;
const MIN_INTERVAL_VIRTUAL_MS = 1_000 * SPEED * 0.9; // the widget polls about once a second, never faster

type Entry = { method: string; path: string; time: string };

async function statusTimes(request: import('@playwright/test').APIRequestContext, member: string) {
  const log = (await (await request.get(`${WIDGET_ORIGIN}/mock/log`)).json()).requests as Entry[];
  return log.filter((e) => e.path.endsWith(`/members/${member}/status`)).map((e) => Date.parse(e.time));
}

for (const [password, label] of [
  ['password', 'CONNECTED'],
  ['delayed', 'DELAYED → CONNECTED'],
] as const) {
  test(`polling budget over 60 virtual seconds: ${label}`, async ({ page, request }) => {
    const widget = await openAtBank(page);
    const started = await virtualNow(request);
    await signIn(widget, password, uniqueUser(`budget-${password}`));
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    const member = String(
      (await hostEvents(page)).find((e) => e.type === 'mx/connect/memberConnected')?.metadata.member_guid,
    );
    const atEnd = await statusTimes(request, member);
    // the rest of the 60 virtual seconds, read off the mock's clock
    await expect
      .poll(() => virtualNow(request), { intervals: [250], timeout: 10_000 })
      .toBeGreaterThanOrEqual(started + 60_000);
    const after = await statusTimes(request, member);
    const gaps = atEnd.slice(1).map((t, i) => t - (atEnd[i] ?? t));
    console.info(
      `polling budget ${label}: ${atEnd.length} status requests until the end state, ${after.length - atEnd.length} after it; ` +
        `shortest gap ${(Math.min(...gaps) / SPEED / 1000).toFixed(2)} s real`,
    );
    expect(after.length).toBe(atEnd.length);
    expect(gaps.every((gap) => gap >= MIN_INTERVAL_VIRTUAL_MS)).toBe(true);
    expect(atEnd.length).toBeLessThanOrEqual(password === 'delayed' ? 12 : 4);
  });
}
