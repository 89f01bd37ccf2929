import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { WidgetConfig } from '../config/config';
import { DEFAULT_TIMING, type Timing } from '../config/timing';
import { AppMessagesContext, type AppMessageSource } from '../embedding/appChannel';
import type { Emitter } from '../embedding/emitter';
import type { Locale } from '../i18n/locales';
import type { Messages } from '../i18n/translate';
import { InitialFlow } from './InitialFlow';
import { Providers } from './Providers';

export interface WidgetProps {
  config: WidgetConfig;
  api: ApiClient;
  emitter: Emitter;
  framed: boolean;
  timing?: Timing;
  queryClient?: QueryClient;
  locale?: Locale;
  /** the messages for `locale` (i18n/locales.ts loadCatalog) */
  catalog: Messages;
  /** WebView mode: what the native app injects into the page */
  appMessages?: AppMessageSource;
  /** shown while the first reads are answered (main.tsx: the first paint, so it stays on screen) */
  waiting?: ReactNode;
}

/** The whole widget: providers, then the flow from where the URL says it starts. */
export function Widget({
  config,
  api,
  emitter,
  framed,
  timing = DEFAULT_TIMING,
  queryClient,
  locale = 'en',
  catalog,
  appMessages,
  waiting,
}: WidgetProps) {
  return (
    <AppMessagesContext.Provider value={appMessages ?? null}>
      <Providers
        config={config}
        api={api}
        emitter={emitter}
        timing={timing}
        queryClient={queryClient}
        locale={locale}
        catalog={catalog}
      >
        <InitialFlow emitter={emitter} framed={framed} timing={timing} waiting={waiting} />
      </Providers>
    </AppMessagesContext.Provider>
  );
}
