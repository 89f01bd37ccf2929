import { isReconnecting, useBankName, useCachedMemberStatus } from '../../api/queries';
import { useFlow } from '../../flow/store';
import { useBackToSearch } from '../../flow/useBackToSearch';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { StepHeading } from '../../ui/StepHeading';
import { statusRowOf, statusWords } from '../../connectionStatus/statusTable';

export function ConnectingStep() {
  const t = useT();
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const bank = useBankName(code);
  const query = useCachedMemberStatus(memberGuid);
  const backToSearch = useBackToSearch();
  const send = useFlow((s) => s.send);
  const name = query.data?.connection_status ?? 'CREATED';
  const reconnecting = isReconnecting(query);
  const delayed = name === 'DELAYED';
  const isOauth = useFlow((s) => s.isOauth);
  const words = statusWords(statusRowOf(name), isOauth);

  return (
    <section>
      <StepHeading>{t(words.heading, { bank })}</StepHeading>
      <div aria-busy="true">
        <Spinner label={reconnecting ? t('common.reconnecting') : t(words.message, { bank })} />
      </div>
      {reconnecting ? (
        // a server may ask for a long wait (Retry-After): the user need not sit through it
        <Button variant="secondary" className="mt-4" onClick={() => send({ type: 'failed', errorKind: 'network' })}>
          {t('common.stopWaiting')}
        </Button>
      ) : null}
      {delayed ? (
        <Button variant="secondary" className="mt-4" onClick={() => backToSearch('delayed')}>
          {t('connecting.doneLater')}
        </Button>
      ) : null}
    </section>
  );
}
