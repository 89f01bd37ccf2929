import { useEffect, useRef, useState } from 'react';
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

/**
 * Before anything is shared: what the partner's app receives, how it is protected, how long the
 * consent lasts and how to revoke it. "I agree" waits until the text has been seen (scrolled to
 * its end, or it fits); both answers reach the host as a record it can keep.
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
  const [declined, setDeclined] = useState(false);

  const checkSeen = () => {
    const box = textRef.current;
    if (box && box.scrollTop + box.clientHeight >= box.scrollHeight - 4) setSeen(true);
  };
  // a text that fits has been seen as soon as it is shown
  useEffect(checkSeen, [declined]);

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
        className="max-h-72 overflow-y-auto mb-3 pr-1 focus-ring rounded-brand"
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
      </div>
      {seen ? null : (
        <p id="consent-hint" className="text-sm text-muted mb-2">
          {t('consent.scrollHint')}
        </p>
      )}
      <div className="flex flex-col gap-3">
        <Button
          aria-disabled={!seen}
          aria-describedby={seen ? undefined : 'consent-hint'}
          onClick={() => {
            if (seen) answer(true);
            else moveFocus(textRef.current);
          }}
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
