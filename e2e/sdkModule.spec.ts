import { readFileSync } from 'node:fs';
import { THIRD_ORIGIN } from '../playwright.config';
import { expect, partnerSession, test } from './fixtures';

/**
 * The built SDK as a partner without a bundler uses it: sdk/dist/*.js served as they are, imported
 * by a plain <script type="module"> on the partner's page. (The demo host page uses it through Vite.)
 */
test('a plain <script type="module"> page imports the built SDK, mounts the widget and hears every message', async ({
  page,
  request,
}) => {
  const session = await partnerSession(request, { parentOrigin: THIRD_ORIGIN });
  const html = `<!doctype html><html lang="en"><title>Partner</title><div id="connect"></div>
<script type="module">
  import { ConnectWidget } from '/vendor/connect-widget-sdk.js';
  window.heard = [];
  window.typed = [];
  new ConnectWidget({
    container: document.getElementById('connect'),
    url: ${JSON.stringify(session.url)},
    widgetOrigin: ${JSON.stringify(new URL(session.url).origin)},
    onMessage: (message) => window.heard.push(message.type),
    onLoaded: (metadata) => window.typed.push(['onLoaded', metadata.initial_step]),
    onAnalyticPageview: (path) => window.typed.push(['onAnalyticPageview', path]),
  });
</script>`;
  await page.route(`${THIRD_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: html });
    const file = /^\/vendor\/([\w-]+\.js)$/.exec(path)?.[1];
    if (!file) return route.fulfill({ status: 404 });
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`sdk/dist/${file}`, 'utf8') });
  });
  await page.goto(`${THIRD_ORIGIN}/`);
  const widget = page.frameLocator('#connect iframe');
  // a minted session opens on the consent screen
  await expect(widget.getByRole('button', { name: 'I agree' })).toBeVisible();
  const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  await expect
    .poll(heard)
    .toEqual(
      expect.arrayContaining([
        'mx/load',
        'mx/connect/loaded',
        'connect-widget/analyticPageview',
        'connect-widget/resize',
      ]),
    );
  expect(await page.evaluate(() => (window as unknown as { typed: unknown[] }).typed)).toEqual(
    expect.arrayContaining([
      ['onLoaded', 'consent'],
      ['onAnalyticPageview', '/consent'],
    ]),
  );
});
