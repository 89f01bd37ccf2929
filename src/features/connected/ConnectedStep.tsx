import { useBankName, useCachedMemberStatus } from '../../api/queries';
import { useDone } from '../../embedding/useDone';
import { useFlow } from '../../flow/store';
import { useBackToSearch } from '../../flow/useBackToSearch';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { StepHeading } from '../../ui/StepHeading';
import { AccountList } from '../../ui/AccountList';
import { RetryAlert } from '../../ui/RetryAlert';
import { useAccounts } from '../../api/queries';
import { VerifyAccount } from './VerifyAccount';
import { useConfig } from '../../config/ConfigProvider';

export function ConnectedStep() {
  const t = useT();
  const done = useDone();
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const bank = useBankName(code);
  const manual = useCachedMemberStatus(memberGuid).data?.connection_status === null;
  const accounts = useAccounts(manual ? null : memberGuid);
  const backToSearch = useBackToSearch();
  const verification = useConfig().mode === 'verification';

  if (verification && !manual && memberGuid) {
    return (
      <section>
        <StepHeading>{t('verify.heading')}</StepHeading>
        {accounts.isLoading ? <Spinner label={t('common.loading')} /> : null}
        {accounts.isError ? (
          <RetryAlert text={t('connected.accountsError')} onRetry={() => void accounts.refetch()} />
        ) : null}
        {accounts.data ? <VerifyAccount memberGuid={memberGuid} bank={bank} accounts={accounts.data} /> : null}
      </section>
    );
  }

  return (
    <section>
      <StepHeading>{t('connected.heading')}</StepHeading>
      <p className="mb-3">{manual ? t('connected.manual', { bank }) : t('connected.body', { bank })}</p>
      {!manual ? (
        <>
          <h2 className="text-sm font-semibold text-muted mb-1">{t('connected.accounts')}</h2>
          {accounts.data && accounts.data.length === 0 ? <p className="mb-3">{t('connected.noAccounts')}</p> : null}
          <AccountList accounts={accounts} errorText={t('connected.accountsError')} />
        </>
      ) : null}
      <div className="flex flex-col gap-3">
        <Button onClick={done}>{t('connected.done')}</Button>
        <Button variant="secondary" onClick={() => backToSearch('connected')}>
          {t('connected.another')}
        </Button>
      </div>
    </section>
  );
}
