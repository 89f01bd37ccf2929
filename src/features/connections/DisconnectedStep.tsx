import { useMembers } from '../../api/queries';
import { useFlow } from '../../flow/store';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { StepHeading } from '../../ui/StepHeading';

/** After a disconnect: it is done; back to the remaining connections, or connect another. */
export function DisconnectedStep() {
  const t = useT();
  const send = useFlow((s) => s.send);
  const remaining = useMembers().data?.length ?? 0;
  return (
    <section>
      <StepHeading>{t('disconnected.heading')}</StepHeading>
      <p className="mb-4">{t('disconnected.body')}</p>
      <div className="flex flex-col gap-3">
        {remaining > 0 ? (
          <Button onClick={() => send({ type: 'connectionsChosen' })}>{t('disconnected.backToConnections')}</Button>
        ) : null}
        <Button
          variant={remaining > 0 ? 'secondary' : 'primary'}
          onClick={() => send({ type: 'connectAnotherChosen' })}
        >
          {t('connections.another')}
        </Button>
      </div>
    </section>
  );
}
