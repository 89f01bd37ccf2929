import { useRef, useState, type FormEvent } from 'react';
import { useConfig } from '../../config/ConfigProvider';
import { useChooseInstitution } from '../../flow/useChooseInstitution';
import { useClientText } from '../../i18n/clientText';
import { useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { useMoveFocus } from '../../ui/focus';
import { StepHeading } from '../../ui/StepHeading';
import { FormActions } from './FormActions';
import { TextField } from '../../ui/TextField';
import type { FormScreenProps } from './microdepositDraft';
import { checkRouting, digitsOf } from './microdepositDraft';
import { useOfferedInstitutions, useRoutingCheck } from './useMicrodeposits';

/**
 * The routing number: nine digits and the ABA checksum here, then the server's check, which may
 * refuse it (invalid, blocked, blocked by the partner) or prefer instant verification.
 */
export function RoutingNumberScreen({ draft, change, next, back }: FormScreenProps) {
  const t = useT();
  const tc = useClientText(useConfig().client_name);
  const check = useRoutingCheck();
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const moveFocus = useMoveFocus();
  // a refused number is fixed in its field: the user lands there, its error read with it
  const focusField = () => moveFocus(formRef.current?.querySelector<HTMLInputElement>('[name="routing_number"]'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = checkRouting(draft).routing_number;
    if (local) {
      setProblem(
        local === 'required' ? t('common.required', { label: t('md.field.routing_number') }) : t(`md.error.${local}`),
      );
      focusField();
      return;
    }
    check.mutate(digitsOf(draft.routing_number), {
      onSuccess: (answer) => {
        if (answer.check === 'VALID') next();
        else if (answer.check === 'INVALID') setProblem(t('md.routing.INVALID'));
        if (answer.check !== 'VALID' && answer.check !== 'IAV_PREFERRED') focusField();
      },
    });
  };

  const answer = check.data?.check;
  const blocked = answer === 'BLOCKED' || answer === 'CLIENT_BLOCKED';

  if (answer === 'IAV_PREFERRED' && check.data) {
    return (
      <InstantPreferred codes={check.data.institution_codes ?? []} onContinue={next} onBack={() => check.reset()} />
    );
  }

  return (
    <section>
      <StepHeading>{t('md.routing.heading')}</StepHeading>
      <p className="mb-3">{t('md.routing.intro')}</p>
      {blocked ? (
        <Alert tone="error">
          {answer === 'CLIENT_BLOCKED' ? tc('md.routing.CLIENT_BLOCKED') : t('md.routing.BLOCKED')}
        </Alert>
      ) : null}
      {check.isError ? <ErrorAlert error={check.error} lead={t('md.routing.checkError')} /> : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        <TextField
          name="routing_number"
          label={t('md.field.routing_number')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          value={draft.routing_number}
          error={problem}
          onChange={(e) => {
            change({ routing_number: e.target.value });
            setProblem(null);
            check.reset();
          }}
        />
        <FormActions back={back} disabled={check.isPending} label={check.isPending ? t('md.checking') : undefined} />
      </form>
    </section>
  );
}

/** "Your bank supports instant verification": its institutions, or go on with numbers anyway. */
function InstantPreferred({
  codes,
  onContinue,
  onBack,
}: {
  codes: string[];
  onContinue: () => void;
  onBack: () => void;
}) {
  const t = useT();
  const chooseInstitution = useChooseInstitution();
  const institutions = useOfferedInstitutions(codes);

  return (
    <section>
      <StepHeading>{t('md.iav.heading')}</StepHeading>
      <p className="mb-3">{t('md.iav.intro')}</p>
      <ul className="flex flex-col gap-2 mb-4" aria-label={t('md.iav.list')}>
        {institutions.map((institution) => (
          <li key={institution.code}>
            <Button
              variant="secondary"
              className="w-full text-left"
              onClick={() => chooseInstitution(institution, 'instant_preferred')}
            >
              {t('md.iav.signIn', { bank: institution.name })}
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-3">
        <Button onClick={onContinue}>{t('md.iav.continue')}</Button>
        <Button variant="link" onClick={onBack}>
          {t('md.iav.changeNumber')}
        </Button>
      </div>
    </section>
  );
}
