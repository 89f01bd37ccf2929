import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export const inputClass =
  'w-full min-w-0 rounded-brand border border-slate-500 bg-white text-slate-900 px-3 py-2 focus-ring dark:bg-slate-800 dark:text-slate-100 dark:border-slate-400 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-300';

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-danger mt-1">
      {children}
    </p>
  );
}

/** What a field's control needs to be labelled and to point at its error. */
export interface ControlProps {
  id: string;
  className: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The one labelled-field frame: label, the control (given its ids), and the linked error text. */
export function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string | null;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium mb-1">
        {label}
      </label>
      {children({
        id,
        className: inputClass,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}

/** A labelled input whose error text is linked with aria-describedby. */
export function TextField({
  label,
  error,
  trailing,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; trailing?: ReactNode }) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <div className="flex gap-2">
          <input {...control} {...input} />
          {trailing}
        </div>
      )}
    </Field>
  );
}
