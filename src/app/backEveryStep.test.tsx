import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STEP_TABLE, STEPS, type BackRule, type Step } from '../flow/steps';
import { startMockServer } from '../test/mockServer';
import {
  chooseInstitution,
  connectMxBank,
  hostNavigateBack,
  renderWidget,
  SANDBOX_TIME,
  untilNextStep,
  type Rendered,
} from '../test/renderWidget';

const lastStep = (w: Rendered) => w.events('mx/connect/stepChange').at(-1)?.metadata?.current;
const wentBack = (w: Rendered) => w.events('mx/navigation').map((m) => m.metadata?.did_go_back);

/** Past consent (shown, as a partner's users see it) to the institution's first step. */
async function afterConsentAt(code: string) {
  const w = await renderWidget({ params: { current_institution_code: code, disable_consent: 'false' } });
  await w.user.click(await screen.findByRole('button', { name: 'I agree' }));
  return w;
}

async function connectionsWithMember() {
  const server = startMockServer();
  const userGuid = await server.createUser();
  await server.createMember(userGuid, 'password');
  await server.advance(SANDBOX_TIME.settled);
  return renderWidget({ server, userGuid });
}

interface Recipe {
  /** how the screen is reached, as a user reaches it; resolves once it is on screen */
  reach: () => Promise<Rendered>;
  /** the screen's own back or cancel control, or, for a step without back, its own way on (none on the first screen) */
  control: string | null;
  /** where back leads (null: the step has no back, the host hears did_go_back: false) */
  leadsTo: Step | null;
}

/** A screen per step, reached for real, and where its back leads. */
const RECIPES: Partial<Record<Step, Recipe[]>> = {
  search: [
    {
      reach: async () => {
        const w = await renderWidget();
        await screen.findByRole('combobox');
        return w;
      },
      control: null,
      leadsTo: null,
    },
  ],
  consent: [
    {
      reach: async () => {
        const w = await renderWidget({ params: { disable_consent: 'false' } });
        await screen.findByRole('button', { name: 'I agree' });
        return w;
      },
      control: 'Decline',
      leadsTo: null,
    },
  ],
  chooseMethod: [
    {
      reach: async () => {
        const w = await afterConsentAt('mxbank_hybrid');
        await screen.findByRole('heading', { name: /MX Bank \(OAuth or credentials\)/ });
        return w;
      },
      control: 'Back',
      leadsTo: 'search',
    },
  ],
  enterCreds: [
    {
      // opened by institution code: consent was given, and back never returns to it
      reach: async () => {
        const w = await afterConsentAt('mxbank');
        await screen.findByRole('heading', { name: 'Enter your credentials' });
        return w;
      },
      control: 'Back',
      leadsTo: 'search',
    },
    {
      reach: async () => {
        const w = await renderWidget();
        await chooseInstitution(w, 'MX Bank', 'MX Bank');
        await screen.findByRole('heading', { name: 'Enter your credentials' });
        return w;
      },
      control: 'Back',
      leadsTo: 'search',
    },
  ],
  oauth: [
    {
      reach: async () => {
        const w = await afterConsentAt('mxbank_oauth');
        await waitFor(() => expect(screen.getByRole('button', { name: 'Go to MX Bank (OAuth)' })).toBeEnabled());
        return w;
      },
      control: 'Cancel',
      leadsTo: 'search',
    },
  ],
  institutionUnavailable: [
    {
      reach: async () => {
        const w = await afterConsentAt('mxbank_unavailable');
        await screen.findByRole('button', { name: 'Back to search' });
        return w;
      },
      control: 'Back to search',
      leadsTo: 'search',
    },
  ],
  mfa: [
    {
      reach: async () => {
        const w = await renderWidget();
        await connectMxBank(w, 'challenge');
        await untilNextStep(w, () => screen.getByRole('heading', { name: 'Verify your identity' }));
        return w;
      },
      control: 'Cancel',
      leadsTo: 'search',
    },
  ],
  disconnect: [
    {
      reach: async () => {
        const w = await connectionsWithMember();
        await w.user.click(await screen.findByRole('button', { name: 'Disconnect MX Bank' }));
        await screen.findByRole('heading', { name: 'Disconnect MX Bank?' });
        return w;
      },
      control: 'Cancel',
      leadsTo: 'connections',
    },
  ],
  microdepositRouting: [
    {
      reach: async () => {
        const w = await renderWidget({ params: { mode: 'verification' } });
        await w.user.click(await screen.findByRole('button', { name: 'Connect with account numbers instead' }));
        await screen.findByLabelText(/Routing number/);
        return w;
      },
      control: 'Back',
      leadsTo: 'search',
    },
  ],
  connections: [
    {
      reach: async () => {
        const w = await connectionsWithMember();
        await screen.findByRole('button', { name: 'Disconnect MX Bank' });
        return w;
      },
      control: 'Connect another account',
      leadsTo: null,
    },
  ],
};

/**
 * Steps this file does not open itself, and where their rule is held instead. Each is still in
 * the back table (the first test), so a new step cannot go without a rule.
 */
const ELSEWHERE: Partial<Record<Step, string>> = {
  connecting: 'statuses.test.tsx: a DELAYED connection offers to finish later',
  connected: 'statuses.test.tsx / verification.test.tsx: Done, Back to search',
  loginError: 'statuses.test.tsx: every status row has its actions',
  error: 'resilience.test.tsx: Back to search on every error screen',
  help: 'help.test.tsx: Back returns to the screen help was asked from',
  disconnected: 'connections.test.tsx: Connect another account',
  manualAccount: 'manualAccounts.test.tsx: Back',
  manualAccountAdded: 'manualAccounts.test.tsx: its way on',
  microdepositHowItWorks: 'microdeposits.test.tsx: the form’s Back, one component for its five screens',
  microdepositAccount: 'microdeposits.test.tsx: the form’s Back',
  microdepositPersonal: 'microdeposits.test.tsx: the form’s Back',
  microdepositReview: 'microdeposits.test.tsx: the form’s Back',
  microdepositStatus: 'microdeposits.test.tsx: its status buttons',
};

describe('back on every step: the screen’s own control and the host’s navigateBack agree', () => {
  it('every step has a back rule; a step without back names its own way out', () => {
    for (const step of STEPS) {
      const rule: BackRule = STEP_TABLE[step].back;
      if (rule.kind === 'none') expect(rule.exit, step).not.toBe('');
      expect(RECIPES[step] !== undefined || ELSEWHERE[step] !== undefined, step).toBe(true);
    }
    // back never returns to consent already given
    expect(
      STEPS.some((step) => {
        const rule: BackRule = STEP_TABLE[step].back;
        return rule.kind === 'previous' && (rule.otherwise as string) === 'consent';
      }),
    ).toBe(false);
  });

  for (const [step, recipes] of Object.entries(RECIPES)) {
    for (const [i, { reach, control, leadsTo }] of (recipes ?? []).entries()) {
      it(`${step} (${i + 1}): "${control}" and the host's back both ${leadsTo ? `lead to ${leadsTo}` : 'stay: no back'}`, async () => {
        expect(STEP_TABLE[step as Step].back.kind === 'none').toBe(leadsTo === null);
        const own = await reach();
        const before = lastStep(own);
        const button = control === null ? null : screen.getByRole('button', { name: control });
        if (button) expect(button).toBeVisible();
        if (leadsTo && button) {
          await own.user.click(button);
          await waitFor(() => expect(lastStep(own)).toBe(leadsTo));
        }
        cleanup();

        const host = await reach();
        hostNavigateBack();
        await waitFor(() => expect(wentBack(host)).toEqual([leadsTo !== null]));
        await waitFor(() => expect(lastStep(host)).toBe(leadsTo ?? before));
      });
    }
  }
});
