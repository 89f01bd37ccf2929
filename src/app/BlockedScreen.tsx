import { useEffect } from 'react';
import { EmitterContext, type Emitter } from '../embedding/emitter';
import { useDone } from '../embedding/useDone';
import { createTranslator, type Catalog } from '../i18n/translate';
import { Button } from '../ui/Button';

/**
 * Shown instead of the widget when it must not run: a widget URL with an option it cannot use (a
 * plain message, the option itself goes to the console and the host), or the wrong host page.
 * `hostListens`: there is a host to tell, so Close sends it the widget's usual way out.
 */
export function BlockedScreen(
  props: ({ reason: 'config'; hostListens: boolean } | { reason: 'embedding' }) & { catalog: Catalog },
) {
  const t = createTranslator(props.catalog);
  return (
    <main className="mx-auto max-w-xl p-4">
      <h1 className="text-xl font-semibold mb-3">{t('error.heading')}</h1>
      <p role="alert" className="mb-4">
        {t(props.reason === 'config' ? 'error.invalidOption' : 'error.embedding')}
      </p>
      {props.reason === 'config' && props.hostListens ? <CloseButton label={t('error.invalidOption.close')} /> : null}
    </main>
  );
}

function CloseButton({ label }: { label: string }) {
  const done = useDone();
  return <Button onClick={done}>{label}</Button>;
}

/**
 * A widget URL with an option the widget cannot use: the host hears which one (once, by name), the
 * user reads a plain message, and Close (when a host listens) sends the widget's usual way out.
 */
export function InvalidOptionScreen({
  option,
  emitter,
  hostListens,
  catalog,
}: {
  option: string;
  emitter: Emitter;
  hostListens: boolean;
  catalog: Catalog;
}) {
  useEffect(() => emitter.invalidOption(option), [emitter, option]);
  return (
    <EmitterContext.Provider value={emitter}>
      <BlockedScreen reason="config" hostListens={hostListens} catalog={catalog} />
    </EmitterContext.Provider>
  );
}
