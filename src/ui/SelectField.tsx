import { useId, type SelectHTMLAttributes } from 'react';
import { FieldError, inputClass } from './TextField';

/**
 * A labelled select with a first, empty choice ("Choose one") and its error text linked with
 * aria-describedby, like TextField.
 */
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
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium mb-1">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...select}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
