import type { ReactNode } from 'react';

/**
 * One choice of a radio group drawn as a card: the whole card is the label, the checked one
 * carries the brand ring, keyboard focus shows on the card. `tile` stacks the content (image
 * choices) and keeps the radio for screen readers only.
 */
export function RadioCard({
  name,
  value,
  checked,
  disabled,
  invalid,
  tile = false,
  onChange,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  invalid?: boolean;
  tile?: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <label
      className={`flex items-center gap-2 rounded-brand border border-slate-400 px-3 py-2 cursor-pointer has-[:checked]:border-brand has-[:checked]:ring-2 has-[:checked]:ring-brand has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus ${tile ? 'flex-col' : ''}`}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        aria-invalid={invalid ? true : undefined}
        className={tile ? 'sr-only' : ''}
        onChange={onChange}
      />
      {children}
    </label>
  );
}
