import { useEffect, useId, useRef, useState } from 'react';
import type { Account } from '../../api/schemas';
import { useEmitter } from '../../embedding/emitter';
import { INVALID_DATA_CODES } from '../../../sdk/src/contract/events';
import { useBackToSearch } from '../../flow/useBackToSearch';
import { useChooseMicrodeposits } from '../../flow/useChooseMicrodeposits';
import { useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { RadioCard } from '../../ui/RadioCard';
import { FieldError } from '../../ui/TextField';
import { useMoveFocus } from '../../ui/focus';
import { AccountSummary } from '../../ui/AccountSummary';

/** Accounts a payment can be drawn from: checking and savings (what MX's verification covers). */
const USABLE = new Set(['CHECKING', 'SAVINGS']);

/** Verification mode: the user picks the one account the partner may verify and pay from. */
export function VerifyAccount({
  memberGuid,
  bank,
  accounts,
}: {
  memberGuid: string;
  bank: string;
  accounts: Account[];
}) {
  const t = useT();
  const emitter = useEmitter();
  const backToSearch = useBackToSearch();
  const chooseMicrodeposits = useChooseMicrodeposits('noEligibleAccounts');
  const usable = accounts.filter((a) => USABLE.has((a.type ?? '').toUpperCase()));
  const [picked, setPicked] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Account | null>(null);
  const [missing, setMissing] = useState(false);
  const reported = useRef(false);
  const legendId = useId();
  const moveFocus = useMoveFocus();
  const groupRef = useRef<HTMLFieldSetElement>(null);
  // the picked account replaces the list: the user lands on the sentence that names it
  const chosenRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (chosen) moveFocus(chosenRef.current);
  }, [chosen, moveFocus]);

  useEffect(() => {
    if (usable.length === 0 && !reported.current) {
      reported.current = true;
      emitter.emit('mx/connect/invalidData', { member_guid: memberGuid, code: INVALID_DATA_CODES.noEligibleAccounts });
    }
  }, [usable.length, emitter, memberGuid]);

  if (usable.length === 0) {
    return (
      <>
        <Alert tone="error">{t('verify.none', { bank })}</Alert>
        <div className="flex flex-col gap-3">
          {chooseMicrodeposits ? <Button onClick={chooseMicrodeposits}>{t('md.useNumbers')}</Button> : null}
          <Button variant="secondary" onClick={() => backToSearch('invalidData')}>
            {t('connected.another')}
          </Button>
        </div>
      </>
    );
  }

  if (chosen) {
    return (
      <div className="flex flex-col gap-3">
        <p ref={chosenRef} tabIndex={-1} className="focus-ring rounded-sm">
          {t('verify.chosen', { account: `${chosen.name} ${chosen.account_number ?? ''}`.trim() })}
        </p>
        <Button onClick={() => emitter.emit('mx/connect/connected/primaryAction', {})}>{t('connected.done')}</Button>
      </div>
    );
  }

  const confirm = () => {
    const account = usable.find((a) => a.guid === picked);
    if (!account) {
      setMissing(true);
      moveFocus(groupRef.current?.querySelector<HTMLInputElement>('input[type="radio"]'));
      return;
    }
    emitter.accountSelected({ member_guid: memberGuid, account_guid: account.guid });
    setChosen(account);
  };

  return (
    <div>
      <p className="mb-3">{t('verify.intro', { bank })}</p>
      <fieldset ref={groupRef} className="mb-3" aria-describedby={missing ? `${legendId}-error` : undefined}>
        <legend id={legendId} className="text-sm font-semibold text-muted mb-1">
          {t('verify.accounts')}
        </legend>
        <div className="flex flex-col gap-2">
          {usable.map((account) => (
            <RadioCard
              key={account.guid}
              name="verify-account"
              value={account.guid}
              checked={picked === account.guid}
              invalid={missing}
              onChange={() => {
                setPicked(account.guid);
                setMissing(false);
              }}
            >
              <AccountSummary account={account} />
            </RadioCard>
          ))}
        </div>
        {missing ? <FieldError id={`${legendId}-error`}>{t('verify.choose')}</FieldError> : null}
      </fieldset>
      <Button onClick={confirm}>{t('verify.continue')}</Button>
    </div>
  );
}
