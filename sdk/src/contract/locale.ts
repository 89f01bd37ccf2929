import { WIDGET_LOCALES } from './widgetOptions';

export type WidgetLocale = (typeof WIDGET_LOCALES)[number];

/** One language tag (`es-MX`, `fr`, ` EN `) as a widget locale; null for any other language. */
export function matchLocale(tag: string | undefined | null): WidgetLocale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  if (lower === 'fr-ca' || lower.startsWith('fr')) return 'fr-CA';
  if (lower.startsWith('es')) return 'es';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/**
 * The widget's locale: the `locale` URL parameter, else the first of the browser's languages (in
 * preference order) the widget speaks, else English. The widget (navigator.languages) and the
 * server (Accept-Language, to preload the locale's catalog) decide it the same way.
 */
export function resolveLocale(param: string | undefined, browser: readonly string[] = []): WidgetLocale {
  return matchLocale(param) ?? browser.map(matchLocale).find((l): l is WidgetLocale => l !== null) ?? 'en';
}
