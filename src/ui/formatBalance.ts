import type { Account } from '../api/schemas';

/** A balance in the account's currency, formatted for the widget's locale. */
export function formatBalance(account: Account, locale: string): string | null {
  if (account.balance === null || account.balance === undefined) return null;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: account.currency_code ?? 'USD' }).format(
      account.balance,
    );
  } catch {
    return account.balance.toFixed(2);
  }
}
