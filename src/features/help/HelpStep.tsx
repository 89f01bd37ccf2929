import { useId, useRef, useState, type FormEvent } from 'react';
import { useHelpOptions } from './helpApi';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';
import { usePlural } from '../../i18n/plural';
import { useLocale, useT } from '../../i18n/translate';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { StepHeading } from '../../ui/StepHeading';
import { FieldError, inputClass, TextField } from '../../ui/TextField';
import { useSendHelp } from './useSendHelp';
import { HELP_TOPICS, MAX_EMAIL, MAX_HELP_DETAILS, type HelpTopic } from '../../../sdk/src/contract/help';
import { isEmail } from '../../../sdk/src/contract/email';
import { useMoveFocus } from '../../ui/focus';

type Field = 'email' | 'topic' | 'details';

/**
 * "Get help": what went wrong, in the user's words, sent through the server to the partner's
 * help desk. A failed send keeps everything typed; Back returns to the screen it came from.
 */
export function HelpStep() {
  const t = useT();
  const locale = useLocale();
  const plural = usePlural();
  // the step's back rule (its back column in flow/steps.ts), the same as the host's back
  const back = useGoBack();
  const history = useFlow((s) => s.history);
  const memberGuid = useFlow((s) => s.memberGuid);
  const institutionCode = useFlow((s) => s.institutionCode);
  const askEmail = useHelpOptions().data?.email_on_file !== true;
  const [email, setEmail] = useState('');
  const [topic, setTopic] = useState<HelpTopic | ''>('');
  const [details, setDetails] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const detailsId = useId();
  const send = useSendHelp();
  const moveFocus = useMoveFocus();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (askEmail && !isEmail(email.trim())) {
      found.email = email.trim() ? t('help.error.email') : t('common.required', { label: t('help.email') });
    }
    if (!topic) found.topic = t('common.required', { label: t('help.topic') });
    if (!details.trim()) found.details = t('common.required', { label: t('help.details') });
    setErrors(found);
    const first = (['email', 'topic', 'details'] as const).find((f) => found[f]);
    if (first) {
      moveFocus(formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`));
      return;
    }
    if (!topic) return;
    send.mutate({
      topic,
      details: details.trim(),
      ...(askEmail ? { email: email.trim() } : {}),
      ...(memberGuid ? { member_guid: memberGuid } : {}),
      ...(institutionCode ? { institution_code: institutionCode } : {}),
      step: history[history.length - 1] ?? 'unknown',
    });
  };

  if (send.isSuccess) {
    // a new section (key), so its heading mounts afresh and takes focus from the Send button that went away
    return (
      <section key="sent">
        <StepHeading>{t('help.sent.heading')}</StepHeading>
        <p className="mb-4">{t('help.sent.body')}</p>
        <Button onClick={() => back()}>{t('common.back')}</Button>
      </section>
    );
  }

  return (
    <section>
      <StepHeading>{t('help.heading')}</StepHeading>
      <p className="mb-3">{t('help.intro')}</p>
      {send.isError ? <ErrorAlert error={send.error} lead={t('help.sendError')} /> : null}
      <form ref={formRef} onSubmit={submit} noValidate>
        {askEmail ? (
          <TextField
            name="email"
            type="email"
            label={t('help.email')}
            autoComplete="email"
            maxLength={MAX_EMAIL}
            value={email}
            error={errors.email}
            onChange={(e) => {
              setEmail(e.target.value);
              setErrors(({ email: _e, ...rest }) => rest);
            }}
          />
        ) : null}
        <SelectField
          name="topic"
          label={t('help.topic')}
          placeholder={t('help.chooseTopic')}
          options={HELP_TOPICS.map((value) => ({ value, label: t(`help.topic.${value}`) }))}
          value={topic}
          error={errors.topic}
          onChange={(e) => {
            setTopic(HELP_TOPICS.find((h) => h === e.target.value) ?? '');
            setErrors(({ topic: _t, ...rest }) => rest);
          }}
        />
        <div className="mb-4">
          <label htmlFor={detailsId} className="block text-sm font-medium mb-1">
            {t('help.details')}
          </label>
          <textarea
            id={detailsId}
            name="details"
            rows={4}
            maxLength={MAX_HELP_DETAILS}
            className={inputClass}
            value={details}
            aria-invalid={errors.details ? true : undefined}
            aria-describedby={`${detailsId}-count${errors.details ? ` ${detailsId}-error` : ''}`}
            onChange={(e) => {
              setDetails(e.target.value);
              setErrors(({ details: _d, ...rest }) => rest);
            }}
          />
          <p id={`${detailsId}-count`} className="text-xs text-muted mt-1">
            {plural('help.detailsCount', MAX_HELP_DETAILS, {
              used: new Intl.NumberFormat(locale).format(details.length),
            })}
          </p>
          {errors.details ? <FieldError id={`${detailsId}-error`}>{errors.details}</FieldError> : null}
        </div>
        <div className="flex flex-col gap-3">
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? t('help.sending') : t('help.send')}
          </Button>
          <Button variant="secondary" onClick={() => back()}>
            {t('common.back')}
          </Button>
        </div>
      </form>
    </section>
  );
}
