import { useCallback } from 'react';
import type { MessageKey } from './en';
import { useLocale, useT, type Translate } from './translate';

/** A message with plural forms: `${base}.one` and `${base}.other` (any other CLDR form optional). */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;
}[MessageKey];

/**
 * The form Intl.PluralRules picks for `count` in `locale` (French says "0 institution", English
 * "0 institutions"; a form a catalog lacks reads as its "other"), with `{count}` written the
 * locale's way and `vars` for the message's other placeholders. Every message that counts goes
 * through here (a test holds the catalogs and the code to it).
 */
export function plural(
  t: Translate,
  locale: string,
  base: PluralBase,
  count: number,
  vars: Record<string, string | number> = {},
): string {
  const form = `${base}.${new Intl.PluralRules(locale).select(count)}`;
  return t(t.has(form) ? form : `${base}.other`, { ...vars, count: new Intl.NumberFormat(locale).format(count) });
}

/** `plural` bound to the widget's translator and locale. */
export function usePlural() {
  const t = useT();
  const locale = useLocale();
  return useCallback(
    (base: PluralBase, count: number, vars?: Record<string, string | number>) => plural(t, locale, base, count, vars),
    [t, locale],
  );
}
