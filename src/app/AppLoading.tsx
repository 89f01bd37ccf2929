import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { Spinner } from '../ui/Spinner';
import { STEP_HEADING_CLASS } from '../ui/stepHeadingClass';

/** While the widget's own chunk loads where no first paint shows (main.tsx). */
export function Loading() {
  const t = useT();
  return (
    <div className="mx-auto w-full max-w-xl p-4">
      <Spinner label={t('common.loading')} />
    </div>
  );
}

/**
 * The widget's own chunk could not load (main.tsx): the network or a deploy, so trying again may
 * work. Try again asks the network again; the page is not reloaded (that would lose the session
 * token, which lives in memory only). The heading takes focus only when the user is in the widget
 * (the first paint's box they were typing in is gone).
 */
export function AppUnavailable({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // one load at a time: each press would otherwise mount a widget of its own (main.tsx gives a
  // failed retry a fresh screen, so the button comes back)
  const [trying, setTrying] = useState(false);
  useEffect(() => {
    if (document.hasFocus()) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="mx-auto w-full max-w-xl p-4">
      <main>
        <section role="alert">
          <h1 ref={heading} tabIndex={-1} className={STEP_HEADING_CLASS}>
            {t('error.heading')}
          </h1>
          <p className="mb-4">{t('error.screenUnavailable')}</p>
          {/* aria-disabled, not disabled: a disabled button drops the user's focus onto the page */}
          <Button
            aria-disabled={trying}
            onClick={() => {
              if (trying) return;
              setTrying(true);
              onRetry();
            }}
          >
            {trying ? t('common.loading') : t('common.tryAgain')}
          </Button>
        </section>
      </main>
    </div>
  );
}
