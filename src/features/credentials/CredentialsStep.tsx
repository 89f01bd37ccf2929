import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/errors';
import { useInstitution } from '../../api/queries';
import { safeUrl } from '../../api/safeUrl';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';
import { useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ErrorAlert, LoadErrorAlert } from '../../ui/ErrorAlert';
import { ExternalLink } from '../../ui/ExternalLink';
import { Spinner } from '../../ui/Spinner';
import { useMoveFocus } from '../../ui/focus';
import { StepHeading } from '../../ui/StepHeading';
import { useRequiredFields } from '../../ui/useRequiredFields';
import { BankInstructions } from './BankInstructions';
import { CredentialField } from './CredentialField';
import { useCredentialFields } from '../../api/queries';
import { useSubmitCredentials } from './useSubmitCredentials';

export function CredentialsStep() {
  const t = useT();
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const mode = useFlow((s) => s.credentialsMode);
  const send = useFlow((s) => s.send);
  // the step's back rule (its back column in flow/steps.ts), the same as the host's back
  const back = useGoBack();
  const institution = useInstitution(code).data;
  const bank = institution?.name ?? code ?? '';
  const fields = useCredentialFields(code);
  const submit = useSubmitCredentials();
  // Credential values live in the form, and nowhere else.
  const { formRef, valueOf, errorOf, change, onSubmit } = useRequiredFields(
    fields.data ?? [],
    (credentials, { focusFirstField }) => {
      if (submit.isPending) return;
      const ids = { code: code ?? '', guid: institution?.guid ?? '' };
      if (mode === 'update' && memberGuid) {
        emit('mx/connect/updateCredentials', { member_guid: memberGuid, institution: ids });
      } else {
        emit('mx/connect/enterCredentials', { institution: ids });
      }
      analyticEvent('credentials_submitted', { mode });
      submit.mutate(credentials, {
        onError: (error) => {
          if (mode !== 'update') {
            emit('mx/connect/createMemberError', { institution_guid: ids.guid, institution_code: ids.code });
          }
          if (!(error instanceof ApiError && error.status === 409)) focusFirstField();
        },
      });
    },
  );

  const duplicate = submit.error instanceof ApiError && submit.error.status === 409 ? submit.error : null;
  const existingMemberGuid = duplicate?.details.existingMemberGuid;
  // the duplicate alert is what changed: the user lands on its way on (or on the alert itself)
  const duplicateRef = useRef<HTMLDivElement>(null);
  const moveFocus = useMoveFocus();
  useEffect(() => {
    const alert = duplicateRef.current;
    if (duplicate) moveFocus(alert?.querySelector('button') ?? alert);
  }, [duplicate, moveFocus]);
  const forgotUrl = safeUrl(institution?.forgot_password_url ?? institution?.trouble_signing_in_url);

  return (
    <section>
      <StepHeading>{mode === 'update' ? t('creds.updateHeading') : t('creds.heading')}</StepHeading>
      <p className="mb-3">{t('creds.intro', { bank })}</p>
      <BankInstructions institution={institution} bank={bank} />
      {fields.isLoading ? <Spinner label={t('common.loading')} /> : null}
      {fields.isError ? <LoadErrorAlert query={fields} about="institution" /> : null}
      {duplicate ? (
        <div ref={duplicateRef} tabIndex={-1} className="focus-ring rounded-brand">
          <Alert tone="error">
            <p>{t('creds.duplicate', { bank })}</p>
            {existingMemberGuid ? (
              <Button
                variant="link"
                onClick={() => {
                  submit.reset();
                  send({ type: 'duplicateFound', memberGuid: existingMemberGuid });
                }}
              >
                {t('creds.duplicateUpdate')}
              </Button>
            ) : null}
          </Alert>
        </div>
      ) : submit.error ? (
        <ErrorAlert error={submit.error} lead={t('creds.error')} onRetry={() => formRef.current?.requestSubmit()} />
      ) : null}
      {fields.data && fields.data.length === 0 ? <Alert>{t('creds.noFields', { bank })}</Alert> : null}
      {fields.data && fields.data.length > 0 ? (
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-busy={submit.isPending}>
          {fields.data.map((field) => (
            <CredentialField
              key={field.guid}
              field={field}
              value={valueOf(field.guid)}
              error={errorOf(field.guid)}
              disabled={submit.isPending}
              onChange={(value) => change(field.guid, value)}
            />
          ))}
          {forgotUrl ? (
            <p className="mb-3 text-sm">
              <ExternalLink
                className="text-link underline focus-ring"
                href={forgotUrl}
                onClick={() => analyticEvent('forgot_password_clicked', { institution_code: code ?? '' })}
              >
                {t('creds.forgot')}
              </ExternalLink>
            </p>
          ) : null}
          <Button type="submit" disabled={submit.isPending} aria-disabled={submit.isPending}>
            {submit.isPending ? t('creds.sending') : t('creds.submit')}
          </Button>
        </form>
      ) : null}
      <Button
        variant="link"
        className="mt-3"
        onClick={() => {
          back();
        }}
      >
        {mode === 'update' ? t('common.backToSearch') : t('common.back')}
      </Button>
    </section>
  );
}
