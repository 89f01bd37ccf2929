import { describe, expect, it } from 'vitest';
import { backRuleOf, MICRODEPOSIT_FORM_STEPS, offersHelp, POLLING_STEPS, STEPS, type Step } from './steps';
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

  it('store.back() leaves the steps whose back rule is `previous` for the one before, and no others', () => {
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
    ]);
    expect(backFrom('chooseMethod')).toEqual({ moved: true, step: 'search' });
    expect(backFrom('connecting')).toEqual({ moved: false, step: 'connecting' });
  });

  it("back rules beyond `previous` are useGoBack's: error and MFA go to search, fixing credentials too", () => {
    expect(backRuleOf({ step: 'error', credentialsMode: 'create' }).kind).toBe('search');
    expect(backRuleOf({ step: 'mfa', credentialsMode: 'create' })).toEqual({ kind: 'search', abandons: true });
    expect(backRuleOf({ step: 'enterCreds', credentialsMode: 'update' }).kind).toBe('search');
    expect(backFrom('enterCreds', { credentialsMode: 'update' }).moved).toBe(false);
    // OAuth's Back drops the member this attempt made before it moves (abandonedRequests.test.tsx)
    expect(backRuleOf({ step: 'oauth', credentialsMode: 'create' })).toMatchObject({
      kind: 'previous',
      abandons: true,
    });
  });

  it('host Back does nothing on the first screen', () => {
    expect(createFlowStore({ step: 'chooseMethod' }).getState().back()).toBe(false);
  });
});
