import { expect, openHost, test } from '../fixtures';

/** MX's /institutions has no routing_number parameter: in mx mode the widget never offers that search. */
test('a routing number is searched by name, and the widget says why; MX Bank’s CDN-less logo shows as initials', async ({
  page,
}) => {
  const searched: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/institutions') searched.push(r.url());
  });
  const widget = await openHost(page);
  const search = widget.getByRole('combobox', { name: 'Search for your bank or credit union' });
  await search.fill('123456780');
  await expect(widget.getByText('Searching by name: this service cannot search by routing number.')).toBeVisible();
  await expect(widget.getByRole('listbox', { name: 'Search results' })).toBeAttached();
  await expect(widget.getByRole('listbox', { name: /routing number/ })).toHaveCount(0);
  expect(searched.some((url) => url.includes('name=123456780'))).toBe(true);
  expect(searched.filter((url) => url.includes('routing_number'))).toEqual([]);

  // the stand-in's logo host is not MX's: the server hands the widget no URL for it, and no request leaves
  await search.fill('MX Bank');
  const option = widget.getByRole('option', { name: 'MX Bank', exact: true });
  await expect(option).toBeVisible();
  await expect(option.locator('img')).toHaveCount(0);
});
