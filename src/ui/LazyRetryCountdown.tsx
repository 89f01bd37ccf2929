import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import type { RetryCountdown } from './RetryCountdown';

type Props = ComponentProps<typeof RetryCountdown>;

// a 429 is rare and means the server answers, so the countdown's code loads only then (it keeps the
// first bundle within its budget); if it cannot load, the screen's heading and way back remain
const Countdown = lazy<ComponentType<Props>>(() =>
  import('./RetryCountdown').then(
    (m) => ({ default: m.RetryCountdown }),
    () => ({ default: () => null }),
  ),
);

/** RetryCountdown for the screens in the first bundle (the error step, a failed start). */
export function LazyRetryCountdown(props: Props) {
  return (
    <Suspense fallback={null}>
      <Countdown {...props} />
    </Suspense>
  );
}
