import { useRef, useState, type FormEvent } from 'react';
import type { Microdeposit } from './microdepositsApi';
import { ambiguousAmountMessage, formatLocaleNumber } from '../../i18n/parseAmount';
import { useLocale, useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useFieldProblems } from '../../ui/useFieldProblems';
import { MAX_DEPOSIT, MIN_DEPOSIT } from '../../../sdk/src/contract/microdeposits';
import { parseDeposit, type AmountProblem } from './microdepositDraft';
import { useVerifyAmounts } from './useMicrodeposits';
import { useMoveFocus } from '../../ui/focus';

const AMOUNT_FIELDS = ['deposit_amount_1', 'deposit_amount_2'] as const;
type AmountField = (typeof AMOUNT_FIELDS)[number];

/**
 * DEPOSITED (and DENIED, after wrong amounts): the two amounts, in the user's locale. The answer
 * replaces the cached microdeposit, and its status picks the next screen.
 */
export function VerifyAmountsForm({
  microdeposit,
  denied,
  last4,
}: {
  microdeposit: Microdeposit;
  denied: boolean;
  last4: string;
}) {
  const t = useT();
  const locale = useLocale();
  const verify = useVerifyAmounts(microdeposit.guid);
  const [amounts, setAmounts] = useState<Record<AmountField, string>>({ deposit_amount_1: '', deposit_amount_2: '' });
  const problems = useFieldProblems<AmountField, AmountProblem>();
  // each wrong pair is a new alert (a re-rendered one with the same text would not be announced)
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const moveFocus = useMoveFocus();
  const format = (n: number) => formatLocaleNumber(n, locale);
  const labels: Record<AmountField, string> = {
    deposit_amount_1: t('md.field.amount1'),
    deposit_amount_2: t('md.field.amount2'),
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const a = parseDeposit(amounts.deposit_amount_1, locale);
    const b = parseDeposit(amounts.deposit_amount_2, locale);
    const found: Partial<Record<AmountField, AmountProblem>> = {};
    if (!a.ok) found.deposit_amount_1 = a.problem;
    if (!b.ok) found.deposit_amount_2 = b.problem;
    if (!problems.report(found, event.currentTarget) || !a.ok || !b.ok) return;
    verify.mutate(
      { amounts: [a.value, b.value], attempt: attempts + 1 },
      {
        onSuccess: () => {
          setAttempts((n) => n + 1);
          setAmounts({ deposit_amount_1: '', deposit_amount_2: '' });
          moveFocus(formRef.current?.querySelector<HTMLInputElement>('input'));
        },
      },
    );
  };

  const error = (field: AmountField) => {
    const problem = problems.problemOf(field);
    if (!problem) return null;
    if (problem === 'required') return t('common.required', { label: labels[field] });
    if (problem === 'amount') {
      return t('md.error.amount', { min: format(MIN_DEPOSIT), max: format(MAX_DEPOSIT), example: format(0.07) });
    }
    return ambiguousAmountMessage(t, locale, problem);
  };

  return (
    <>
      {denied ? (
        <Alert key={attempts} tone="error">
          {t('md.status.DENIED')}
        </Alert>
      ) : null}
      <p className="mb-3">{t('md.status.DEPOSITED', { last4 })}</p>
      {verify.isError ? <ErrorAlert error={verify.error} lead={t('md.verify.error')} /> : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        {AMOUNT_FIELDS.map((field) => (
          <TextField
            key={field}
            name={field}
            label={labels[field]}
            inputMode="decimal"
            autoComplete="off"
            placeholder={format(0)}
            value={amounts[field]}
            error={error(field)}
            onChange={(e) => {
              const value = e.target.value;
              setAmounts((all) => ({ ...all, [field]: value }));
              problems.clear(field);
            }}
          />
        ))}
        <Button type="submit" disabled={verify.isPending}>
          {verify.isPending ? t('md.verify.sending') : t('md.verify.submit')}
        </Button>
      </form>
    </>
  );
}
