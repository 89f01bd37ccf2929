import type { ErrorKind } from '../api/errors';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { LazyRetryCountdown } from '../ui/LazyRetryCountdown';
import { StepHeading } from '../ui/StepHeading';

/**
 * A read the first screen needs (the member or institution the URL names) failed after its
 * retries, in a way that may pass: what happened, and "Try again" (after the countdown for a 429).
 */
export function StartFailed({
  kind,
  waitMs,
  retry,
  bank,
}: {
  kind: ErrorKind;
  waitMs: number | undefined;
  retry: () => void;
  bank: string;
}) {
  const t = useT();
  if (kind === 'rateLimited') {
    return (
      <section className="mx-auto w-full max-w-xl p-4">
        <StepHeading>{t('error.rateLimited.heading')}</StepHeading>
        <LazyRetryCountdown waitMs={waitMs} onRetry={retry} />
      </section>
    );
  }
  return (
    <section className="mx-auto w-full max-w-xl p-4">
      <StepHeading>{t('error.heading')}</StepHeading>
      <p className="mb-4">{t(`error.${kind}`, { bank })}</p>
      <Button onClick={retry}>{t('common.tryAgain')}</Button>
    </section>
  );
}
