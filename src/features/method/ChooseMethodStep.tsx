import { useBankName } from '../../api/queries';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { StepHeading } from '../../ui/StepHeading';
import { useEmitter } from '../../embedding/emitter';

/** Only for institutions that support both OAuth and credentials: OAuth is recommended. */
export function ChooseMethodStep() {
  const t = useT();
  const code = useFlow((s) => s.institutionCode);
  const send = useFlow((s) => s.send);
  const { analyticEvent } = useEmitter();
  const choose = (method: 'oauth' | 'credentials') => {
    analyticEvent('method_chosen', { method });
    send({ type: 'methodChosen', method });
  };
  // the step's back rule (its back column in flow/steps.ts), the same as the host's back
  const back = useGoBack();
  const bank = useBankName(code);
  return (
    <section>
      <StepHeading>{t('method.heading', { bank })}</StepHeading>
      <div className="flex flex-col gap-4">
        <div>
          <Button onClick={() => choose('oauth')}>{t('method.oauth', { bank })}</Button>
          <p className="text-sm text-muted mt-1">{t('method.oauthHint', { bank })}</p>
        </div>
        <div>
          <Button variant="secondary" onClick={() => choose('credentials')}>
            {t('method.credentials')}
          </Button>
          <p className="text-sm text-muted mt-1">{t('method.credentialsHint', { bank })}</p>
        </div>
        <Button variant="link" className="self-start" onClick={() => back()}>
          {t('common.back')}
        </Button>
      </div>
    </section>
  );
}
