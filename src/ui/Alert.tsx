import type { ReactNode } from 'react';

export function Alert({ tone = 'info', children }: { tone?: 'info' | 'error'; children: ReactNode }) {
  const toneClass =
    tone === 'error'
      ? 'border-red-700 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100 dark:border-red-300'
      : 'border-slate-400 bg-slate-50 text-slate-900 dark:bg-slate-800 dark:text-slate-100';
  return (
    <div role={tone === 'error' ? 'alert' : undefined} className={`border rounded-brand px-3 py-2 mb-3 ${toneClass}`}>
      {children}
    </div>
  );
}
