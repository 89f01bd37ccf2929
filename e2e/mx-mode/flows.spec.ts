import { matchWidgetRoute } from '../../server/upstreams/allowList';
import { E2E_MX_API_KEY, MX_STANDIN_ORIGIN } from '../../playwright.config';
import { expect, openAtBank, openHost, openProvider, signIn, startOauth, test, uniqueUser } from '../fixtures';

/**
 * The same flows through the real server in mx mode, pointed at a stand-in for MX on its own port
 * (scripts/mx-stand-in.ts): it refuses any call without the server's Basic auth and the Accept
 * header of its API version, and lists what it was sent. Run once per version: the `mx` project's
 * server speaks v1, the `mx-v20250224` project's v20250224 (playwright.config.ts).
 */
interface Seen {
  accepted: number;
  unauthorized: number;
  wrongAccept: number;
  requests: string[];
  versions: Record<'v1' | 'v20250224', number>;
  undefinedParams: string[];
}

const mxApiVersion = () => (test.info().project.metadata as { mxApiVersion?: 'v1' | 'v20250224' }).mxApiVersion;

test.describe('mx mode: through the server to a stand-in for MX', () => {
  test('credentials and a TOKEN challenge connect; the key never reaches the browser', async ({ page, request }) => {
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.url()} ${JSON.stringify(r.headers())} ${r.postData() ?? ''}`));
    const widget = await openAtBank(page);
    await signIn(widget, 'token', uniqueUser('mx-mfa'));
    await widget.getByRole('textbox', { name: /6-digit code/ }).fill('123456');
    await widget.getByRole('button', { name: 'Continue' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
    await expect(widget.getByText('MX Bank Checking')).toBeVisible();

    const key64 = Buffer.from(`e2e-client:${E2E_MX_API_KEY}`).toString('base64');
    for (const line of sent) {
      expect(line).not.toContain(E2E_MX_API_KEY);
      expect(line).not.toContain(key64);
    }
    const seen = (await (await request.get(`${MX_STANDIN_ORIGIN}/standin/seen`)).json()) as Seen;
    expect(seen.unauthorized).toBe(0);
    expect(seen.wrongAccept).toBe(0);
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.versions[mxApiVersion() ?? 'v1']).toBeGreaterThan(0);
    // no query parameter MX's spec does not define for its route, in either version
    expect(seen.undefinedParams).toEqual([]);
    // only what the widget uses, plus the partner API's own calls (create a user, read one before
    // minting its URL, find one by id), ever reached "MX"
    for (const line of seen.requests) {
      const [method = '', path = ''] = line.split(' ');
      const mxPath = path.replace(/^\/api/, '');
      const partnerCall =
        (method === 'POST' && mxPath === '/users') || (method === 'GET' && /^\/users(\/USR-[\w-]+)?$/.test(mxPath));
      expect(matchWidgetRoute(method, mxPath) !== null || partnerCall, line).toBe(true);
    }
  });

  test('OAuth: Authorize in the provider popup connects', async ({ page }) => {
    const { widget, go } = await startOauth(page);
    const popup = await openProvider(page, go);
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  });

  test('verification mode offers only banks that can verify, popular and searched alike', async ({ page, request }) => {
    const widget = await openHost(page, { mode: 'verification' });
    const popular = widget.getByRole('listbox', { name: 'Popular institutions' });
    await expect(popular.getByRole('option', { name: 'MX Bank', exact: true })).toBeVisible();
    // the sandbox's popular bank that cannot verify: filtered by the server, as MX defines no such parameter
    await expect(popular.getByRole('option', { name: 'MX Bank (Discontinued)' })).toHaveCount(0);
    await widget.getByRole('combobox', { name: 'Search for your bank or credit union' }).fill('MX Bank');
    const results = widget.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('option', { name: 'MX Bank', exact: true })).toBeVisible();
    await expect(results.getByRole('option', { name: 'MX Bank (Discontinued)' })).toHaveCount(0);
    const seen = (await (await request.get(`${MX_STANDIN_ORIGIN}/standin/seen`)).json()) as Seen;
    expect(seen.undefinedParams).toEqual([]);
  });
});
