import { describe, expect, it } from 'vitest';
import { checkDraft, EMPTY_DRAFT } from './manualAccountForm';

describe('the manual account form', () => {
  it('needs a type, a name and a balance', () => {
    expect(checkDraft(EMPTY_DRAFT, 'en')).toEqual({
      ok: false,
      problems: { account_type: 'required', name: 'required', balance: 'required' },
    });
  });

  it('sends only the fields of the chosen type, read in the locale', () => {
    const draft = {
      ...EMPTY_DRAFT,
      account_type: 'CREDIT_CARD',
      name: ' Travel card ',
      balance: '1 234,50',
      credit_limit: '5 000',
      interest_rate: '19,99',
      original_balance: '999',
      day_payment_is_due: '15',
    };
    expect(checkDraft(draft, 'fr-CA')).toEqual({
      ok: true,
      input: {
        account_type: 'CREDIT_CARD',
        name: 'Travel card',
        balance: 1234.5,
        credit_limit: 5000,
        interest_rate: 19.99,
        day_payment_is_due: 15,
        is_business: false,
      },
    });
  });

  it('refuses balances over 999,999,999,999, rates over 100 and days outside 1–31', () => {
    const draft = {
      ...EMPTY_DRAFT,
      account_type: 'LOAN',
      name: 'Car',
      balance: '1,000,000,000,000',
      interest_rate: '101',
      day_payment_is_due: '32',
      minimum_payment: 'lots',
    };
    expect(checkDraft(draft, 'en')).toEqual({
      ok: false,
      problems: { balance: 'tooLarge', interest_rate: 'rate', day_payment_is_due: 'dueDay', minimum_payment: 'amount' },
    });
    expect(
      checkDraft(
        { ...draft, balance: '999,999,999,999', interest_rate: '', day_payment_is_due: '', minimum_payment: '' },
        'en',
      ).ok,
    ).toBe(true);
  });

  it('a balance may be below zero (overdrawn), a limit may not; an ambiguous amount is its own problem', () => {
    const draft = { ...EMPTY_DRAFT, account_type: 'CREDIT_CARD', name: 'Card', balance: '(12.50)', credit_limit: '-5' };
    expect(checkDraft(draft, 'en')).toEqual({ ok: false, problems: { credit_limit: 'amount' } });
    expect(checkDraft({ ...draft, credit_limit: '' }, 'en')).toMatchObject({ ok: true, input: { balance: -12.5 } });
    expect(checkDraft({ ...draft, credit_limit: '', balance: '1,234' }, 'es')).toEqual({
      ok: false,
      problems: { balance: { ok: false, problem: 'ambiguous', text: '1,234', asDecimal: 1.234, asGrouped: 1234 } },
    });
    // a rate of 1234 % cannot be meant: "1.234" is read as 1.234 %
    expect(checkDraft({ ...draft, credit_limit: '', interest_rate: '1.234' }, 'en')).toMatchObject({
      ok: true,
      input: { interest_rate: 1.234 },
    });
  });
});
