import { useBankName } from '../../api/queries';
import { useFlow } from '../../flow/store';
import { useBackToSearch } from '../../flow/useBackToSearch';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { StepHeading } from '../../ui/StepHeading';

/** Chosen, but its connections are down right now: say so before any credentials are typed. */
export function InstitutionUnavailableStep() {
  const t = useT();
  const back = useFlow((s) => s.back);
  const backToSearch = useBackToSearch();
  const bank = useBankName(useFlow((s) => s.institutionCode));
  return (
    <section>
      <StepHeading>{t('institution.unavailable.heading', { bank })}</StepHeading>
      <p className="mb-4">{t('institution.unavailable.body', { bank })}</p>
      <Button
        onClick={() => {
          if (!back()) backToSearch('institutionUnavailable');
        }}
      >
        {t('common.backToSearch')}
      </Button>
    </section>
  );
}
