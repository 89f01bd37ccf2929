import { expect, gateAppChunk, hostEvents, openHost, returningUser, test } from './fixtures';

const loaded = async (page: import('@playwright/test').Page) =>
  (await hostEvents(page)).filter((e) => e.type === 'mx/connect/loaded');

const BOX = 'Search for your bank or credit union';

test('the search box is usable before the rest of the widget has loaded, and keeps what was typed', async ({
  page,
}) => {
  const gate = await gateAppChunk(page);
  const widget = await openHost(page);
  const box = widget.getByRole('combobox', { name: BOX });
  await expect(box).toBeEditable();
  await expect(widget.getByRole('listbox', { name: 'Popular institutions' })).toHaveAttribute('aria-busy', 'true');
  await expect(widget.getByText('Loading…')).toBeVisible();
  await box.pressSequentially('MX B');
  // the host hears "loaded" from the widget proper, which can then take its messages
  expect(await loaded(page)).toEqual([]);
  gate.release();
  const results = widget.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option', { name: 'MX Bank' }).first()).toBeVisible();
  await expect(box).toHaveValue('MX B');
  await expect(box).toBeFocused();
  expect((await loaded(page)).map((e) => e.metadata.initial_step)).toEqual(['search']);
  // typing goes on in the box that replaced the first one
  await page.keyboard.press('a');
  await expect(box).toHaveValue('MX Ba');
  await expect
    .poll(async () => (await hostEvents(page)).filter((e) => e.type === 'mx/connect/institutionSearch').length)
    .toBe(2);
  await expect(results.getByRole('option', { name: 'MX Bank' }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('heading', { name: /credentials/ })).toBeVisible();
});

test('the rest of the widget cannot load: Try again asks anew, and what was typed is still there', async ({ page }) => {
  const gate = await gateAppChunk(page);
  const widget = await openHost(page);
  const box = widget.getByRole('combobox', { name: BOX });
  await box.pressSequentially('MX');
  gate.refuse = true;
  gate.release();
  await expect(widget.getByRole('alert')).toContainText(
    'This step could not be loaded. Check your connection and try again.',
  );
  await expect(widget.getByRole('heading', { name: 'Something went wrong' })).toBeFocused();
  const asked = gate.asked;
  gate.refuse = false;
  await widget.getByRole('button', { name: 'Try again' }).click();
  await expect(box).toHaveValue('MX');
  await expect(widget.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  expect(gate.asked).toBeGreaterThan(asked);
});

test('a user with connections, or one asked for consent, is never shown the first paint’s search box', async ({
  page,
  request,
}) => {
  const returning = await returningUser(request, ['password']);
  for (const options of [{ user_guid: returning.user }, { disable_consent: '' as const }]) {
    const gate = await gateAppChunk(page);
    const widget = await openHost(page, options);
    await expect(widget.getByText('Loading…')).toBeVisible();
    await expect(widget.getByRole('combobox')).toHaveCount(0);
    gate.release();
    await expect(
      widget.getByRole('heading', {
        name: options.user_guid ? 'Your connections' : /uses MX to connect your accounts/,
      }),
    ).toBeVisible();
    await page.unrouteAll();
  }
});
