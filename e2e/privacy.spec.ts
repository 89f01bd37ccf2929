import { expect, openAtBank, test, uniqueUser } from './fixtures';
import { WIDGET_ORIGIN } from '../playwright.config';

test('after a full flow no typed password or MFA answer is kept or sent anywhere', async ({ page }) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  // every message that reaches the host window, before any SDK filtering
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenMessages: string[] }).seenMessages = seen;
    window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
  });
  const password = 'Pw-never-stored-42';
  const answer = 'correct';
  const username = uniqueUser('privacy');
  const widget = await openAtBank(page, {}, 'mxcu_fields');
  await widget.getByLabel('Member number').fill(username);
  await widget.getByLabel('Password', { exact: true }).fill(password);
  await widget.getByLabel('Branch ID').fill('12');
  await widget.getByLabel('Account type').selectOption('business');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByRole('heading', { name: 'New credentials needed' })).toBeVisible();
  await widget.getByRole('button', { name: 'Update credentials' }).click();
  await widget.getByLabel('Member number').fill(username);
  await widget.getByLabel('Password', { exact: true }).fill('challenge');
  await widget.getByLabel('Branch ID').fill('12');
  await widget.getByLabel('Account type').selectOption('business');
  await widget.getByRole('button', { name: 'Continue' }).click();
  await widget.getByRole('textbox', { name: /What city/ }).fill(answer);
  await widget.getByRole('button', { name: 'Continue' }).click();
  await expect(widget.getByRole('heading', { name: 'Success!' })).toBeVisible();

  const frame = page.frames().find((f) => f.url().startsWith(WIDGET_ORIGIN));
  if (!frame) throw new Error('widget frame not found');
  const stored = await frame.evaluate(async () => {
    const dump = (storage: Storage) => JSON.stringify(Object.entries({ ...storage }));
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return [
      dump(localStorage),
      dump(sessionStorage),
      document.cookie,
      JSON.stringify(databases),
      location.href,
      document.body.innerHTML,
    ];
  });
  const messages = await page.evaluate(() => (window as unknown as { seenMessages: string[] }).seenMessages);
  expect(messages.length).toBeGreaterThan(5);
  const cookies = JSON.stringify(await page.context().cookies());
  const everywhere = [...stored, ...messages, ...console, cookies, frame.url(), page.url()].join('\n');
  expect(everywhere).not.toContain(password);
  expect(everywhere).not.toContain('"challenge"');
  expect(everywhere).not.toContain(`"${answer}"`);
});
