import { createTranslator, type Catalog } from '../i18n/translate';

/** Shown instead of the widget when it must not run: bad configuration or the wrong host page. */
export function BlockedScreen(
  props: ({ reason: 'config'; param: string; message: string } | { reason: 'embedding' }) & { catalog: Catalog },
) {
  const t = createTranslator(props.catalog);
  return (
    <main className="mx-auto max-w-xl p-4">
      <h1 className="text-xl font-semibold mb-3">{t('error.heading')}</h1>
      <p role="alert">
        {props.reason === 'config'
          ? t('error.config', { param: props.param, message: props.message })
          : t('error.embedding')}
      </p>
    </main>
  );
}
