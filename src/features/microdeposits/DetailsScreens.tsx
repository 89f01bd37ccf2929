import { useT } from '../../i18n/translate';
import { FormActions } from './FormActions';
import { RadioCard } from '../../ui/RadioCard';
import { StepHeading } from '../../ui/StepHeading';
import { FieldError, TextField } from '../../ui/TextField';
import { checkAccount, checkPersonal, MAX_NAME } from './microdepositDraft';
import type { FormScreenProps } from './microdepositDraft';
import { useScreenChecks } from './useScreenChecks';
import { MAX_EMAIL } from '../../../sdk/src/contract/email';

/** Checking or savings, and the account number typed twice (digits only, 4 to 17, matching). */
export function AccountScreen(props: FormScreenProps) {
  const t = useT();
  const { draft, back } = props;
  const form = useScreenChecks(props, checkAccount);
  const typeError = form.message('account_type');
  // no autofill history and no spellcheck dictionary for an account number
  const numberInput = { inputMode: 'numeric', autoComplete: 'off', spellCheck: false, maxLength: 20 } as const;
  return (
    <section>
      <StepHeading>{t('md.account.heading')}</StepHeading>
      <form onSubmit={form.submit} noValidate>
        <fieldset className="mb-3" aria-describedby={typeError ? 'md-type-error' : undefined}>
          <legend className="text-sm font-medium mb-1">{form.label('account_type')}</legend>
          <div className="flex flex-wrap gap-2">
            {(['CHECKING', 'SAVINGS'] as const).map((type) => (
              <RadioCard
                key={type}
                name="account_type"
                value={type}
                checked={draft.account_type === type}
                invalid={typeError !== null}
                onChange={() => form.edit('account_type', type)}
              >
                {t(`md.type.${type}`)}
              </RadioCard>
            ))}
          </div>
          {typeError ? <FieldError id="md-type-error">{typeError}</FieldError> : null}
        </fieldset>
        {(['account_number', 'account_number_confirm'] as const).map((field) => (
          <TextField key={field} {...form.textField(field)} {...numberInput} />
        ))}
        <FormActions back={back} />
      </form>
    </section>
  );
}

const PERSONAL_FIELDS = [
  { field: 'first_name', autoComplete: 'given-name', maxLength: MAX_NAME },
  { field: 'last_name', autoComplete: 'family-name', maxLength: MAX_NAME },
  { field: 'email', autoComplete: 'email', maxLength: MAX_EMAIL },
] as const;

/** The account holder's name and an email for the "deposits arrived" notice. */
export function PersonalScreen(props: FormScreenProps) {
  const t = useT();
  const { back } = props;
  const form = useScreenChecks(props, checkPersonal);
  return (
    <section>
      <StepHeading>{t('md.personal.heading')}</StepHeading>
      <p className="mb-3">{t('md.personal.intro')}</p>
      <form onSubmit={form.submit} noValidate>
        {PERSONAL_FIELDS.map(({ field, autoComplete, maxLength }) => (
          <TextField
            key={field}
            {...form.textField(field)}
            type={field === 'email' ? 'email' : 'text'}
            autoComplete={autoComplete}
            maxLength={maxLength}
          />
        ))}
        <FormActions back={back} />
      </form>
    </section>
  );
}
