import { useRef, useState, type FormEvent } from 'react';
import type { Microdeposit } from '../../api/microdeposits';
import { formatLocaleNumber } from '../../i18n/parseNumber';
import { useLocale, useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { MAX_DEPOSIT, MIN_DEPOSIT } from '../../../sdk/src/contract/microdeposits';
import { parseDeposit, type AmountProblem } from './microdepositForm';
import { useVerifyAmounts } from './useMicrodeposits';

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
  const [amounts, setAmounts] = useState(['', '']);
  const [problems, setProblems] = useState<(AmountProblem | null)[]>([null, null]);
  // each wrong pair is a new alert (a re-rendered one with the same text would not be announced)
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const focusAmount = (i: number) =>
    formRef.current?.querySelector<HTMLInputElement>(`[name="deposit_amount_${i + 1}"]`)?.focus();
  const format = (n: number) => formatLocaleNumber(n, locale);
  const labels = [t('md.field.amount1'), t('md.field.amount2')];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = amounts.map((a) => parseDeposit(a, locale));
    setProblems(parsed.map((p) => (p.ok ? null : p.problem)));
    const [a, b] = parsed;
    if (!a?.ok || !b?.ok) {
      const first = parsed.findIndex((p) => !p.ok);
      focusAmount(first);
      return;
    }
    verify.mutate(
      { amounts: [a.value, b.value], attempt: attempts + 1 },
      {
        onSuccess: () => {
          setAttempts((n) => n + 1);
          setAmounts(['', '']);
          focusAmount(0);
        },
      },
    );
  };

  const error = (i: number) => {
    const problem = problems[i];
    const label = labels[i] ?? '';
    if (!problem) return null;
    return problem === 'required'
      ? t('common.required', { label })
      : t('md.error.amount', { min: format(MIN_DEPOSIT), max: format(MAX_DEPOSIT), example: format(0.07) });
  };

  return (
    <>
      {denied ? (
        <Alert key={attempts} tone="error">
          {t('md.status.DENIED')}
        </Alert>
      ) : null}
      <p className="mb-3">{t('md.status.DEPOSITED', { last4 })}</p>
      {verify.isError ? <Alert tone="error">{t('md.verify.error')}</Alert> : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        {labels.map((label, i) => (
          <TextField
            key={label}
            name={`deposit_amount_${i + 1}`}
            label={label}
            inputMode="decimal"
            autoComplete="off"
            placeholder={format(0)}
            value={amounts[i]}
            error={error(i)}
            onChange={(e) => {
              const value = e.target.value;
              setAmounts((all) => all.map((v, j) => (j === i ? value : v)));
              setProblems((all) => all.map((p, j) => (j === i ? null : p)));
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
