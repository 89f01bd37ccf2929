import { QueryClientProvider, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import { ApiProvider, useApi } from '../api/ApiProvider';
import type { ApiClient } from '../api/client';
import { errorKindOf } from '../api/errors';
import { useInstitution } from '../api/queries';
import { queryKeys } from '../api/queryKeys';
import type { WidgetConfig } from '../config/config';
import { ConfigProvider, useConfig } from '../config/ConfigProvider';
import { DEFAULT_TIMING, TimingContext, type Timing } from '../config/timing';
import { EmitterContext, type Emitter } from '../embedding/emitter';
import { createFlowStore, FlowStoreContext, type FlowState } from '../flow/store';
import { en } from '../i18n/en';
import type { Locale } from '../i18n/locales';
import type { Catalog } from '../i18n/translate';
import { createTranslator, LocaleContext, TranslateContext, useT } from '../i18n/translate';
import { Spinner } from '../ui/Spinner';
import { Button } from '../ui/Button';
import { ErrorBoundary } from './ErrorBoundary';
import { LiveRegion } from './LiveRegion';
import { createQueryClient } from './queryClient';
import { loadedStepName, resolveInitialStep } from './resolveInitialStep';
import { StepRouter } from './StepRouter';
import { useHostBridge } from './useHostBridge';
import { useReportHeight } from './useReportHeight';
import { useSessionExpiry } from './useSessionExpiry';

export interface WidgetProps {
  config: WidgetConfig;
  api: ApiClient;
  emitter: Emitter;
  framed: boolean;
  timing?: Timing;
  queryClient?: QueryClient;
  locale?: Locale;
  /** the messages for `locale` (English when absent) */
  catalog?: Catalog;
}

export function Widget({
  config,
  api,
  emitter,
  framed,
  timing = DEFAULT_TIMING,
  queryClient,
  locale = 'en',
  catalog = en,
}: WidgetProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [translate] = useState(() => createTranslator(catalog));
  return (
    <ConfigProvider config={config}>
      <ApiProvider client={api}>
        <QueryClientProvider client={client}>
          <TimingContext.Provider value={timing}>
            <EmitterContext.Provider value={emitter}>
              <LocaleContext.Provider value={locale}>
                <TranslateContext.Provider value={translate}>
                  <Boot emitter={emitter} framed={framed} timing={timing} />
                </TranslateContext.Provider>
              </LocaleContext.Provider>
            </EmitterContext.Provider>
          </TimingContext.Provider>
        </QueryClientProvider>
      </ApiProvider>
    </ConfigProvider>
  );
}

/** Resolves where the flow starts (current_member_guid, current_institution_code) before rendering it. */
function Boot({ emitter, framed, timing }: { emitter: Emitter; framed: boolean; timing: Timing }) {
  const api = useApi();
  const t = useT();
  const config = useConfig();
  const memberGuid = config.current_member_guid ?? null;
  const member = useQuery({
    queryKey: queryKeys.member(config.user_guid, memberGuid ?? ''),
    queryFn: ({ signal }) => api.getMember(config.user_guid, memberGuid ?? '', signal),
    enabled: memberGuid !== null,
  });
  const code = config.current_institution_code ?? member.data?.institution_code ?? null;
  const institution = useInstitution(code);
  const waiting = (memberGuid !== null && member.isPending) || (code !== null && institution.isPending);
  const failure = member.error ?? institution.error;

  if (waiting) {
    return (
      <div className="p-4">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  const initial: Partial<FlowState> = failure
    ? { step: 'error', errorKind: errorKindOf(failure) }
    : resolveInitialStep(config, institution.data, member.data);
  return (
    <FlowRoot
      initial={initial}
      manual={member.data?.connection_status === null}
      emitter={emitter}
      framed={framed}
      timing={timing}
    />
  );
}

function FlowRoot({
  initial,
  manual,
  ...rest
}: {
  initial: Partial<FlowState>;
  manual: boolean;
  emitter: Emitter;
  framed: boolean;
  timing: Timing;
}) {
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  const [store] = useState(() => {
    if (manual && initial.memberGuid) {
      // a manual member is never polled: seed its (null) status so the connected step knows
      queryClient.setQueryData(queryKeys.memberStatus(user_guid, initial.memberGuid), {
        guid: initial.memberGuid,
        connection_status: null,
        is_being_aggregated: false,
      });
    }
    return createFlowStore(initial);
  });
  return (
    <FlowStoreContext.Provider value={store}>
      <FlowApp store={store} {...rest} />
    </FlowStoreContext.Provider>
  );
}

function FlowApp({
  store,
  emitter,
  framed,
  timing,
}: {
  store: StoreApi<FlowState>;
  emitter: Emitter;
  framed: boolean;
  timing: Timing;
}) {
  const config = useConfig();
  const rootRef = useRef<HTMLDivElement>(null);
  useHostBridge(store, emitter, config, framed);
  useReportHeight(rootRef, emitter, timing.resizeDebounceMs);
  useSessionExpiry(store, emitter);
  useEffect(() => {
    emitter.emit('mx/connect/loaded', { initial_step: loadedStepName(store.getState().step) });
  }, [emitter, store]);
  return (
    <div ref={rootRef} className="mx-auto w-full max-w-xl p-4">
      <LiveRegion />
      <main>
        {/* the last line of defence: whatever breaks outside a step still leaves a way out */}
        <ErrorBoundary fallback={() => <WidgetCrashed />}>
          <StepRouter />
        </ErrorBoundary>
      </main>
    </div>
  );
}

function WidgetCrashed() {
  const t = useT();
  return (
    <section>
      <h1 className="text-xl font-semibold mb-3">{t('error.heading')}</h1>
      <p className="mb-4">{t('error.crash')}</p>
      <Button onClick={() => window.location.reload()}>{t('common.tryAgain')}</Button>
    </section>
  );
}
