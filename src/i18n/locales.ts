import type { FirstScreenCatalog, LaterCatalog } from './translate';
import { resolveLocale, type WidgetLocale } from '../../sdk/src/contract/locale';
import { WIDGET_LOCALES } from '../../sdk/src/contract/widgetOptions';

export const LOCALE_TAGS = WIDGET_LOCALES;
export type Locale = WidgetLocale;
export { resolveLocale };

type Importers<T> = Record<Locale, () => Promise<T>>;

/** The first screen's messages of each locale: one chunk each, preloaded with the page. */
const FIRST_SCREEN: Importers<FirstScreenCatalog> = {
  en: async () => (await import('./en')).en,
  es: async () => (await import('./es')).es,
  'fr-CA': async () => (await import('./frCA')).frCA,
};
/** The rest of each locale's messages, loaded after the first screen (laterMessages.ts). */
const LATER: Importers<LaterCatalog> = {
  en: async () => (await import('./enLater')).enLater,
  es: async () => (await import('./esLater')).esLater,
  'fr-CA': async () => (await import('./frCALater')).frCALater,
};

/** Tries after the first for one catalog chunk, and the first retry's wait (ms, doubling). */
export const CATALOG_RETRIES = 2;
const CATALOG_BACKOFF_MS = 500;

/**
 * Each catalog loads only for the people who need it; the widget waits for it before rendering.
 * A chunk that fails to load (a network blip, a deploy replacing assets) is tried again
 * CATALOG_RETRIES times with doubling backoff; then another locale's catalog is read in English
 * rather than showing nothing. Rejects (with the last load error) only when English cannot load
 * either. `importers` is for tests.
 */
export function loadCatalog(
  locale: Locale,
  importers: Importers<FirstScreenCatalog> = FIRST_SCREEN,
): Promise<FirstScreenCatalog> {
  return withRetries(locale, importers);
}

/** The rest of `locale`'s messages, with the same retries and English fallback as loadCatalog. */
export function loadLaterCatalog(locale: Locale, importers: Importers<LaterCatalog> = LATER): Promise<LaterCatalog> {
  return withRetries(locale, importers);
}

async function withRetries<T>(locale: Locale, importers: Importers<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await importers[locale]();
    } catch (error) {
      if (attempt === CATALOG_RETRIES) {
        if (locale === 'en') throw error;
        return withRetries('en', importers);
      }
      await new Promise((resolve) => setTimeout(resolve, CATALOG_BACKOFF_MS * 2 ** attempt));
    }
  }
}
