import { createContext, useContext } from 'react';
import type { MessageKey } from './en';

/** Every locale must have every key: the compiler checks it, and a test checks the placeholders. */
export type Catalog = Record<MessageKey, string>;
export type Translate = ((key: MessageKey, vars?: Record<string, string | number>) => string) & {
  /** whether a key built at run time (`status.${name}`) is one of the catalog's */
  has(key: string): key is MessageKey;
};

/**
 * Every catalog, English too, loads apart from the first bundle (i18n/locales.ts): the widget
 * renders only once the user's catalog is there, so nothing reads a catalog before that.
 */
export function createTranslator(catalog: Catalog): Translate {
  const translate = (key: MessageKey, vars: Record<string, string | number> = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  return Object.assign(translate, { has: (key: string): key is MessageKey => key in catalog });
}

/** Outside a provider (never in the product) a key reads as itself. */
export const TranslateContext = createContext<Translate>(
  Object.assign((key: MessageKey) => key, { has: (_key: string): _key is MessageKey => false }),
);

export function useT(): Translate {
  return useContext(TranslateContext);
}

/** The active locale tag, for Intl number and currency formatting. */
export const LocaleContext = createContext<string>('en');

export function useLocale(): string {
  return useContext(LocaleContext);
}
