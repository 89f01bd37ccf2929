import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { accountSchema } from '../api/schemas';
import { LOCALES } from '../i18n/allLocales';
import { createTranslator, LocaleContext, TranslateContext, type Catalog } from '../i18n/translate';
import { AccountSummary } from './AccountSummary';

function show(locale: string, catalog: Catalog, fields: { name: string; type: string; number: string }) {
  const account = v.parse(accountSchema, {
    guid: 'ACT-1',
    name: fields.name,
    type: fields.type,
    account_number: fields.number,
    balance: 1234.5,
    currency_code: 'USD',
  });
  render(
    <LocaleContext.Provider value={locale}>
      <TranslateContext.Provider value={createTranslator(catalog)}>
        <AccountSummary account={account} />
      </TranslateContext.Provider>
    </LocaleContext.Provider>,
  );
}

describe('an account as the success list and the verification picker show it', () => {
  it('names its type and last four on a line of their own, in the user’s language, beside the balance', () => {
    show('es', LOCALES.es, { name: 'MX Bank Checking', type: 'CHECKING', number: '000012345678' });
    expect(screen.getByText('Cuenta corriente · ****5678')).toBeVisible();
    expect(screen.getByText('1234,50 US$')).toBeVisible();
  });

  it('says the type once when the name already says it, and keeps the whole name', () => {
    const long = `${'MXBankOfTheVeryLongSingleWordName'.repeat(2)} Checking`;
    show('en', LOCALES.en, { name: long, type: 'CHECKING', number: '****1234' });
    expect(screen.getByText('****1234')).toBeVisible();
    expect(screen.getByText(long)).not.toHaveClass('truncate');
  });

  it('a type the catalog does not know leaves the last four alone', () => {
    show('en', LOCALES.en, { name: 'Joint', type: 'SOMETHING_NEW', number: '****9876' });
    expect(screen.getByText('****9876')).toBeVisible();
  });
});
