import { useCallback, useState } from 'react';
import { isReconnecting, useBankName, useCachedMemberStatus, useRefreshMemberStatus } from '../../api/queries';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { bankWindow } from '../../flow/bankWindow';
import { useFlow } from '../../flow/store';
import { useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { StepHeading } from '../../ui/StepHeading';
import { useCancelOauth } from './useCancelOauth';
import { useOauthCompleteMessage } from './useOauthCompleteMessage';
import { useOauthMember } from './useOauthMember';

export function OAuthStep() {
  const t = useT();
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const code = useFlow((s) => s.institutionCode);
  const bank = useBankName(code);
  const { memberGuid, windowUri, error, retry, inApp } = useOauthMember();
  const status = useCachedMemberStatus(memberGuid);
  const [waiting, setWaiting] = useState(false);
  const [blocked, setBlocked] = useState(false);

  const open = () => {
    if (!windowUri || !memberGuid) return;
    emit('mx/connect/oauthRequested', { url: windowUri, member_guid: memberGuid });
    analyticEvent('oauth_opened', { institution_code: code ?? '' });
    if (inApp) {
      // the app opens the bank in the system browser; the widget waits and keeps polling
      setWaiting(true);
      return;
    }
    // Called synchronously in the click handler, so popup blockers let it through.
    const popup = bankWindow.open(windowUri);
    setBlocked(!popup);
    setWaiting(true);
  };

  const refresh = useRefreshMemberStatus();
  const refreshStatus = useCallback(() => {
    if (memberGuid) refresh(memberGuid);
  }, [refresh, memberGuid]);
  useOauthCompleteMessage(memberGuid, refreshStatus);

  const cancel = useCancelOauth();

  const reconnecting = isReconnecting(status);

  return (
    <section>
      <StepHeading>{t('oauth.heading', { bank })}</StepHeading>
      {error ? <ErrorAlert error={error} lead={t('oauth.error', { bank })} onRetry={retry} offerRetry /> : null}
      {!waiting ? (
        <>
          <p className="mb-4">{t('oauth.intro', { bank })}</p>
          <Button onClick={open} disabled={!windowUri} aria-describedby={windowUri ? undefined : 'oauth-preparing'}>
            {t('oauth.go', { bank })}
          </Button>
          {!windowUri && !error ? (
            <p id="oauth-preparing" className="text-sm text-muted mt-2">
              {t('oauth.preparing')}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <Spinner label={reconnecting ? t('common.reconnecting') : t('oauth.waiting', { bank })} />
          {blocked && windowUri ? (
            <Alert>
              <p>{t('oauth.blocked')}</p>
              <a
                className="text-link underline focus-ring"
                href={windowUri}
                target="_blank"
                rel="opener"
                onClick={(event) => {
                  // opened by script, the window has an owner that closes it; blocked again, the link opens it
                  if (bankWindow.open(windowUri)) event.preventDefault();
                }}
              >
                {t('oauth.blockedLink', { bank })}
              </a>
            </Alert>
          ) : null}
          <div className="flex flex-col gap-3 mt-3">
            <Button variant="secondary" onClick={open}>
              {inApp ? t('oauth.go', { bank }) : t('oauth.reopen')}
            </Button>
          </div>
        </>
      )}
      <Button variant="link" className="mt-3" onClick={cancel}>
        {t('oauth.cancel')}
      </Button>
    </section>
  );
}
