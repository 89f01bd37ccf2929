import { createContext, useContext } from 'react';
import type { AppMessage } from './appMessages';

/**
 * Messages a native app injects into the page (WebView mode only): subscribe, get an unsubscribe.
 * Null everywhere else, so a browser host can never reach these handlers.
 */
export type AppMessageSource = (onMessage: (message: AppMessage) => void) => () => void;

export const AppMessagesContext = createContext<AppMessageSource | null>(null);

export function useAppMessages(): AppMessageSource | null {
  return useContext(AppMessagesContext);
}
