import { useState } from 'react';
import { useFlow } from '../../flow/store';
// the form's screens in order are the step table's rows marked as its screens
import { MICRODEPOSIT_FORM_STEPS, type MicrodepositFormStep } from '../../flow/steps';
import { AccountScreen, PersonalScreen } from './DetailsScreens';
import { HowItWorksScreen } from './HowItWorksScreen';
import { EMPTY_DRAFT, type MicrodepositDraft } from './microdepositDraft';
import { ReviewScreen } from './ReviewScreen';
import { RoutingNumberScreen } from './RoutingNumberScreen';

/** What each screen of the form needs: the draft, a way to change it, and where Continue goes. */
export interface FormScreenProps {
  draft: MicrodepositDraft;
  change: (patch: Partial<MicrodepositDraft>) => void;
  /** Continue: the next screen, or back to review when the user came from its edit link */
  next: () => void;
  /** Back: the screen before (the flow's history) */
  back: () => void;
}

/**
 * Verification by account and routing number: routing number, how it works, account, name and
 * email, review. One component shows every screen (the flow store says which), so the details —
 * the account number above all — live in this component's state only and go when it does.
 */
export function MicrodepositForm() {
  const step = useFlow((s) => s.step);
  const send = useFlow((s) => s.send);
  const storeBack = useFlow((s) => s.back);
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
    back: () => {
      if (!storeBack()) send({ type: 'reset' });
    },
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
