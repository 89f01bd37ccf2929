import { WIDGET_ORIGIN } from '../playwright.config';
import { expect, openHost, test } from './fixtures';

test('a bank’s hosted logo shows through the server’s own route, with the CSP still images from self and data: only', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const widgetPage = page.waitForResponse(
    (r) => r.url().startsWith(`${WIDGET_ORIGIN}/?`) && r.request().resourceType() === 'document',
  );
  const widget = await openHost(page);
  const csp = (await widgetPage).headers()['content-security-policy'] ?? '';
  expect(csp).toContain(`img-src 'self' data:;`);

  const logo = widget.getByRole('option', { name: 'MX Bank', exact: true }).locator('img');
  await expect(logo).toHaveAttribute('src', /^\/logos\//);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(40);
  expect(violations).toEqual([]);
});

test('the credentials screen shows the bank’s own instructions, its link https only', async ({ page }) => {
  const widget = await openHost(page, { current_institution_code: 'mxcu_fields' });
  const note = widget.getByRole('region', { name: 'Instructions from MX Credit Union' });
  await expect(note.getByRole('link', { name: 'MX Credit Union online banking' })).toHaveAttribute(
    'href',
    'https://www.mxcu.example/online-banking',
  );
  await expect(note.getByRole('listitem')).toHaveCount(3);
});
