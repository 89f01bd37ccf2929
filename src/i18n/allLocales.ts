import { en } from './en';
import { enLater } from './enLater';
import { es } from './es';
import { esLater } from './esLater';
import { frCA } from './frCA';
import { frCALater } from './frCALater';
import type { Locale } from './locales';
import type { Catalog } from './translate';

/** Every catalog at once and whole, for tests and tools (the widget loads each in two parts: en.ts). */
export const LOCALES: Record<Locale, Catalog> = {
  en: { ...en, ...enLater },
  es: { ...es, ...esLater },
  'fr-CA': { ...frCA, ...frCALater },
};
