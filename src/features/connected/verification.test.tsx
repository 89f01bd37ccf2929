import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connectMxBank, renderWidget, untilSettled } from '../../test/renderWidget';

describe('verification mode', () => {
  it('searches only institutions that support account verification', async () => {
    const w = await renderWidget({ params: { mode: 'verification' } });
    await w.user.type(await screen.findByRole('combobox'), 'bank');
    await screen.findByText(/institutions? found$/);
    const log = await w.server.log();
    const searches = log.filter((e) => e.path === '/institutions');
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((e) => e.query?.includes('supports_account_verification=true'))).toBe(true);
    const all = await w.server.request('GET', '/api/institutions?name=bank&records_per_page=1');
    const verifiable = await w.server.request(
      'GET',
      '/api/institutions?name=bank&records_per_page=1&supports_account_verification=true',
    );
    const total = (res: typeof all) => (res.json as { pagination: { total_entries: number } }).pagination.total_entries;
    expect(total(verifiable)).toBeLessThan(total(all));
    expect(screen.getByText(`${total(verifiable).toLocaleString('en')} institutions found`)).toBeInTheDocument();
  });

  it('lists only popular institutions that can verify, without a filter MX does not define on favorites', async () => {
    const w = await renderWidget({ params: { mode: 'verification' } });
    const popular = await screen.findByRole('listbox', { name: 'Popular institutions' });
    await within(popular).findByRole('option', { name: 'MX Bank' });
    expect(within(popular).queryByRole('option', { name: /Discontinued/ })).toBeNull();
    const favorites = (await w.server.log()).filter((e) => e.path === '/institutions/favorites');
    expect(favorites.length).toBeGreaterThan(0);
    expect(favorites.every((e) => !e.query?.includes('supports_account_verification'))).toBe(true);
  });

  it('lists checking and savings with masked numbers, and reports the one picked', async () => {
    const w = await renderWidget({ params: { mode: 'verification' } });
    await connectMxBank(w, 'password');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Choose an account' }));
    const group = await screen.findByRole('group', { name: 'Accounts that can be verified' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(group).toHaveTextContent(/\*{4}\d{4}/);
    expect(group).not.toHaveTextContent('Credit Card');
    await w.user.click(screen.getByRole('button', { name: 'Use this account' }));
    expect(group).toHaveAccessibleDescription('Choose an account first.');
    expect(radios[0]).toHaveFocus();
    await w.user.click(within(group).getByRole('radio', { name: /Savings/ }));
    await w.user.click(screen.getByRole('button', { name: 'Use this account' }));
    // the list and its button are gone: the user lands on the sentence naming the account
    const chosen = await screen.findByText(/You chose MX Bank Savings \*{4}\d{4}\./);
    expect(document.activeElement).not.toBe(document.body);
    expect(chosen).toHaveFocus();
    const selected = w.messages.find((m) => m.type === 'connect-widget/accountSelected');
    expect(selected?.mx).toBeUndefined();
    expect(selected?.metadata).toMatchObject({
      member_guid: expect.stringMatching(/^MBR-/),
      account_guid: expect.stringMatching(/^ACT-/),
    });
    await w.user.click(screen.getByRole('button', { name: 'Done' }));
    expect(w.events('mx/connect/connected/primaryAction')).toHaveLength(1);
  });

  it('a member with no usable account emits invalidData and says why', async () => {
    const w = await renderWidget({ params: { mode: 'verification' } });
    await connectMxBank(w, 'no_checking');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Choose an account' }));
    await screen.findByText(/None of your MX Bank accounts can be used for payments/);
    await waitFor(() => expect(w.events('mx/connect/invalidData')).toHaveLength(1));
    expect(w.events('mx/connect/invalidData')[0]?.metadata).toMatchObject({
      code: 1,
      member_guid: expect.stringMatching(/^MBR-/),
    });
    await w.user.click(screen.getByRole('button', { name: 'Connect another account' }));
    await screen.findByRole('heading', { name: 'Select your institution' });
  });

  it('aggregation stays the default: all accounts, no picking', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'password');
    await untilSettled(w, () => screen.getByRole('heading', { name: 'Success!' }));
    await screen.findByText('MX Bank Rewards Credit Card');
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
