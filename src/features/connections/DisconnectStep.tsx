import { useId, useState, type FormEvent } from 'react';
import { useMember } from '../../api/queries';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';
import { useT } from '../../i18n/translate';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/TextField';
import { RadioCard } from '../../ui/RadioCard';
import { StepHeading } from '../../ui/StepHeading';
import { DISCONNECT_REASONS, type DisconnectReason } from '../../../sdk/src/contract/events';
import { useDisconnect } from './useDisconnect';
import { useMoveFocus } from '../../ui/focus';

/** "Disconnect X?": what it means, why (one reason, required), then DELETE. */
export function DisconnectStep() {
  const t = useT();
  const memberGuid = useFlow((s) => s.memberGuid);
  // the step's back rule (its back column in flow/steps.ts), the same as the host's back
  const back = useGoBack();
  const member = useMember(memberGuid).data;
  const bank = member?.name || member?.institution_code || t('connections.unnamed');
  const disconnect = useDisconnect();
  const moveFocus = useMoveFocus();
  const [reason, setReason] = useState<DisconnectReason | null>(null);
  const [missing, setMissing] = useState(false);
  const groupId = useId();
  const errorId = `${groupId}-error`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason) {
      setMissing(true);
      moveFocus(event.currentTarget.querySelector<HTMLInputElement>('input[type="radio"]'));
      return;
    }
    if (memberGuid) disconnect.mutate({ memberGuid, reason });
  };

  return (
    <section>
      <StepHeading>{t('disconnect.heading', { bank })}</StepHeading>
      <p className="mb-3">{t('disconnect.body', { bank })}</p>
      {disconnect.isError ? <ErrorAlert error={disconnect.error} lead={t('disconnect.error', { bank })} /> : null}
      <form onSubmit={submit} noValidate>
        <fieldset
          className="mb-4"
          aria-describedby={missing ? errorId : undefined}
          aria-invalid={missing ? true : undefined}
        >
          <legend className="font-medium mb-2">{t('disconnect.reasonLegend')}</legend>
          <div className="flex flex-col gap-2">
            {DISCONNECT_REASONS.map((value) => (
              <RadioCard
                key={value}
                name={groupId}
                value={value}
                checked={reason === value}
                invalid={missing}
                onChange={() => {
                  setReason(value);
                  setMissing(false);
                }}
              >
                {t(`disconnect.reason.${value}`)}
              </RadioCard>
            ))}
          </div>
          {missing ? <FieldError id={errorId}>{t('disconnect.reasonRequired')}</FieldError> : null}
        </fieldset>
        <div className="flex flex-col gap-3">
          <Button type="submit" disabled={disconnect.isPending}>
            {t('disconnect.confirm')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              back();
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
