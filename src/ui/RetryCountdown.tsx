import { useEffect, useState } from 'react';
import { plural } from '../i18n/plural';
import { useLocale, useT, type Translate } from '../i18n/translate';
import { Button } from './Button';

const SECOND_MS = 1_000;
/** a 429 without a (readable) Retry-After still waits a little before "Try again" */
const DEFAULT_WAIT_MS = 5_000;

/**
 * "Too many attempts: try again in N seconds", N counting down live, then "Try again". The
 * button is there from the start but disabled until the wait is over. Screen readers hear the
 * wait once when it starts and once when it ends (a polite status), never every second.
 *
 * `waitMs`: how long the server asked the widget to wait (ms), already read and clamped from its
 * Retry-After (api/errors.ts retryAfterMs), or DEFAULT_WAIT_MS when it sent none. A new wait needs a new instance (key it by the error).
 * Without `onRetry` there is no button: the screen's own (a form's submit) sends again.
 */
export function RetryCountdown({ waitMs = DEFAULT_WAIT_MS, onRetry }: { waitMs?: number; onRetry?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [endsAt] = useState(() => Date.now() + waitMs);
  const [startText] = useState(() => waitMessage(t, locale, Math.ceil(waitMs / SECOND_MS)));
  // a new object at every tick, so a timer that fires a hair early (the clock still a second short)
  // still re-arms the next one rather than leaving the countdown stuck at "1 second"
  const [clock, setClock] = useState(() => ({ left: Math.ceil(waitMs / SECOND_MS) }));
  const { left } = clock;
  const [regionReady, setRegionReady] = useState(false);

  useEffect(() => {
    // the region is in the page before its text arrives, so the start is announced
    const timer = setTimeout(() => setRegionReady(true), 0);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (left <= 0) return;
    // read from the clock, not counted: a throttled background tab catches up when it wakes
    const timer = setTimeout(
      () => setClock({ left: Math.max(0, Math.ceil((endsAt - Date.now()) / SECOND_MS)) }),
      Math.min(SECOND_MS, Math.max(0, endsAt - Date.now())),
    );
    return () => clearTimeout(timer);
  }, [clock, left, endsAt]);

  // two announcements only: the wait as it starts, and its end
  const announcement = regionReady ? (left > 0 ? startText : t('retryWait.over')) : '';
  return (
    <div>
      <p className="mb-3">{left > 0 ? waitMessage(t, locale, left) : t('retryWait.over')}</p>
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
      {onRetry ? (
        <Button disabled={left > 0} onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      ) : null}
    </div>
  );
}

function waitMessage(t: Translate, locale: string, seconds: number): string {
  return plural(t, locale, 'retryWait', seconds);
}
