import { useBankName, useCachedMemberStatus, useForgetMemberStatus, useInstitution } from '../../api/queries';
import { safeUrl } from '../../api/safeUrl';
import { useConfig } from '../../config/ConfigProvider';
import { useFlow } from '../../flow/store';
import { useBackToSearch } from '../../flow/useBackToSearch';
import { useT } from '../../i18n/translate';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button, linkButtonClass } from '../../ui/Button';
import { ExternalLink } from '../../ui/ExternalLink';
import { StepHeading } from '../../ui/StepHeading';
import { statusRowOf, statusWords, type StatusAction } from '../../connectionStatus/statusTable';
import { useAggregate } from '../../connectionStatus/useAggregate';

/** The loginError step: the end-user message for the status and the actions its class calls for. */
export function StatusStep() {
  const t = useT();
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const isOauth = useFlow((s) => s.isOauth);
  const send = useFlow((s) => s.send);
  const bank = useBankName(code);
  const bankSite = safeUrl(useInstitution(code).data?.url);
  const status = useCachedMemberStatus(memberGuid).data;
  const forgetStatus = useForgetMemberStatus();
  const aggregate = useAggregate();
  const backToSearch = useBackToSearch();
  const verification = useConfig().mode === 'verification';
  const row = statusRowOf(status?.connection_status);
  const words = statusWords(row, isOauth);

  const tryAgain = () => {
    if (!memberGuid) return;
    aggregate.mutate(memberGuid, {
      onSuccess: () => {
        forgetStatus(memberGuid);
        send({ type: 'retryChosen', notice: row.statusClass === 'mfaProblem' ? row.name : null });
      },
    });
  };

  const render = (action: StatusAction) => {
    switch (action) {
      case 'updateCredentials':
        return isOauth ? (
          <Button key={action} onClick={() => code && send({ type: 'institutionChosen', code, next: 'oauth' })}>
            {t('status.action.tryAgain')}
          </Button>
        ) : (
          <Button key={action} onClick={() => send({ type: 'updateCredentialsChosen' })}>
            {t('status.action.updateCredentials')}
          </Button>
        );
      case 'tryAgain':
        return (
          <Button key={action} onClick={tryAgain} disabled={aggregate.isPending}>
            {t('status.action.tryAgain')}
          </Button>
        );
      case 'visitBank':
        return bankSite ? (
          <ExternalLink key={action} className={linkButtonClass} href={bankSite}>
            {t('status.action.visitBank', { bank })}
          </ExternalLink>
        ) : null;
      case 'addManualAccount':
        // a manual account verifies nothing: offered in aggregation mode only
        return verification ? null : (
          <Button key={action} variant="secondary" onClick={() => send({ type: 'manualAccountChosen' })}>
            {t('status.action.addManualAccount')}
          </Button>
        );
      case 'backToSearch':
        return (
          <Button key={action} variant="secondary" onClick={() => backToSearch(row.name ?? undefined)}>
            {t('status.action.backToSearch')}
          </Button>
        );
    }
  };

  return (
    <section>
      <StepHeading>{t(words.heading, { bank })}</StepHeading>
      <p className="mb-4">{t(words.message, { bank })}</p>
      {aggregate.error ? <ErrorAlert error={aggregate.error} /> : null}
      <div className="flex flex-col gap-3">{row.actions.map(render)}</div>
    </section>
  );
}
