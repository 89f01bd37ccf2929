import { errorKindOf, waitAskedBy } from '../api/errors';
import { useT } from '../i18n/translate';
import { Alert } from './Alert';
import { Button } from './Button';
import { RetryCountdown } from './RetryCountdown';

/**
 * A failed request, said plainly: what the user was doing (`lead`, a catalog sentence), then
 * what happened, by the error's kind (never its text: that names paths and fields, and goes to
 * the console, api/errors.ts reportToConsole). A 429 shows the countdown, then "Try again"
 * (`onRetry`, e.g. sending the form again; without it, the screen's own button sends again).
 */
export function ErrorAlert({
  error,
  lead,
  onRetry,
  offerRetry = false,
  about = 'member',
}: {
  error: unknown;
  /** what was read or written, so a 404 names what is missing (errors.ts errorKindOf) */
  about?: 'member' | 'institution';
  lead?: string;
  onRetry?: () => void;
  /** a "Try again" link (calling `onRetry`) for every kind of failure, not only after a 429's wait */
  offerRetry?: boolean;
}) {
  const t = useT();
  const kind = errorKindOf(error, about);
  const wait = waitAskedBy(error);
  // no role="alert" around a countdown: an assertive region would read out every second
  return kind === 'rateLimited' ? (
    <Alert>
      {lead ? <p className="mb-2">{lead}</p> : null}
      <RetryCountdown key={errorId(error)} waitMs={wait} onRetry={onRetry} />
    </Alert>
  ) : (
    <Alert tone="error">
      {lead ? <p className="mb-2">{lead}</p> : null}
      <p>
        {t(`error.${kind}`, { bank: '' })}
        {offerRetry && onRetry ? (
          <>
            {' '}
            <Button variant="link" onClick={onRetry}>
              {t('common.tryAgain')}
            </Button>
          </>
        ) : null}
      </p>
    </Alert>
  );
}

/**
 * A read that failed (a query's `error`), with "Try again" reading it again (`refetch`): the one
 * load-error alert of the screens that cannot show their content without that read.
 */
export function LoadErrorAlert({
  query,
  lead,
  about,
}: {
  query: { error: unknown; refetch: () => unknown };
  lead?: string;
  about?: 'member' | 'institution';
}) {
  return <ErrorAlert error={query.error} lead={lead} about={about} onRetry={() => void query.refetch()} offerRetry />;
}

const ids = new WeakMap<object, number>();
let nextId = 0;

/** One key per error object: a second 429 starts a fresh countdown even if it asks for the same wait. */
function errorId(error: unknown): number {
  if (typeof error !== 'object' || error === null) return -1;
  const known = ids.get(error);
  if (known !== undefined) return known;
  nextId += 1;
  ids.set(error, nextId);
  return nextId;
}
