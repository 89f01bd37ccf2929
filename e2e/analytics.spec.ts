import { expect, openHost, pickInstitution, signIn, test, uniqueUser } from './fixtures';

test('the host SDK hands the partner one pageview per screen and the user’s choices, never what was typed', async ({
  page,
}) => {
  const widget = await openHost(page);
  await pickInstitution(widget, 'MX Bank', 'MX Bank');
  const username = uniqueUser('analytics');
  await signIn(widget, 'password', username);
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();
  await widget.getByRole('button', { name: 'Done' }).click();
  const log = page.locator('#log li');
  await expect(log.filter({ hasText: /^analytics done_clicked/ })).toHaveCount(1);
  const lines = await log.allTextContents();
  expect(lines.filter((l) => l.startsWith('pageview ')).map((l) => l.slice('pageview '.length))).toEqual([
    '/search',
    '/credentials',
    '/connecting',
    '/connected',
  ]);
  const events = lines.filter((l) => l.startsWith('analytics ')).map((l) => l.split(' ')[1]);
  expect(events).toEqual(
    expect.arrayContaining(['search_submitted', 'institution_selected', 'credentials_submitted', 'done_clicked']),
  );
  const analytics = lines.filter((l) => l.startsWith('analytics ') || l.startsWith('pageview ')).join('\n');
  expect(analytics).not.toContain(username);
  expect(analytics).not.toContain('password');
});
