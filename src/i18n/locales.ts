import { en } from './en';
import { es } from './es';
import { frCA } from './frCA';
import type { Catalog } from './translate';

export const LOCALES = { en, es, 'fr-CA': frCA } satisfies Record<string, Catalog>;
export type Locale = keyof typeof LOCALES;

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
