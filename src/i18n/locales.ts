import type { Catalog } from './translate';
import { WIDGET_LOCALES } from '../../sdk/src/contract/widgetOptions';

export const LOCALE_TAGS = WIDGET_LOCALES;
export type Locale = (typeof LOCALE_TAGS)[number];

function match(tag: string | undefined | null): Locale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  if (lower === 'fr-ca' || lower.startsWith('fr')) return 'fr-CA';
  if (lower.startsWith('es')) return 'es';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** The `locale` URL parameter, else the browser's languages, else English. */
export function resolveLocale(param: string | undefined, browser: readonly string[] = []): Locale {
  return match(param) ?? browser.map(match).find((l): l is Locale => l !== null) ?? 'en';
}

/** Each catalog loads only for the people who need it; the widget waits for it before rendering. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  if (locale === 'es') return (await import('./es')).es;
  if (locale === 'fr-CA') return (await import('./frCA')).frCA;
  return (await import('./en')).en;
}
