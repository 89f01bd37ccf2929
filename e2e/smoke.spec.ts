import { expect, openHost, test } from './fixtures';

test('the host page embeds the widget and search finds MX Bank', async ({ page }) => {
  const widget = await openHost(page);
  const search = widget.getByRole('combobox', { name: 'Search for your bank or credit union' });
  await expect(search).toBeVisible();
  await search.fill('MX Bank');
  await expect(widget.getByRole('option', { name: 'MX Bank', exact: true })).toBeVisible();
});
