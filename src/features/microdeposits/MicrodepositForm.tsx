import { useState } from 'react';
import { useFlow } from '../../flow/store';
import { useGoBack } from '../../flow/useGoBack';
// the form's screens in order are the step table's rows marked as its screens
import { MICRODEPOSIT_FORM_STEPS, type MicrodepositFormStep } from '../../flow/steps';
import { AccountScreen, PersonalScreen } from './DetailsScreens';
import { HowItWorksScreen } from './HowItWorksScreen';
import { EMPTY_DRAFT, type FormScreenProps, type MicrodepositDraft } from './microdepositDraft';
import { ReviewScreen } from './ReviewScreen';
import { RoutingNumberScreen } from './RoutingNumberScreen';

/**
 * Verification by account and routing number: routing number, how it works, account, name and
 * email, review. One component shows every screen (the flow store says which), so the details —
 * the account number above all — live in this component's state only and go when it does.
 */
export function MicrodepositForm() {
  const step = useFlow((s) => s.step);
  const send = useFlow((s) => s.send);
  // the step's back rule (its back column in flow/steps.ts), the same as the host's back
  const goBack = useGoBack();
  const [draft, setDraft] = useState<MicrodepositDraft>(EMPTY_DRAFT);
  // set by review's edit links: that screen's Continue returns to review
  const [editing, setEditing] = useState(false);

  const go = (to: MicrodepositFormStep) => send({ type: 'microdepositScreenChosen', step: to });
  const props: FormScreenProps = {
    draft,
    change: (patch) => setDraft((d) => ({ ...d, ...patch })),
    next: () => {
      const index = MICRODEPOSIT_FORM_STEPS.indexOf(step as MicrodepositFormStep);
      const following = editing ? 'microdepositReview' : MICRODEPOSIT_FORM_STEPS[index + 1];
      if (following) go(following);
    },
    back: () => void goBack(),
  };

  switch (step) {
    case 'microdepositHowItWorks':
      return <HowItWorksScreen {...props} />;
    case 'microdepositAccount':
      return <AccountScreen {...props} />;
    case 'microdepositPersonal':
      return <PersonalScreen {...props} />;
    case 'microdepositReview':
      return (
        <ReviewScreen
          {...props}
          edit={(to) => {
            setEditing(true);
            go(to);
          }}
        />
      );
    default:
      return <RoutingNumberScreen {...props} />;
  }
}
