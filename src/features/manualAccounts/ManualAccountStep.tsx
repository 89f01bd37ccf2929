import { useRef, useState, type FormEvent } from 'react';
import { useGoBack } from '../../flow/useGoBack';
import { ambiguousAmountMessage, formatLocaleNumber } from '../../i18n/parseAmount';
import { useLocale, useT } from '../../i18n/translate';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { RadioCard } from '../../ui/RadioCard';
import { StepHeading } from '../../ui/StepHeading';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useFieldProblems } from '../../ui/useFieldProblems';
import { MANUAL_ACCOUNT_TYPES } from '../../../sdk/src/contract/manualAccounts';
import {
  checkDraft,
  EMPTY_DRAFT,
  fieldsFor,
  MAX_NAME,
  type DraftField,
  type FieldProblem,
  type ManualAccountDraft,
} from './manualAccountForm';
import { useAddManualAccount } from './useAddManualAccount';

/**
 * "Add an account manually": for an institution that cannot be connected (or is not listed) the
 * user tracks the account by hand. Everything typed stays in the form until it is saved.
 */
export function ManualAccountStep() {
  const t = useT();
  const locale = useLocale();
  // the step's back rule (its back column in flow/steps.ts), the same as the host's back
  const back = useGoBack();
  const add = useAddManualAccount();
  const [draft, setDraft] = useState<ManualAccountDraft>(EMPTY_DRAFT);
  const problems = useFieldProblems<DraftField, FieldProblem>();
  const formRef = useRef<HTMLFormElement>(null);

  const label = (field: DraftField) => t(`manual.field.${field}`);
  const example = formatLocaleNumber(1234.56, locale);
  const message = (field: DraftField): string | null => {
    const problem = problems.problemOf(field);
    if (!problem) return null;
    if (problem === 'required') return t('common.required', { label: label(field) });
    if (problem === 'amount') return t('manual.error.amount', { label: label(field), example });
    if (problem === 'tooLarge') return t('manual.error.tooLarge', { label: label(field) });
    if (problem === 'rate') return t('manual.error.rate');
    if (problem === 'dueDay') return t('manual.error.dueDay');
    return ambiguousAmountMessage(t, locale, problem);
  };
  const change = (field: keyof ManualAccountDraft, value: string | boolean) => {
    setDraft((d) => ({ ...d, [field]: value }));
    problems.clear(field as DraftField);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft, locale);
    if (!problems.report(checked.ok ? {} : checked.problems, formRef.current) || !checked.ok) return;
    add.mutate(checked.input);
  };

  const amountField = (field: DraftField & keyof ManualAccountDraft, hint?: string) => (
    <TextField
      key={field}
      name={field}
      label={hint ? `${label(field)} ${hint}` : label(field)}
      inputMode="decimal"
      autoComplete="off"
      value={String(draft[field])}
      error={message(field)}
      onChange={(e) => change(field, e.target.value)}
    />
  );

  return (
    <section>
      <StepHeading>{t('manual.heading')}</StepHeading>
      <p className="mb-3">{t('manual.intro')}</p>
      {add.isError ? <ErrorAlert error={add.error} lead={t('manual.saveError')} /> : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        <SelectField
          name="account_type"
          label={label('account_type')}
          placeholder={t('manual.chooseType')}
          options={MANUAL_ACCOUNT_TYPES.map((type) => ({ value: type, label: t(`manual.type.${type}`) }))}
          value={draft.account_type}
          error={message('account_type')}
          onChange={(e) => change('account_type', e.target.value)}
        />
        <TextField
          name="name"
          label={label('name')}
          maxLength={MAX_NAME}
          autoComplete="off"
          value={draft.name}
          error={message('name')}
          onChange={(e) => change('name', e.target.value)}
        />
        {amountField('balance')}
        {fieldsFor(draft.account_type).map((field) =>
          field === 'interest_rate' ? (
            amountField(field, t('manual.percent'))
          ) : field === 'day_payment_is_due' ? (
            <TextField
              key={field}
              name={field}
              label={label(field)}
              inputMode="numeric"
              maxLength={2}
              autoComplete="off"
              value={draft[field]}
              error={message(field)}
              onChange={(e) => change(field, e.target.value)}
            />
          ) : (
            amountField(field)
          ),
        )}
        <fieldset className="mb-4">
          <legend className="text-sm font-medium mb-1">{t('manual.ownerLegend')}</legend>
          <div className="flex flex-wrap gap-2">
            <RadioCard
              name="is_business"
              value="personal"
              checked={!draft.is_business}
              onChange={() => change('is_business', false)}
            >
              {t('manual.personal')}
            </RadioCard>
            <RadioCard
              name="is_business"
              value="business"
              checked={draft.is_business}
              onChange={() => change('is_business', true)}
            >
              {t('manual.business')}
            </RadioCard>
          </div>
        </fieldset>
        <div className="flex flex-col gap-3">
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? t('manual.saving') : t('manual.save')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              back();
            }}
          >
            {t('common.back')}
          </Button>
        </div>
      </form>
    </section>
  );
}
