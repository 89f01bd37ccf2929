import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useRef } from 'react';
import type { StoreApi } from 'zustand';
import { useApi } from '../api/ApiProvider';
import { membersOptions } from '../api/queries';
import { useConfig } from '../config/ConfigProvider';
import type { Timing } from '../config/timing';
import type { Emitter } from '../embedding/emitter';
import { useBankWindowOwner } from '../flow/bankWindow';
import { useFlow, type FlowState } from '../flow/store';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { FocusPolicyContext, useFocusWatcher } from '../ui/focus';
import { ErrorBoundary } from './ErrorBoundary';
import { LiveRegion } from './LiveRegion';
import { StepRouter } from './StepRouter';
import { useHostBridge } from './useHostBridge';
import { laterMessages } from '../i18n/laterMessages';
import { usePageviews } from './usePageviews';
import { useReportHeight } from './useReportHeight';
import { useSessionExpiry } from './useSessionExpiry';

// rare (the user's connections failed to load at start), so not in the first bundle; a note that
// cannot load is left out rather than breaking the screen under it
const MembersNote = lazy(() =>
  Promise.all([import('./MembersNote'), laterMessages()]).then(
    ([m]) => ({ default: m.MembersNote }),
    () => ({ default: () => null }),
  ),
);

/** The running widget: the step on screen, the live region, and its ties to the host page. */
export function FlowApp({
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
  useBankWindowOwner(store);
  useReportHeight(rootRef, emitter, timing.resizeDebounceMs);
  const focusPolicy = useFocusWatcher(rootRef);
  useSessionExpiry(store, emitter);
  usePageviews(store, emitter, config.user_guid);
  return (
    <div ref={rootRef} className="mx-auto w-full max-w-xl p-4">
      <LiveRegion />
      <FocusPolicyContext.Provider value={focusPolicy}>
        <main>
          <MembersNoteWhenFailed />
          {/* the last line of defence: whatever breaks outside a step still leaves a way out */}
          <ErrorBoundary fallback={() => <WidgetCrashed />}>
            <StepRouter />
          </ErrorBoundary>
        </main>
      </FocusPolicyContext.Provider>
    </div>
  );
}

/**
 * The note's chunk is asked for only once the list has failed on search: loading it with every
 * first screen put one more round trip before the search box (issue #27's waterfall).
 */
function MembersNoteWhenFailed() {
  const step = useFlow((s) => s.step);
  // watching never reads the list (enabled: false); InitialFlow read it
  const members = useQuery({ ...membersOptions(useApi(), useConfig().user_guid), enabled: false });
  if (step !== 'search' || members.errorUpdateCount === 0) return null;
  return (
    <Suspense fallback={null}>
      <MembersNote />
    </Suspense>
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
