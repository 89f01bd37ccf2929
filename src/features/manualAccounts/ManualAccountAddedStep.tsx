import { useAccounts } from '../../api/queries';
import { useDone } from '../../embedding/useDone';
import { useFlow } from '../../flow/store';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { StepHeading } from '../../ui/StepHeading';
import { AccountList } from '../../ui/AccountList';

/** Saved: the user's manual accounts, the new one among them; done, add another, or connect one. */
export function ManualAccountAddedStep() {
  const t = useT();
  const done = useDone();
  const send = useFlow((s) => s.send);
  const accounts = useAccounts(useFlow((s) => s.memberGuid));
  return (
    <section>
      <StepHeading>{t('manual.added.heading')}</StepHeading>
      <p className="mb-3">{t('manual.added.body')}</p>
      <h2 className="text-sm font-semibold text-muted mb-1">{t('manual.added.list')}</h2>
      <AccountList accounts={accounts} errorText={t('connected.accountsError')} />
      <div className="flex flex-col gap-3">
        <Button onClick={done}>{t('connected.done')}</Button>
        <Button variant="secondary" onClick={() => send({ type: 'manualAccountChosen' })}>
          {t('manual.added.another')}
        </Button>
        <Button variant="secondary" onClick={() => send({ type: 'connectAnotherChosen' })}>
          {t('connections.another')}
        </Button>
      </div>
    </section>
  );
}
