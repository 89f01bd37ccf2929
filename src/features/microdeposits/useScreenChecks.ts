import type { ChangeEvent, FormEvent } from 'react';
import { useT } from '../../i18n/translate';
import { useFieldProblems } from '../../ui/useFieldProblems';
import type { DraftField, FieldProblem, MicrodepositDraft, Problems } from './microdepositDraft';
import type { FormScreenProps } from './microdepositDraft';

/** One screen of the details form: its fields' labels and messages, and Continue running its `check`. */
export function useScreenChecks({ draft, change, next }: FormScreenProps, check: (d: MicrodepositDraft) => Problems) {
  const t = useT();
  const problems = useFieldProblems<DraftField, FieldProblem>();
  const label = (field: DraftField) => t(`md.field.${field}`);
  const message = (field: DraftField): string | null => {
    const problem = problems.problemOf(field);
    if (!problem) return null;
    return problem === 'required' ? t('common.required', { label: label(field) }) : t(`md.error.${problem}`);
  };
  const edit = (field: DraftField, value: string) => {
    change({ [field]: value });
    problems.clear(field);
  };
  return {
    label,
    message,
    edit,
    /** what a text field of the draft takes: its name, label, value, message and edits */
    textField: (field: DraftField) => ({
      name: field,
      label: label(field),
      value: draft[field],
      error: message(field),
      onChange: (event: ChangeEvent<HTMLInputElement>) => edit(field, event.target.value),
    }),
    submit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (problems.report(check(draft), event.currentTarget)) next();
    },
  };
}
