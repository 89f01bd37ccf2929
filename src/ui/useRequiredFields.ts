import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/translate';
import { useMoveFocus } from './focus';

interface RequiredField {
  guid: string;
  label: string;
}

/** An empty field's message; by default "{label} is required." */
export type EmptyMessage<F extends RequiredField> = (field: F) => string;

/**
 * The values of a form whose every field is required (credentials, MFA answers), kept here and
 * nowhere else. `onSubmit` checks them: each empty field gets `emptyMessage` (by default "{label}
 * is required."; a label that is a whole question reads better as a short generic line) and the
 * first one gets focus; only a complete form reaches `onValid`. An error clears as soon as its field
 * is typed in.
 */
export function useRequiredFields<F extends RequiredField>(
  fields: readonly F[],
  onValid: (answers: { guid: string; value: string }[], form: { focusFirstField: () => void }) => void,
  emptyMessage?: EmptyMessage<F>,
) {
  const t = useT();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const moveFocus = useMoveFocus();

  const change = (guid: string, value: string) => {
    setValues((current) => ({ ...current, [guid]: value }));
    setErrors((current) => {
      if (!(guid in current)) return current;
      const { [guid]: _cleared, ...rest } = current;
      return rest;
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const field of fields) {
      if ((values[field.guid] ?? '').trim() === '')
        missing[field.guid] = emptyMessage ? emptyMessage(field) : t('common.required', { label: field.label });
    }
    setErrors(missing);
    const first = fields.find((field) => missing[field.guid]);
    if (first) {
      moveFocus(formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first.guid)}"]`));
      return;
    }
    const focusFirstField = () => moveFocus(formRef.current?.querySelector<HTMLElement>('input, select'));
    onValid(
      fields.map((field) => ({ guid: field.guid, value: values[field.guid] ?? '' })),
      { focusFirstField },
    );
  };

  return {
    formRef,
    valueOf: (guid: string) => values[guid] ?? '',
    errorOf: (guid: string) => errors[guid] ?? null,
    change,
    onSubmit,
  };
}
