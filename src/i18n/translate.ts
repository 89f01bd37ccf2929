import { createContext, useContext } from 'react';
import type { FirstScreenKey, LaterKey, MessageKey } from './en';

/** Every locale must have every key: the compiler checks it, and a test checks the placeholders. */
export type Catalog = Record<MessageKey, string>;
/** A locale's first-screen messages (en.ts), loaded before the widget renders. */
export type FirstScreenCatalog = Record<FirstScreenKey, string>;
/** A locale's other messages (enLater.ts), loaded after the first screen. */
export type LaterCatalog = Record<LaterKey, string>;
/**
 * The messages the widget has so far: the first screen's from the start, the rest once
 * i18n/laterMessages.ts has added them into this same object (every screen but the first waits
 * for that before it renders, so no render reads a message that is not there yet).
 */
export type Messages = FirstScreenCatalog & Partial<LaterCatalog>;
export type Translate = ((key: MessageKey, vars?: Record<string, string | number>) => string) & {
  /** whether a key built at run time (`status.${name}`) is one of the catalog's */
  has(key: string): key is MessageKey;
};

/** Keys already reported missing: each is said once, not on every render. */
const reportedMissing = new Set<string>();

/**
 * In development and tests, a key read before its message is there is said on the console (once
 * per key), so a later key reaching the first screen fails loudly where it is made, not as a
 * key on a user's screen. Production builds drop this (Vite replaces both conditions).
 */
function reportMissing(key: string): void {
  if (!(import.meta.env.DEV || import.meta.env.MODE === 'test') || reportedMissing.has(key)) return;
  reportedMissing.add(key);
  console.error(`i18n: no message for "${key}" yet (a later key read before src/i18n/laterMessages.ts loaded it?)`);
}

/**
 * Every catalog, English too, loads apart from the first bundle (i18n/locales.ts): the widget
 * renders only once the user's first-screen messages are there, and every later screen only once
 * the rest are (i18n/laterMessages.ts). A key read before its message is there reads as itself
 * (and is reported in development and tests); `npm run size` keeps later keys out of the first
 * bundle, so that does not happen.
 */
export function createTranslator(catalog: Messages): Translate {
  // read at each call, not copied: the later messages arrive in this object after the first screen
  const translate = (key: MessageKey, vars: Record<string, string | number> = {}) => {
    const message = catalog[key];
    if (message === undefined) reportMissing(key);
    return (message ?? key).replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
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
