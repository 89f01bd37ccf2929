import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiProvider } from '../api/ApiProvider';
import type { ApiClient } from '../api/client';
import type { WidgetConfig } from '../config/config';
import { ConfigProvider } from '../config/ConfigProvider';
import { TimingContext, type Timing } from '../config/timing';
import { EmitterContext, type Emitter } from '../embedding/emitter';
import type { Locale } from '../i18n/locales';
import type { Messages } from '../i18n/translate';
import { createTranslator, LocaleContext, TranslateContext } from '../i18n/translate';
import { createQueryClient } from './queryClient';

export interface ProvidersProps {
  config: WidgetConfig;
  api: ApiClient;
  emitter: Emitter;
  timing: Timing;
  queryClient?: QueryClient;
  locale: Locale;
  catalog: Messages;
  children: ReactNode;
}

/** Everything a step may read from context: config, API client, server cache, timings, events, words. */
export function Providers({ config, api, emitter, timing, queryClient, locale, catalog, children }: ProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [translate] = useState(() => createTranslator(catalog));
  return (
    <ConfigProvider config={config}>
      <ApiProvider client={api}>
        <QueryClientProvider client={client}>
          <TimingContext.Provider value={timing}>
            <EmitterContext.Provider value={emitter}>
              <LocaleContext.Provider value={locale}>
                <TranslateContext.Provider value={translate}>{children}</TranslateContext.Provider>
              </LocaleContext.Provider>
            </EmitterContext.Provider>
          </TimingContext.Provider>
        </QueryClientProvider>
      </ApiProvider>
    </ConfigProvider>
  );
}
