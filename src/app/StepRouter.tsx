import { Suspense, useEffect, type ComponentType } from 'react';
import { SearchStep } from '../features/search/SearchStep';
import { offersHelp, POLLING_STEPS, type Step } from '../flow/steps';
import { useFlow } from '../flow/store';
import { useBackToSearch } from '../flow/useBackToSearch';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { Spinner } from '../ui/Spinner';
import { StepHeading } from '../ui/StepHeading';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyScreen as screen, type LazyScreen } from './lazyScreen';
// error screens must show even when the network that would load a lazy chunk is down
import { ErrorStep } from './ErrorStep';

// Only search is in the first bundle; the connect path's later steps load while the user is busy
// on the first screen (usePreloadConnectPath), every other screen the first time it shows.
// the status watcher (and its status table) is needed once there is a member to poll, not before
const MemberStatusWatcher = screen(() => import('../features/connecting/MemberStatusWatcher'), 'MemberStatusWatcher');
const ConsentStep = screen(() => import('../features/consent/ConsentStep'), 'ConsentStep');
const InstitutionUnavailableStep = screen(
  () => import('../features/institutionUnavailable/InstitutionUnavailableStep'),
  'InstitutionUnavailableStep',
);
const ChooseMethodStep = screen(() => import('../features/method/ChooseMethodStep'), 'ChooseMethodStep');
const CredentialsStep = screen(() => import('../features/credentials/CredentialsStep'), 'CredentialsStep');
const OAuthStep = screen(() => import('../features/oauth/OAuthStep'), 'OAuthStep');
const ConnectingStep = screen(() => import('../features/connecting/ConnectingStep'), 'ConnectingStep');
const MfaStep = screen(() => import('../features/mfa/MfaStep'), 'MfaStep');
const ConnectedStep = screen(() => import('../features/connected/ConnectedStep'), 'ConnectedStep');
const StatusStep = screen(() => import('../features/connecting/StatusStep'), 'StatusStep');
// The account screens (connections, disconnect, manual accounts, help) and the microdeposit flow
// are one lazy chunk each, through one grouping module each: rolldown's chunk groups (tried as
// vite.config.ts codeSplitting/manualChunks) also pull the first screen's shared modules in, or
// split a facade chunk per screen, so the grouping stays in code.
const accountScreen = (name: keyof typeof import('./accountScreens')) => screen(() => import('./accountScreens'), name);
const ConnectionsStep = accountScreen('ConnectionsStep');
const DisconnectStep = accountScreen('DisconnectStep');
const DisconnectedStep = accountScreen('DisconnectedStep');
const ManualAccountStep = accountScreen('ManualAccountStep');
const ManualAccountAddedStep = accountScreen('ManualAccountAddedStep');
const HelpStep = accountScreen('HelpStep');
const GetHelpButton = accountScreen('GetHelpButton');
// the microdeposit details form is one component for all its screens
const microdepositScreen = (name: keyof typeof import('./microdepositScreens')) =>
  screen(() => import('./microdepositScreens'), name);
const MicrodepositForm = microdepositScreen('MicrodepositForm');
const MicrodepositStatusStep = microdepositScreen('MicrodepositStatusStep');

/**
 * The step table's screen column (src/flow/steps.ts has the rest of each row). It lives here because
 * flow/ may not import features (README "Architecture"); `Record<Step, …>` makes a step without a
 * screen a compile error.
 */
const STEPS: Record<Step, ComponentType> = {
  consent: ConsentStep,
  connections: ConnectionsStep,
  disconnect: DisconnectStep,
  disconnected: DisconnectedStep,
  search: SearchStep,
  manualAccount: ManualAccountStep,
  manualAccountAdded: ManualAccountAddedStep,
  help: HelpStep,
  microdepositRouting: MicrodepositForm,
  microdepositHowItWorks: MicrodepositForm,
  microdepositAccount: MicrodepositForm,
  microdepositPersonal: MicrodepositForm,
  microdepositReview: MicrodepositForm,
  microdepositStatus: MicrodepositStatusStep,
  institutionUnavailable: InstitutionUnavailableStep,
  chooseMethod: ChooseMethodStep,
  enterCreds: CredentialsStep,
  oauth: OAuthStep,
  connecting: ConnectingStep,
  mfa: MfaStep,
  connected: ConnectedStep,
  loginError: StatusStep,
  error: ErrorStep,
};

/** What a connection needs after search, in the order it is needed. */
const CONNECT_PATH: readonly LazyScreen[] = [
  ChooseMethodStep,
  CredentialsStep,
  OAuthStep,
  ConnectingStep,
  MemberStatusWatcher,
  MfaStep,
  ConnectedStep,
  StatusStep,
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

function CrashFallback({ reset }: { reset: () => void }) {
  const t = useT();
  const backToSearch = useBackToSearch();
  return (
    <section>
      <StepHeading>{t('error.heading')}</StepHeading>
      <p className="mb-4">{t('error.crash')}</p>
      <Button
        onClick={() => {
          backToSearch('error');
          reset();
        }}
      >
        {t('common.backToSearch')}
      </Button>
    </section>
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
        <Suspense fallback={null}>
          <MemberStatusWatcher key={memberGuid} />
        </Suspense>
      ) : null}
      {/* a fresh start re-enters even the screen it is on (OAuth, pinned institution) from scratch */}
      <ErrorBoundary
        key={`${attempt}:${SCREEN_KEYS.get(StepComponent) ?? step}`}
        fallback={(reset) => <CrashFallback reset={reset} />}
      >
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <StepComponent />
          {offerHelp ? <GetHelpButton /> : null}
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
