import type { ComponentType } from 'react';
import { ChooseMethodStep } from '../features/method/ChooseMethodStep';
import { ConnectedStep } from '../features/connected/ConnectedStep';
import { CredentialsStep } from '../features/credentials/CredentialsStep';
import { MfaStep } from '../features/mfa/MfaStep';
import { OAuthStep } from '../features/oauth/OAuthStep';
import { SearchStep } from '../features/search/SearchStep';
import { ConnectingStep } from '../features/status/ConnectingStep';
import { MemberStatusWatcher } from '../features/status/MemberStatusWatcher';
import { StatusStep } from '../features/status/StatusStep';
import { POLLING_STEPS, type Step } from '../flow/steps';
import { useFlow } from '../flow/store';
import { useBackToSearch } from '../flow/useBackToSearch';
import { useT } from '../i18n/translate';
import { Button } from '../ui/Button';
import { StepHeading } from '../ui/StepHeading';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorStep } from './ErrorStep';

const STEPS: Record<Step, ComponentType> = {
  search: SearchStep,
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
  const step = useFlow((s) => s.step);
  const memberGuid = useFlow((s) => s.memberGuid);
  const StepComponent = STEPS[step];
  const polling = memberGuid !== null && POLLING_STEPS.includes(step);
  return (
    <>
      {polling ? <MemberStatusWatcher key={memberGuid} /> : null}
      <ErrorBoundary key={step} fallback={(reset) => <CrashFallback reset={reset} />}>
        <StepComponent />
      </ErrorBoundary>
    </>
  );
}
