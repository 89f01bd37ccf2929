import type { ReactNode } from 'react';
import { createTranslator, type Messages } from '../i18n/translate';

/**
 * Shown instead of the widget when it must not run: a widget URL with an option it cannot use (a
 * plain message; the option itself goes to the console and the host, see blockedStart.tsx), or the
 * wrong host page. `children`: the way out, when there is a host to tell.
 */
export function BlockedScreen(props: { reason: 'config' | 'embedding'; catalog: Messages; children?: ReactNode }) {
  const t = createTranslator(props.catalog);
  return (
    <main className="mx-auto max-w-xl p-4">
      <h1 className="text-xl font-semibold mb-3">{t('error.heading')}</h1>
      <p role="alert" className="mb-4">
        {t(props.reason === 'config' ? 'error.invalidOption' : 'error.embedding')}
      </p>
      {props.children}
    </main>
  );
}
