import { useCallback } from 'react';
import type { MessageKey } from './en';
import { useLocale, useT } from './translate';

/** A message in its singular and plural forms (CLDR's other categories read as "other"). */
export interface PluralForms {
  one: MessageKey;
  other: MessageKey;
}

/**
 * `plural(forms, count)`: the form Intl.PluralRules picks for the active locale (French says
 * "0 institution", English "0 institutions"), with `{count}` formatted for that locale.
 */
export function usePlural() {
  const t = useT();
  const locale = useLocale();
  return useCallback(
    (forms: PluralForms, count: number) =>
      t(new Intl.PluralRules(locale).select(count) === 'one' ? forms.one : forms.other, {
        count: new Intl.NumberFormat(locale).format(count),
      }),
    [t, locale],
  );
}
