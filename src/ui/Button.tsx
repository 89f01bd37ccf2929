import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'link';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-brand text-brand-contrast hover:opacity-90 disabled:opacity-60 font-semibold px-4 py-3 w-full',
  secondary:
    'border border-slate-400 text-slate-900 bg-white hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-100 dark:border-slate-500 dark:hover:bg-slate-700 px-4 py-3 w-full',
  link: 'underline text-link px-1 py-1',
};

export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={`rounded-brand focus-ring ${VARIANTS[variant]} ${className}`} {...props} />;
}

export const linkButtonClass =
  'block text-center rounded-brand focus-ring bg-brand text-brand-contrast font-semibold px-4 py-3 w-full hover:opacity-90';
