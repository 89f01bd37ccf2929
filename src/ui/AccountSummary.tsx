import type { Account } from '../api/schemas';
import { useLocale } from '../i18n/translate';
import { formatBalance } from './formatBalance';

/** One account as both the connected list and the verification picker show it. */
export function AccountSummary({ account }: { account: Account }) {
  const locale = useLocale();
  return (
    <>
      <span className="min-w-0 flex-1">
        <span className="block truncate">{account.name}</span>
        {account.account_number ? <span className="block text-sm text-muted">{account.account_number}</span> : null}
      </span>
      <span className="shrink-0">{formatBalance(account, locale)}</span>
    </>
  );
}
