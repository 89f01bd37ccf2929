import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connectMxBank, renderWidget, SANDBOX_TIME, type Rendered } from '../../test/renderWidget';

async function searchFor(w: Rendered, query: string) {
  await w.user.type(await screen.findByRole('combobox', { name: 'Search for your bank or credit union' }), query);
  await screen.findByRole('button', { name: 'Add an account manually' });
}

const FORM_WORDS = {
  en: { search: /Search for your bank/, add: 'Add an account manually', type: 'Account type', name: 'Account name' },
  es: {
    search: /banco o cooperativa/,
    add: 'Agregar una cuenta manualmente',
    type: 'Tipo de cuenta',
    name: 'Nombre de la cuenta',
  },
  'fr-CA': { search: /Cherchez/, add: 'Ajouter un compte manuellement', type: 'Type de compte', name: 'Nom du compte' },
};
const SAVE_WORDS = {
  en: { balance: 'Current balance', save: 'Add account' },
  es: { balance: 'Saldo actual', save: 'Agregar cuenta' },
  'fr-CA': { balance: 'Solde actuel', save: 'Ajouter le compte' },
};
type SaveWords = (typeof SAVE_WORDS)[keyof typeof SAVE_WORDS];

/** The manual form in `locale`, reached from a search with no results, with a type and a name. */
async function openForm(locale: keyof typeof FORM_WORDS, type: string, name: string) {
  const words = FORM_WORDS[locale];
  const w = await renderWidget({ params: { locale } });
  await w.user.type(await screen.findByRole('combobox', { name: words.search }), 'zzzz');
  await w.user.click(await screen.findByRole('button', { name: words.add }));
  await w.user.selectOptions(await screen.findByRole('combobox', { name: words.type }), type);
  await w.user.type(screen.getByLabelText(words.name), name);
  return { w, words: SAVE_WORDS[locale] };
}

async function saveWithBalance(w: Rendered, words: SaveWords, balance: string) {
  await w.user.clear(screen.getByLabelText(words.balance));
  await w.user.type(screen.getByLabelText(words.balance), balance);
  await w.user.click(screen.getByRole('button', { name: words.save }));
}

const postedAccount = async (w: Rendered) =>
  (await w.server.log()).find((e) => e.method === 'POST' && e.path.endsWith('/accounts'))?.body;

describe('manual accounts', () => {
  it('from search results: type-dependent fields, checks, then saved under the manual member', async () => {
    const w = await renderWidget();
    await searchFor(w, 'zzzz no such bank');
    await w.user.click(await screen.findByRole('button', { name: 'Add an account manually' }));
    await screen.findByRole('heading', { name: 'Add an account manually' });

    await w.user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText('Account type is required.')).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Account type' })).toHaveFocus();
    expect(screen.getByText('Account name is required.')).toBeVisible();
    expect(screen.getByText('Current balance is required.')).toBeVisible();

    // a card asks for its limit, rate, minimum payment and due day; checking asks for none
    await w.user.selectOptions(screen.getByRole('combobox', { name: 'Account type' }), 'Checking');
    expect(screen.queryByLabelText('Credit limit')).toBeNull();
    await w.user.selectOptions(screen.getByRole('combobox', { name: 'Account type' }), 'Credit card');
    await w.user.type(screen.getByLabelText('Account name'), 'Travel card');
    await w.user.type(screen.getByLabelText('Current balance'), '1,234.5');
    await w.user.type(screen.getByLabelText('Credit limit'), '1,000,000,000,000');
    await w.user.type(screen.getByLabelText('Interest rate (%)'), '120');
    await w.user.type(screen.getByLabelText('Payment due day (1–31)'), '0');
    await w.user.click(screen.getByRole('radio', { name: 'Business' }));
    await w.user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByText('Credit limit can be at most 999,999,999,999.')).toBeVisible();
    expect(screen.getByText('Interest rate must be a number from 0 to 100.')).toBeVisible();
    expect(screen.getByText('Payment due day must be a whole number from 1 to 31.')).toBeVisible();
    expect(screen.getByLabelText('Interest rate (%)')).toHaveFocus();

    await w.user.clear(screen.getByLabelText('Credit limit'));
    await w.user.type(screen.getByLabelText('Credit limit'), '5,000');
    await w.user.clear(screen.getByLabelText('Interest rate (%)'));
    await w.user.type(screen.getByLabelText('Interest rate (%)'), '19.99');
    await w.user.clear(screen.getByLabelText('Payment due day (1–31)'));
    await w.user.type(screen.getByLabelText('Payment due day (1–31)'), '15');
    await w.user.click(screen.getByRole('button', { name: 'Add account' }));

    await screen.findByRole('heading', { name: 'Account added' });
    expect(await screen.findByText('Travel card')).toBeVisible();
    expect(screen.getByText('$1,234.50')).toBeVisible();
    const posted = (await w.server.log()).find((e) => e.method === 'POST' && e.path.endsWith('/accounts'));
    expect(posted?.body).toEqual({
      account: {
        name: 'Travel card',
        account_type: 'CREDIT_CARD',
        balance: 1234.5,
        credit_limit: 5000,
        interest_rate: 19.99,
        day_payment_is_due: 15,
        is_business: true,
      },
    });
    expect(w.messages.find((m) => m.name === 'manual_account_added')?.metadata).toMatchObject({
      account_type: 'CREDIT_CARD',
    });
  });

  it('reads the balance the way the locale writes it (fr-CA)', async () => {
    const { w, words } = await openForm('fr-CA', 'Épargne', 'Coussin');
    await saveWithBalance(w, words, '12 345,67');
    await screen.findByRole('heading', { name: 'Compte ajouté' });
    expect(await postedAccount(w)).toMatchObject({ account: { balance: 12345.67, account_type: 'SAVINGS' } });
  });

  it('reads a balance copied from a US statement in Spanish, and asks when it cannot tell', async () => {
    const { w, words } = await openForm('es', 'Cuenta corriente', 'Nómina');
    await saveWithBalance(w, words, '1,234');
    expect(await screen.findByText('«1,234» puede significar 1,234 o 1234. Para 1234, escriba 1234,00.')).toBeVisible();
    expect(screen.getByLabelText(words.balance)).toHaveFocus();
    await saveWithBalance(w, words, '1234.56');
    await screen.findByRole('heading', { name: 'Cuenta agregada' });
    expect(await postedAccount(w)).toMatchObject({ account: { balance: 1234.56, account_type: 'CHECKING' } });
  });

  it('an overdrawn balance (en: -$12.50) is kept below zero; an ambiguous one says both readings', async () => {
    const { w, words } = await openForm('en', 'Checking', 'Everyday');
    await saveWithBalance(w, words, '1.500');
    expect(await screen.findByText('“1.500” could mean 1.500 or 1,500. For 1,500, write 1,500.00.')).toBeVisible();
    await saveWithBalance(w, words, '-$12.50');
    await screen.findByRole('heading', { name: 'Account added' });
    expect(await postedAccount(w)).toMatchObject({ account: { balance: -12.5 } });
  });

  it('from the DISCONTINUED screen; a failed save keeps everything typed', async () => {
    const w = await renderWidget();
    await connectMxBank(w, 'discontinued');
    await w.server.advance(SANDBOX_TIME.nextStep);
    await w.user.click(await screen.findByRole('button', { name: 'Add an account manually' }));
    await w.server.request('POST', '/mock/faults', {
      rules: [{ route: 'POST /users/*/accounts', kind: 'status', status: 503, count: 1 }],
    });
    await w.user.selectOptions(await screen.findByRole('combobox', { name: 'Account type' }), 'Mortgage');
    await w.user.type(screen.getByLabelText('Account name'), 'House');
    await w.user.type(screen.getByLabelText('Current balance'), '250000');
    await w.user.type(screen.getByLabelText('Original balance'), '300000');
    await w.user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not add the account.');
    expect(screen.getByLabelText('Account name')).toHaveValue('House');
    expect(screen.getByLabelText('Original balance')).toHaveValue('300000');
    await w.user.click(screen.getByRole('button', { name: 'Add account' }));
    await screen.findByRole('heading', { name: 'Account added' });
    // the manual member now shows in "Your connections"
    await w.user.click(screen.getByRole('button', { name: 'Connect another account' }));
    await screen.findByRole('combobox', { name: 'Search for your bank or credit union' });
  });

  it('the manual member shows in your connections as manual, with its accounts behind it', async () => {
    const first = await renderWidget();
    await first.server.request('POST', `/api/users/${first.userGuid}/accounts`, {
      account: { name: 'Wallet', account_type: 'CASH', balance: 20 },
    });
    first.view.unmount();
    await renderWidget({ server: first.server, userGuid: first.userGuid });
    const manual = await screen.findByRole('listitem', { name: 'Manual accounts' });
    await waitFor(() => expect(within(manual).getByText('Manual')).toBeVisible());
    expect(within(manual).getByText('Added by hand; not updated automatically.')).toBeVisible();
  });
});
