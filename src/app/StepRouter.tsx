import { lazy, Suspense, type ComponentType } from 'react';
import { SearchStep } from '../features/search/SearchStep';
import { POLLING_STEPS, type Step } from '../flow/steps';
import { useFlow } from '../flow/store';
import { useBackToSearch } from '../flow/useBackToSearch';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { Spinner } from '../ui/Spinner';
import { StepHeading } from '../ui/StepHeading';
import { ErrorBoundary } from './ErrorBoundary';
// error screens must show even when the network that would load a lazy chunk is down
import { ErrorStep } from './ErrorStep';

// Only search is in the first bundle; every later step loads while the user is busy on the one before.
// the status watcher (and its status table) is needed once there is a member to poll, not before
const MemberStatusWatcher = lazy(() =>
  import('../features/status/MemberStatusWatcher').then((m) => ({ default: m.MemberStatusWatcher })),
);
const ConsentStep = lazy(() => import('../features/consent/ConsentStep').then((m) => ({ default: m.ConsentStep })));
const InstitutionUnavailableStep = lazy(() =>
  import('../features/institutionStatus/InstitutionUnavailableStep').then((m) => ({
    default: m.InstitutionUnavailableStep,
  })),
);
const ChooseMethodStep = lazy(() =>
  import('../features/method/ChooseMethodStep').then((m) => ({ default: m.ChooseMethodStep })),
);
const CredentialsStep = lazy(() =>
  import('../features/credentials/CredentialsStep').then((m) => ({ default: m.CredentialsStep })),
);
const OAuthStep = lazy(() => import('../features/oauth/OAuthStep').then((m) => ({ default: m.OAuthStep })));
const ConnectingStep = lazy(() =>
  import('../features/status/ConnectingStep').then((m) => ({ default: m.ConnectingStep })),
);
const MfaStep = lazy(() => import('../features/mfa/MfaStep').then((m) => ({ default: m.MfaStep })));
const ConnectedStep = lazy(() =>
  import('../features/connected/ConnectedStep').then((m) => ({ default: m.ConnectedStep })),
);
const accountScreen = <K extends keyof typeof import('./accountScreens')>(name: K) =>
  lazy(() => import('./accountScreens').then((m) => ({ default: m[name] })));
const ConnectionsStep = accountScreen('ConnectionsStep');
const DisconnectStep = accountScreen('DisconnectStep');
const DisconnectedStep = accountScreen('DisconnectedStep');
const ManualAccountStep = accountScreen('ManualAccountStep');
const ManualAccountAddedStep = accountScreen('ManualAccountAddedStep');
const HelpStep = accountScreen('HelpStep');
const GetHelpButton = accountScreen('GetHelpButton');
const StatusStep = lazy(() => import('../features/status/StatusStep').then((m) => ({ default: m.StatusStep })));

const STEPS: Record<Step, ComponentType> = {
  consent: ConsentStep,
  connections: ConnectionsStep,
  disconnect: DisconnectStep,
  disconnected: DisconnectedStep,
  manualAccount: ManualAccountStep,
  manualAccountAdded: ManualAccountAddedStep,
  help: HelpStep,
  search: SearchStep,
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
  const step = useFlow((s) => s.step);
  const memberGuid = useFlow((s) => s.memberGuid);
  const attempt = useFlow((s) => s.attempt);
  const StepComponent = STEPS[step];
  const polling = memberGuid !== null && POLLING_STEPS.includes(step);
  const credentialsMode = useFlow((s) => s.credentialsMode);
  // where people get stuck: fixing credentials, answering MFA, and every error screen
  const offerHelp =
    step === 'mfa' ||
    step === 'error' ||
    step === 'loginError' ||
    (step === 'enterCreds' && credentialsMode === 'update');
  return (
    <>
      {polling ? (
        <Suspense fallback={null}>
          <MemberStatusWatcher key={memberGuid} />
        </Suspense>
      ) : null}
      {/* a fresh start re-enters even the step on screen (OAuth, pinned institution) from scratch */}
      <ErrorBoundary key={`${attempt}:${step}`} fallback={(reset) => <CrashFallback reset={reset} />}>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <StepComponent />
          {offerHelp ? <GetHelpButton /> : null}
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
