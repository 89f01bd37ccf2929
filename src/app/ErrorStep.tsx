import { endsSession } from '../api/errors';
import { useBankName, useForgetMemberStatus } from '../api/queries';
import { useFlow } from '../flow/store';
import { useBackToSearch } from '../flow/useBackToSearch';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { LazyRetryCountdown } from '../ui/LazyRetryCountdown';
import { StepHeading } from '../ui/StepHeading';

/** A request that could not be retried: say what happened and offer a way back. */
export function ErrorStep() {
  const t = useT();
  const kind = useFlow((s) => s.errorKind) ?? 'server';
  const memberGuid = useFlow((s) => s.memberGuid);
  const send = useFlow((s) => s.send);
  const forgetMemberStatus = useForgetMemberStatus();
  const backToSearch = useBackToSearch();
  const bank = useBankName(useFlow((s) => s.institutionCode));
  const waitMs = useFlow((s) => s.errorWaitMs);
  const canRetry = memberGuid !== null && kind !== 'notFound' && !endsSession(kind);
  const heading =
    kind === 'tooLong'
      ? 'error.tooLong.heading'
      : kind === 'sessionExpired'
        ? 'error.sessionExpired.heading'
        : kind === 'sessionRefused'
          ? 'error.sessionRefused.heading'
          : kind === 'rateLimited'
            ? 'error.rateLimited.heading'
            : kind === 'institutionNotFound'
              ? 'error.institutionNotFound.heading'
              : 'error.heading';
  // in a frame there is no window of ours to close and no control to start again: the host was
  // told (sessionExpired) and the words say so; a window of its own (a popup, a WebView) can be closed
  const ownWindow = window.top === window.self;
  const windowKey = `error.${kind}.window`;
  const retry = () => {
    if (memberGuid === null) return;
    forgetMemberStatus(memberGuid);
    send({ type: 'retryChosen' });
  };

  return (
    <section>
      <StepHeading>{t(heading)}</StepHeading>
      {kind === 'rateLimited' && canRetry ? (
        <div className="mb-3">
          <LazyRetryCountdown waitMs={waitMs ?? undefined} onRetry={retry} />
        </div>
      ) : (
        <p className="mb-4">{t(ownWindow && t.has(windowKey) ? windowKey : `error.${kind}`, { bank })}</p>
      )}
      <div className="flex flex-col gap-3">
        {canRetry && kind !== 'rateLimited' ? <Button onClick={retry}>{t('common.tryAgain')}</Button> : null}
        {/* without a session nothing here can work: the partner's app opens a new one */}
        {endsSession(kind) ? null : (
          <Button variant="secondary" onClick={() => backToSearch('error')}>
            {t('common.backToSearch')}
          </Button>
        )}
      </div>
    </section>
  );
}
