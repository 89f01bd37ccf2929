import { en } from './en';
import { es } from './es';
import { frCA } from './frCA';
import type { Locale } from './locales';
import type { Catalog } from './translate';

/** Every catalog at once, for tests and tools (the widget itself loads them one by one). */
export const LOCALES: Record<Locale, Catalog> = { en, es, 'fr-CA': frCA };
