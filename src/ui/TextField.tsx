import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export const inputClass =
  'w-full rounded-brand border border-slate-500 bg-white text-slate-900 px-3 py-2 focus-ring dark:bg-slate-800 dark:text-slate-100 dark:border-slate-400 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-300';

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-danger mt-1">
      {children}
    </p>
  );
}

/** A labelled input whose error text is linked with aria-describedby. */
export function TextField({
  label,
  error,
  trailing,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; trailing?: ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium mb-1">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...input}
        />
        {trailing}
      </div>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </div>
  );
}
