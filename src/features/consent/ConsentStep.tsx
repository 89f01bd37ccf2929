import { useCallback, useEffect, useRef, useState } from 'react';
import { safeUrl } from '../../api/safeUrl';
import type { ConsentScope } from '../../../sdk/src/contract/events';
import { useConfig } from '../../config/ConfigProvider';
import { useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useClientText } from '../../i18n/clientText';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { ExternalLink } from '../../ui/ExternalLink';
import { StepHeading } from '../../ui/StepHeading';
import { useMoveFocus } from '../../ui/focus';

/** What the partner will receive, by mode; identity only when the partner asks for it. */
function scopeOf(mode: 'aggregation' | 'verification', identity: boolean): ConsentScope[] {
  const base: ConsentScope[] =
    mode === 'verification' ? ['account_numbers', 'balances'] : ['account_details', 'balances', 'transactions'];
  return identity ? [...base, 'identity'] : base;
}

/** The text scrolls in its own box only from this frame width up; below it the page scrolls. */
const BOXED =
  'min-[30rem]:max-h-72 min-[30rem]:overflow-y-scroll min-[30rem]:border min-[30rem]:border-slate-400 min-[30rem]:p-3';

/**
 * Before anything is shared: what the partner's app receives, how it is protected, how long the
 * consent lasts and how to revoke it. "I agree" waits until the text has been seen (scrolled to
 * its end, or it fits); both answers reach the host as a record it can keep.
 *
 * Nobody is stuck behind that wait: in a narrow frame (a phone) there is no inner scroll box, so
 * the text is simply above the buttons; in a wider one the box shows its scrollbar and a fade
 * while more follows, "Show the rest" opens it whole, and "I agree" looks disabled, says why next
 * to it, and when pressed early opens the rest of the text instead of doing nothing.
 */
export function ConsentStep() {
  const t = useT();
  const config = useConfig();
  const emitter = useEmitter();
  const send = useFlow((s) => s.send);
  const tc = useClientText(config.client_name);
  const policyUrl = safeUrl(config.privacy_policy_url);
  const scope = scopeOf(config.mode, config.include_identity);
  const textRef = useRef<HTMLDivElement>(null);
  const moveFocus = useMoveFocus();
  const [seen, setSeen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const [declined, setDeclined] = useState(false);

  const checkSeen = useCallback(() => {
    const box = textRef.current;
    if (box && box.scrollTop + box.clientHeight >= box.scrollHeight - 4) setSeen(true);
  }, []);
  // a text that fits has been seen as soon as it is shown, and again when the frame resizes
  useEffect(() => {
    checkSeen();
    const box = textRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(checkSeen);
    observer.observe(box);
    return () => observer.disconnect();
  }, [declined, expanded, checkSeen]);

  const showRest = () => {
    setExpanded(true);
    moveFocus(textRef.current);
  };

  const answer = (given: boolean) => {
    emitter.consent(given, { scope, policy_url: policyUrl, timestamp: new Date().toISOString() });
    if (given) send({ type: 'consentGiven' });
    else setDeclined(true);
  };

  if (declined) {
    return (
      <section>
        <StepHeading>{t('consent.declined.heading')}</StepHeading>
        <p className="mb-4">{tc('consent.declined.body')}</p>
        <Button onClick={() => setDeclined(false)}>{t('consent.review')}</Button>
      </section>
    );
  }

  return (
    <section>
      <StepHeading>{tc('consent.heading')}</StepHeading>
      <div
        ref={textRef}
        onScroll={checkSeen}
        tabIndex={0}
        role="region"
        aria-label={t('consent.textLabel')}
        className={`relative mb-3 focus-ring rounded-brand [scrollbar-color:var(--color-muted)_transparent] ${expanded ? '' : BOXED}`}
      >
        <p className="mb-2">{tc('consent.intro')}</p>
        <ul className="list-disc pl-5 mb-3">
          {scope.map((item) => (
            <li key={item}>{t(`consent.scope.${item}`)}</li>
          ))}
        </ul>
        <p className="mb-2">{tc('consent.protection')}</p>
        <p className="mb-2">{tc('consent.duration')}</p>
        {policyUrl ? (
          <p className="mb-2">
            <ExternalLink className="text-link underline focus-ring" href={policyUrl}>
              {tc('consent.policy')}
            </ExternalLink>
          </p>
        ) : null}
        {seen ? null : (
          // more follows: the last visible lines fade out (a scrollbar alone is invisible on phones)
          <div
            aria-hidden="true"
            className="pointer-events-none sticky -bottom-3 -mt-10 h-10 bg-linear-to-t from-white dark:from-slate-900"
          />
        )}
      </div>
      {seen ? null : (
        <div className="mb-3 flex flex-col items-start gap-1">
          <Button variant="link" className="-mx-1" onClick={showRest}>
            {t('consent.showRest')}
          </Button>
          <p id="consent-hint" className="text-sm text-muted">
            {t('consent.scrollHint')}
          </p>
        </div>
      )}
      <div className="flex flex-col gap-3">
        <Button
          aria-disabled={!seen}
          aria-describedby={seen ? undefined : 'consent-hint'}
          className={seen ? '' : NOT_YET}
          onClick={() => (seen ? answer(true) : showRest())}
        >
          {t('consent.agree')}
        </Button>
        <Button variant="secondary" onClick={() => answer(false)}>
          {t('consent.decline')}
        </Button>
      </div>
    </section>
  );
}

/** "I agree" before the text was seen: plainly not available yet (it still answers a press). */
const NOT_YET =
  '!bg-slate-200 !text-slate-700 border border-dashed border-slate-500 cursor-not-allowed dark:!bg-slate-800 dark:!text-slate-300';
