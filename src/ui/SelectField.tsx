import type { SelectHTMLAttributes } from 'react';
import { Field } from './TextField';

/** A labelled select with a first, empty choice ("Choose one"), framed like TextField. */
export function SelectField({
  label,
  placeholder,
  options,
  error,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  placeholder: string;
  options: readonly { value: string; label: string }[];
  error?: string | null;
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select {...control} {...select}>
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
