import { useInstitution } from '../../api/queries';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';
import { useChooseMicrodeposits } from '../../flow/useChooseMicrodeposits';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { StepHeading } from '../../ui/StepHeading';

/**
 * Chosen, but it cannot work: its connections are down right now, or (verification mode) it
 * cannot verify accounts. Say so before any credentials are typed, and offer the ways on.
 */
export function InstitutionUnavailableStep() {
  const t = useT();
  // the step's back rule (its back column in flow/steps.ts), the same as the host's back
  const back = useGoBack();
  const code = useFlow((s) => s.institutionCode);
  const institution = useInstitution(code).data;
  const bank = institution?.name ?? code ?? '';
  const chooseMicrodeposits = useChooseMicrodeposits('institution');
  // down takes precedence: it is the reason nothing at all works there now
  const cannotVerify =
    institution?.operational_status !== 'unavailable' && institution?.supports_account_verification === false;
  const which = cannotVerify ? 'cannotVerify' : 'unavailable';
  return (
    <section>
      <StepHeading>{t(`institution.${which}.heading`, { bank })}</StepHeading>
      <p className="mb-4">{t(`institution.${which}.body`, { bank })}</p>
      <div className="flex flex-col gap-3">
        {chooseMicrodeposits ? <Button onClick={chooseMicrodeposits}>{t('md.useNumbers')}</Button> : null}
        <Button
          variant={chooseMicrodeposits ? 'secondary' : 'primary'}
          onClick={() => {
            back();
          }}
        >
          {t('common.backToSearch')}
        </Button>
      </div>
    </section>
  );
}
