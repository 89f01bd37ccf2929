import type { UseQueryResult } from '@tanstack/react-query';
import type { Account } from '../api/schemas';
import { useT } from '../i18n/translate';
import { AccountSummary } from './AccountSummary';
import { RetryAlert } from './RetryAlert';
import { Spinner } from './Spinner';

/** A member's accounts as the success screens show them: loading, a failure with Try again, or the list. */
export function AccountList({ accounts, errorText }: { accounts: UseQueryResult<Account[]>; errorText: string }) {
  const t = useT();
  return (
    <>
      {accounts.isLoading ? <Spinner label={t('common.loading')} /> : null}
      {accounts.isError ? <RetryAlert text={errorText} onRetry={() => void accounts.refetch()} /> : null}
      <ul className="mb-4 divide-y divide-slate-300 dark:divide-slate-600">
        {(accounts.data ?? []).map((account) => (
          <li key={account.guid} className="flex py-2">
            <AccountSummary account={account} />
          </li>
        ))}
      </ul>
    </>
  );
}
