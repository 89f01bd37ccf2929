import { expect, openHost, test } from './fixtures';

test('the host page embeds the widget and search finds MX Bank', async ({ page }) => {
  const widget = await openHost(page);
  const search = widget.getByRole('combobox', { name: 'Search for your bank or credit union' });
  await expect(search).toBeVisible();
  await search.fill('MX Bank');
  await expect(widget.getByRole('option', { name: 'MX Bank', exact: true })).toBeVisible();
});

test('a routing number finds its bank; nine digits that are not one are searched by name', async ({ page }) => {
  const widget = await openHost(page);
  const search = widget.getByRole('combobox', { name: 'Search for your bank or credit union' });
  await search.fill('123456789');
  await expect(
    widget.getByText('123456789 is not a valid routing number, so we searched for it by name.'),
  ).toBeVisible();
  await search.fill('123456780');
  const list = widget.getByRole('listbox', { name: 'Institutions with routing number 123456780' });
  await list.getByRole('option', { name: 'MX Bank', exact: true }).click();
  await expect(widget.getByRole('heading', { name: 'Enter your credentials' })).toBeVisible();
});

test('institution status: tiles say when a bank is not fully working; an unavailable one explains itself', async ({
  page,
}) => {
  const widget = await openHost(page);
  await widget.getByRole('combobox', { name: 'Search for your bank or credit union' }).fill('MX Bank (');
  await expect(widget.getByRole('option', { name: 'MX Bank (maintenance)' })).toContainText('Under maintenance');
  await widget.getByRole('option', { name: 'MX Bank (unavailable)' }).click();
  await expect(widget.getByRole('heading', { name: 'MX Bank (unavailable) is unavailable' })).toBeVisible();
  await widget.getByRole('button', { name: 'Back to search' }).click();
  await expect(widget.getByRole('heading', { name: 'Select your institution' })).toBeVisible();
});
