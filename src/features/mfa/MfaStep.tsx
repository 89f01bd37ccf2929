import { useBankName, useCachedMemberStatus } from '../../api/queries';
import { useEmit, useEmitter } from '../../embedding/emitter';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';
import { useT } from '../../i18n/translate';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StepHeading } from '../../ui/StepHeading';
import { useRequiredFields } from '../../ui/useRequiredFields';
import { CHALLENGE_INPUTS } from './challengeInputs';
import type { Challenge } from '../../api/schemas';
import { useResume } from './useResume';

const CHOICE_TYPES = new Set<Challenge['type']>(['OPTIONS', 'IMAGE_OPTIONS']);

/** Every challenge of the member in one form (TEXT, TOKEN, OPTIONS, IMAGE_DATA, IMAGE_OPTIONS). */
export function MfaStep() {
  const t = useT();
  const emit = useEmit();
  const { analyticEvent } = useEmitter();
  const code = useFlow((s) => s.institutionCode);
  const memberGuid = useFlow((s) => s.memberGuid);
  const notice = useFlow((s) => s.notice);
  const bank = useBankName(code);
  const challenges = useCachedMemberStatus(memberGuid).data?.challenges ?? [];
  const resume = useResume();
  // Cancel abandons the challenge (the step table's back column): to search, deleting the member only if this attempt made it
  const goBack = useGoBack();
  // MFA answers live in the form only.
  const noticeKey = notice ? `status.${notice}` : null;

  const { formRef, valueOf, errorOf, change, onSubmit } = useRequiredFields(
    challenges,
    (answers) => {
      if (resume.isPending || !memberGuid) return;
      emit('mx/connect/submitMFA', { member_guid: memberGuid });
      analyticEvent('mfa_submitted', { challenge_count: answers.length });
      resume.mutate(answers);
    },
    // the label is the bank's whole question (a sandbox one carries its hint): not repeated
    (challenge) => t(CHOICE_TYPES.has(challenge.type) ? 'mfa.emptyChoice' : 'mfa.emptyAnswer'),
  );

  if (challenges.length === 0) {
    // MX may send a challenge the widget cannot render (no label, options without values): say so
    return (
      <section>
        <StepHeading>{t('mfa.heading')}</StepHeading>
        <Alert tone="error">{t('mfa.unanswerable', { bank })}</Alert>
        <Button variant="secondary" onClick={goBack}>
          {t('common.backToSearch')}
        </Button>
      </section>
    );
  }

  return (
    <section>
      <StepHeading>{t('mfa.heading')}</StepHeading>
      {noticeKey && t.has(noticeKey) ? <Alert tone="error">{t(noticeKey, { bank })}</Alert> : null}
      <p className="mb-3">{t('mfa.intro', { bank })}</p>
      {resume.error ? (
        <ErrorAlert error={resume.error} lead={t('mfa.sendError')} onRetry={() => formRef.current?.requestSubmit()} />
      ) : null}
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-busy={resume.isPending}>
        {challenges.map((challenge) => {
          const Input = CHALLENGE_INPUTS[challenge.type];
          return (
            <Input
              key={challenge.guid}
              challenge={challenge}
              value={valueOf(challenge.guid)}
              error={errorOf(challenge.guid)}
              disabled={resume.isPending}
              onChange={(value) => change(challenge.guid, value)}
            />
          );
        })}
        <Button type="submit" disabled={resume.isPending}>
          {resume.isPending ? t('mfa.sending') : t('mfa.submit')}
        </Button>
      </form>
      <Button variant="link" className="mt-3" onClick={goBack}>
        {t('common.cancel')}
      </Button>
    </section>
  );
}
