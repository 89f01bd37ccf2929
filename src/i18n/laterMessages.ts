import { loadLaterCatalog, type Locale } from './locales';
import type { Messages } from './translate';

let complete: (() => Promise<void>) | undefined;
let completing: Promise<void> | undefined;

/**
 * Called once at start (main.tsx), before the first render: where the rest of the messages come
 * from (`locale`'s later catalog, i18n/locales.ts) and the object they go into (the one the
 * translator reads). Nothing loads yet: the first screen does not need them.
 */
export function laterMessagesFor(locale: Locale, messages: Messages): void {
  complete = async () => {
    Object.assign(messages, await loadLaterCatalog(locale));
  };
  completing = undefined;
}

/**
 * Resolves once every message is there: at once when the widget started with a whole catalog
 * (tests, tools), else after loading the rest the first time anyone asks (every lazily loaded
 * screen asks before it renders: app/lazyScreen.tsx). Rejects when the chunk cannot load even after
 * loadLaterCatalog's retries; the next call tries again, as a screen's own chunk would.
 */
export function laterMessages(): Promise<void> {
  if (!complete) return Promise.resolve();
  completing ??= complete().catch((error: unknown) => {
    completing = undefined;
    throw error;
  });
  return completing;
}
