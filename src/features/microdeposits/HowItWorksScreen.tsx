import { useT } from '../../i18n/translate';
import { FormActions } from './FormActions';
import { StepHeading } from '../../ui/StepHeading';
import type { FormScreenProps } from './microdepositDraft';

/** What happens next, before anything more is asked: two deposits, a wait, the amounts. */
export function HowItWorksScreen({ next, back }: FormScreenProps) {
  const t = useT();
  return (
    <section>
      <StepHeading>{t('md.how.heading')}</StepHeading>
      <ol className="list-decimal pl-5 mb-4 flex flex-col gap-2">
        <li>{t('md.how.step1')}</li>
        <li>{t('md.how.step2')}</li>
        <li>{t('md.how.step3')}</li>
      </ol>
      <FormActions back={back} onClick={next} />
    </section>
  );
}
