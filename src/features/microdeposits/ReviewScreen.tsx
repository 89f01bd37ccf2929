import { useConfig } from '../../config/ConfigProvider';
import type { MicrodepositFormStep } from '../../flow/steps';
import { useClientText } from '../../i18n/clientText';
import { useT } from '../../i18n/translate';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { StepHeading } from '../../ui/StepHeading';
import { FormActions } from './FormActions';
import { digitsOf, maskAccountNumber, toInput, type DraftField } from './microdepositDraft';
import type { FormScreenProps } from './microdepositDraft';
import { useSubmitMicrodeposit } from './useMicrodeposits';

const ROWS: { field: DraftField; screen: MicrodepositFormStep }[] = [
  { field: 'routing_number', screen: 'microdepositRouting' },
  { field: 'account_type', screen: 'microdepositAccount' },
  { field: 'account_number', screen: 'microdepositAccount' },
  { field: 'first_name', screen: 'microdepositPersonal' },
  { field: 'last_name', screen: 'microdepositPersonal' },
  { field: 'email', screen: 'microdepositPersonal' },
];

/** Everything once more (the account number as its last four digits), the ACH authorization, Confirm. */
export function ReviewScreen({
  draft,
  back,
  edit,
}: FormScreenProps & { edit: (screen: MicrodepositFormStep) => void }) {
  const t = useT();
  const tc = useClientText(useConfig().client_name);
  const submit = useSubmitMicrodeposit();
  const input = toInput(draft);

  const shown = (field: DraftField): string => {
    if (field === 'account_number') return maskAccountNumber(draft.account_number);
    if (field === 'account_type') return draft.account_type ? t(`md.type.${draft.account_type}`) : '';
    if (field === 'routing_number') return digitsOf(draft.routing_number);
    return draft[field].trim();
  };

  return (
    <section>
      <StepHeading>{t('md.review.heading')}</StepHeading>
      {submit.isError ? <ErrorAlert error={submit.error} lead={t('md.review.error')} /> : null}
      <dl className="mb-4 flex flex-col gap-2">
        {ROWS.map(({ field, screen }) => (
          <div key={field} className="border-b border-slate-300 pb-2">
            <dt className="text-sm text-muted">{t(`md.field.${field}`)}</dt>
            <dd className="flex items-baseline justify-between gap-2">
              <span className="min-w-0 font-medium break-all">{shown(field)}</span>
              <Button
                variant="link"
                aria-label={`${t('md.review.edit')} ${t(`md.field.${field}`)}`}
                onClick={() => edit(screen)}
              >
                {t('md.review.edit')}
              </Button>
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm mb-4">{tc('md.review.ach')}</p>
      <FormActions
        back={back}
        disabled={submit.isPending || input === null}
        label={submit.isPending ? t('md.review.sending') : t('md.review.confirm')}
        onClick={() => input && submit.mutate(input)}
      />
    </section>
  );
}
