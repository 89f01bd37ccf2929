import { createContext, useContext } from 'react';
import { en, type MessageKey } from './en';

/** Every locale must have every key: the compiler checks it, and a test checks the placeholders. */
export type Catalog = Record<MessageKey, string>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function createTranslator(catalog: Catalog = en): Translate {
  return (key, vars = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export const TranslateContext = createContext<Translate>(createTranslator());

export function useT(): Translate {
  return useContext(TranslateContext);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** The active locale tag, for Intl number and currency formatting. */
export const LocaleContext = createContext<string>('en');

export function useLocale(): string {
  return useContext(LocaleContext);
}
