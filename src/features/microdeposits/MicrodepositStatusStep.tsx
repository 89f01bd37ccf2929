import { useEffect, useRef } from 'react';
import { isReconnecting } from '../../api/queries';
import type { Microdeposit } from './microdepositsApi';
import { useEmit } from '../../embedding/emitter';
import { useDone } from '../../embedding/useDone';
import { useFlow } from '../../flow/store';
import { useBackToSearch } from '../../flow/useBackToSearch';
import { useT } from '../../i18n/translate';
import { LoadErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { StepHeading } from '../../ui/StepHeading';
import { microdepositRowOf, type MicrodepositRow } from './microdepositStatusTable';
import { usePollMicrodeposit, useStartOver } from './useMicrodeposits';
import { VerifyAmountsForm } from './VerifyAmountsForm';

/**
 * A microdeposit after its details were sent (or resumed by current_microdeposit_guid): the
 * screen its status calls for (microdepositStatusTable.ts), polled while the status moves on by itself.
 */
export function MicrodepositStatusStep() {
  const t = useT();
  const guid = useFlow((s) => s.microdepositGuid);
  const query = usePollMicrodeposit(guid);
  const microdeposit = query.data;
  const startOver = useStartOver(microdeposit);

  if (!microdeposit) {
    if (query.isError) {
      return (
        <section>
          <StepHeading>{t('md.screen.unknown')}</StepHeading>
          <LoadErrorAlert query={query} lead={t('md.loadError')} />
          <Button variant="secondary" onClick={startOver}>
            {t('md.startOver')}
          </Button>
        </section>
      );
    }
    return <Spinner label={t('common.loading')} />;
  }
  const row = microdepositRowOf(microdeposit.status);
  return (
    <section>
      {/* a new screen (not a new poll) moves focus to its heading */}
      <StepHeading key={row.screen}>{t(`md.screen.${row.screen}`)}</StepHeading>
      {isReconnecting(query) ? <p className="text-sm text-muted mb-2">{t('common.reconnecting')}</p> : null}
      <StatusBody row={row} microdeposit={microdeposit} onStartOver={startOver} onRetry={() => void query.refetch()} />
    </section>
  );
}

function StatusBody({
  row,
  microdeposit,
  onStartOver,
  onRetry,
}: {
  row: MicrodepositRow;
  microdeposit: Microdeposit;
  onStartOver: () => void;
  onRetry: () => void;
}) {
  const t = useT();
  const done = useDone();
  const backToSearch = useBackToSearch();
  const send = useFlow((s) => s.send);
  const last4 = microdeposit.account_number ?? '';
  const message = t(row.message, { last4 });

  if (row.screen === 'verifyAmounts') {
    return <VerifyAmountsForm microdeposit={microdeposit} denied={row.code === 'DENIED'} last4={last4} />;
  }
  if (row.screen === 'verified') return <Verified microdeposit={microdeposit} message={message} onDone={done} />;
  return (
    <>
      <p className="mb-4">{message}</p>
      <div className="flex flex-col gap-3">
        {row.actions.map((action) => {
          if (action === 'continue')
            return (
              <Button key={action} onClick={() => send({ type: 'microdepositsChosen' })}>
                {t('md.continue')}
              </Button>
            );
          if (action === 'done')
            return (
              <Button key={action} onClick={done}>
                {t('md.done')}
              </Button>
            );
          if (action === 'tryAgain')
            return (
              <Button key={action} onClick={onRetry}>
                {t('common.tryAgain')}
              </Button>
            );
          return (
            <Button key={action} variant={row.actions.length > 1 ? 'secondary' : 'primary'} onClick={onStartOver}>
              {t('md.startOver')}
            </Button>
          );
        })}
        {row.screen === 'problem' ? (
          <Button variant="secondary" onClick={() => backToSearch('microdeposits')}>
            {t('md.searchInstead')}
          </Button>
        ) : null}
      </div>
    </>
  );
}

/** VERIFIED: the host hears it once per screen, with the microdeposit's guid. */
function Verified({
  microdeposit,
  message,
  onDone,
}: {
  microdeposit: Microdeposit;
  message: string;
  onDone: () => void;
}) {
  const t = useT();
  const emit = useEmit();
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current) return;
    reported.current = true;
    emit('mx/connect/microdeposits/verified', { microdeposit_guid: microdeposit.guid });
  }, [emit, microdeposit.guid]);
  return (
    <>
      <p className="mb-4">{message}</p>
      <Button onClick={onDone}>{t('md.done')}</Button>
    </>
  );
}
