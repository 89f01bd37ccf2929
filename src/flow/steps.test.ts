import { describe, expect, it } from 'vitest';
import { MICRODEPOSIT_FORM_STEPS, offersHelp, POLLING_STEPS, STEPS, type Step } from './steps';
import { createFlowStore } from './store';
import type { FlowPosition } from './transitions';

/** Every step, in the order the table lists them. */
const EVERY_STEP: Step[] = [
  'consent',
  'connections',
  'disconnect',
  'disconnected',
  'search',
  'manualAccount',
  'manualAccountAdded',
  'help',
  'microdepositRouting',
  'microdepositHowItWorks',
  'microdepositAccount',
  'microdepositPersonal',
  'microdepositReview',
  'microdepositStatus',
  'institutionUnavailable',
  'chooseMethod',
  'enterCreds',
  'oauth',
  'connecting',
  'mfa',
  'connected',
  'loginError',
  'error',
];

/** Host Back from `step`, with a screen before it: where the flow is afterwards. */
function backFrom(step: Step, position: Partial<FlowPosition> = {}) {
  const store = createFlowStore({ step, ...position });
  store.setState({ history: ['search'] });
  const moved = store.getState().back();
  return { moved, step: store.getState().step };
}

describe('the step table', () => {
  it('lists every step once, in its order', () => {
    expect(STEPS).toEqual(EVERY_STEP);
  });

  it('offers help where people get stuck: fixing credentials, MFA and every error screen', () => {
    const at = (step: Step, credentialsMode: 'create' | 'update' = 'create') =>
      offersHelp({ step, credentialsMode, memberGuid: 'MBR-1', errorKind: null });
    expect(EVERY_STEP.filter((step) => at(step))).toEqual(['mfa', 'loginError', 'error']);
    expect(EVERY_STEP.filter((step) => at(step, 'update'))).toEqual(['enterCreds', 'mfa', 'loginError', 'error']);
  });

  it("shows the microdeposit form's screens in order", () => {
    expect(MICRODEPOSIT_FORM_STEPS).toEqual([
      'microdepositRouting',
      'microdepositHowItWorks',
      'microdepositAccount',
      'microdepositPersonal',
      'microdepositReview',
    ]);
  });

  it('polls the member only while connecting and in OAuth', () => {
    expect(EVERY_STEP.filter((step) => POLLING_STEPS.includes(step))).toEqual(['oauth', 'connecting']);
  });

  it('host Back leaves these steps for the one before, and does nothing elsewhere', () => {
    const withBack = EVERY_STEP.filter((step) => backFrom(step).moved);
    expect(withBack).toEqual([
      'disconnect',
      'manualAccount',
      'help',
      'microdepositRouting',
      'microdepositHowItWorks',
      'microdepositAccount',
      'microdepositPersonal',
      'microdepositReview',
      'institutionUnavailable',
      'chooseMethod',
      'enterCreds',
      'oauth',
      'error',
    ]);
    expect(backFrom('chooseMethod')).toEqual({ moved: true, step: 'search' });
    expect(backFrom('connecting')).toEqual({ moved: false, step: 'connecting' });
  });

  it('host Back never orphans a member: not once OAuth made one, not while fixing credentials', () => {
    expect(backFrom('oauth', { memberGuid: 'MBR-1' }).moved).toBe(false);
    expect(backFrom('enterCreds', { credentialsMode: 'update' }).moved).toBe(false);
    expect(backFrom('enterCreds', { credentialsMode: 'create', memberGuid: 'MBR-1' }).moved).toBe(true);
  });

  it('host Back does nothing on the first screen', () => {
    expect(createFlowStore({ step: 'chooseMethod' }).getState().back()).toBe(false);
  });
});
