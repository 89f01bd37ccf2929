import { Suspense, useEffect, type ComponentType } from 'react';
import { SearchStep } from '../features/search/SearchStep';
import { offersHelp, POLLING_STEPS, type FirstStep, type LaterStep, type Step } from '../flow/steps';
import { useFlow } from '../flow/store';
import { useBackToSearch } from '../flow/useBackToSearch';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { Spinner } from '../ui/Spinner';
import { StepHeading } from '../ui/StepHeading';
import { ErrorBoundary } from './ErrorBoundary';
// error screens must show even when the network that would load a lazy chunk is down
import { ErrorStep } from './ErrorStep';
import { isScreenLoadError, lazyScreen, type LazyScreen } from './lazyScreen';
import { PART_COLUMN, SCREEN_COLUMN, type ScreenPath } from './screens';

// Only the first bundle's screens (the step table's chunk `first`) are imported here. Every other
// screen loads through one module (virtual:screens, written by screensPlugin.ts from the step table),
// so the first bundle holds one dynamic import (with nothing to preload), not one per screen.
// The connect path's later steps load while the user is busy on the first screen
// (usePreloadConnectPath), every other screen the first time it shows.
const FIRST_SCREENS: Record<FirstStep, ComponentType> = { search: SearchStep, error: ErrorStep };

let screensModule: Promise<typeof import('virtual:screens')> | null = null;
/** The later screens' module, imported once for them all; one that failed is tried again when next needed. */
function laterScreensModule() {
  screensModule ??= import('virtual:screens').catch((error: unknown) => {
    screensModule = null;
    throw error;
  });
  return screensModule;
}

// Asked for as the entry runs, while the catalog and the first reads load: a widget that opens on a
// later screen (consent, connections) then needs one more request for that screen, as before the map
// (1.3 KB) existed, not two in a row. A failure here is forgotten, and tried again when next needed.
void laterScreensModule().catch(() => undefined);

const laterScreens = new Map<ScreenPath, LazyScreen>();
/** One lazy screen per screen path: steps one component shows (the microdeposit form's) share it. */
function laterScreen(path: ScreenPath): LazyScreen {
  const known = laterScreens.get(path);
  if (known) return known;
  const loaded = lazyScreen(() => laterScreensModule().then(({ loadScreen }) => loadScreen(path)));
  laterScreens.set(path, loaded);
  return loaded;
}
const LATER_SCREENS = Object.fromEntries(
  Object.entries(SCREEN_COLUMN).map(([step, path]) => [step, laterScreen(path)]),
) as Record<LaterStep, LazyScreen>;
const GetHelpButton = laterScreen(PART_COLUMN.GetHelpButton.screen);
const MemberStatusWatcher = laterScreen(PART_COLUMN.MemberStatusWatcher.screen);

/** The step table's screen column: a screen for every step (`Record<Step, …>` fails to compile without one). */
const STEPS: Record<Step, ComponentType> = { ...FIRST_SCREENS, ...LATER_SCREENS };

/** What a connection needs after search, in the order it is needed. */
const CONNECT_PATH: readonly LazyScreen[] = [
  LATER_SCREENS.chooseMethod,
  LATER_SCREENS.enterCreds,
  LATER_SCREENS.oauth,
  LATER_SCREENS.connecting,
  MemberStatusWatcher,
  LATER_SCREENS.mfa,
  LATER_SCREENS.connected,
  LATER_SCREENS.loginError,
];

/** Loads the connect path's screens once the first screen is up and has sent its own requests. */
function usePreloadConnectPath() {
  useEffect(() => {
    // a failed preload costs nothing: the screen loads (or reports its failure) when it shows
    const timer = setTimeout(() => CONNECT_PATH.forEach((next) => void next.preload().catch(() => undefined)), 300);
    return () => clearTimeout(timer);
  }, []);
}

/**
 * One key per screen component. A new step gets a fresh screen; steps that one component shows
 * (the microdeposit form's five) keep it mounted, and with it what the user typed.
 */
const SCREEN_KEYS = new Map<ComponentType, number>(
  [...new Set(Object.values(STEPS))].map((component, i) => [component, i]),
);

/**
 * What shows when the screen throws: a screen whose code or messages could not be loaded (the
 * network, a deploy) can be tried again, here; any other crash offers only the way back to search.
 */
function CrashFallback({ reset, error }: { reset: () => void; error: unknown }) {
  const t = useT();
  const backToSearch = useBackToSearch();
  const unloaded = isScreenLoadError(error);
  return (
    <section>
      <StepHeading>{t('error.heading')}</StepHeading>
      <p className="mb-4">{t(unloaded ? 'error.screenUnavailable' : 'error.crash')}</p>
      <div className="flex flex-col gap-3">
        {/* a new mount of the same screen: it asks the network again */}
        {unloaded ? <Button onClick={reset}>{t('common.tryAgain')}</Button> : null}
        <Button
          variant={unloaded ? 'secondary' : undefined}
          onClick={() => {
            backToSearch('error');
            reset();
          }}
        >
          {t('common.backToSearch')}
        </Button>
      </div>
    </section>
  );
}

/**
 * "Get help" below the screen: it shows with the screen or after it, never holding it back, and a
 * help chunk that cannot load (the network is down) leaves the screen as it is: the error screen,
 * above all, still shows.
 */
function HelpOffer() {
  return (
    <ErrorBoundary fallback={() => null}>
      <Suspense fallback={null}>
        <GetHelpButton />
      </Suspense>
    </ErrorBoundary>
  );
}

export function StepRouter() {
  const t = useT();
  usePreloadConnectPath();
  const step = useFlow((s) => s.step);
  const memberGuid = useFlow((s) => s.memberGuid);
  const attempt = useFlow((s) => s.attempt);
  const StepComponent = STEPS[step];
  const polling = memberGuid !== null && POLLING_STEPS.includes(step);
  const credentialsMode = useFlow((s) => s.credentialsMode);
  const errorKind = useFlow((s) => s.errorKind);
  const offerHelp = offersHelp({ step, credentialsMode, memberGuid, errorKind });
  return (
    <>
      {polling ? (
        // its own boundary: a watcher whose chunk could not load says so, with Try again, above the
        // screen it watches for (which stays), instead of crashing the whole widget
        <ErrorBoundary key={memberGuid} fallback={(reset, error) => <CrashFallback reset={reset} error={error} />}>
          <Suspense fallback={null}>
            <MemberStatusWatcher />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      {/* a fresh start re-enters even the screen it is on (OAuth, pinned institution) from scratch */}
      <ErrorBoundary
        key={`${attempt}:${SCREEN_KEYS.get(StepComponent) ?? step}`}
        fallback={(reset, error) => <CrashFallback reset={reset} error={error} />}
      >
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <StepComponent />
          {offerHelp ? <HelpOffer /> : null}
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
