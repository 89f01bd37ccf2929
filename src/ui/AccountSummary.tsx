import type { Account } from '../api/schemas';
import { useLocale, useT } from '../i18n/translate';
import { formatBalance } from './formatBalance';

/**
 * One account as both the connected list and the verification picker show it. The name wraps
 * (never cut), and what tells two accounts apart (type, last four digits, balance) sits on its
 * own line that nothing truncates (the type unless the name already says it), so checking and
 * savings stay distinct in a 320 px frame.
 */
export function AccountSummary({ account }: { account: Account }) {
  const t = useT();
  const locale = useLocale();
  const typeKey = `manual.type.${(account.type ?? '').toUpperCase()}`;
  const typeName = t.has(typeKey) ? t(typeKey) : null;
  // said once: a name such as "MX Bank Checking" already carries it, and it wraps whole
  const type = typeName && !account.name.toLowerCase().includes(typeName.toLowerCase()) ? typeName : null;
  return (
    <span className="min-w-0 flex-1">
      <span className="block font-medium">{account.name}</span>
      <span className="flex flex-wrap justify-between gap-x-3 text-sm">
        <span className="text-muted">{[type, account.account_number].filter(Boolean).join(' · ')}</span>
        <span className="whitespace-nowrap">{formatBalance(account, locale)}</span>
      </span>
    </span>
  );
}
