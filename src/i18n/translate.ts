import { createContext, useContext } from 'react';
import { en, type MessageKey } from './en';

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
