import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/translate';
import type { DraftField, MicrodepositDraft, Problems } from './microdepositForm';
import type { FormScreenProps } from './MicrodepositForm';

/**
 * One screen's checks: on Continue the screen's `check` runs; problems show under their fields
 * (the first one focused) and a field's problem clears as it is edited.
 */
export function useFieldProblems({ draft, change, next }: FormScreenProps, check: (d: MicrodepositDraft) => Problems) {
  const t = useT();
  const [problems, setProblems] = useState<Problems>({});
  const label = (field: DraftField) => t(`md.field.${field}`);
  return {
    label,
    message: (field: DraftField): string | null => {
      const problem = problems[field];
      if (!problem) return null;
      return problem === 'required' ? t('common.required', { label: label(field) }) : t(`md.error.${problem}`);
    },
    edit: (field: DraftField, value: string) => {
      change({ [field]: value });
      setProblems(({ [field]: _cleared, ...rest }) => rest);
    },
    submit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const found = check(draft);
      setProblems(found);
      const first = Object.keys(found)[0];
      if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      else next();
    },
  };
}
