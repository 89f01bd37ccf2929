import { describe, expect, it } from 'vitest';
import {
  backRuleOf,
  MICRODEPOSIT_FORM_STEPS,
  offersHelp,
  POLLING_STEPS,
  STEP_TABLE,
  stepPath,
  STEPS,
  type Step,
  type StepRow,
} from './steps';
import { createFlowStore } from './store';
import type { FlowPosition } from './transitions';

/** Host Back from `step`, with a screen before it: where the flow is afterwards. */
function backFrom(step: Step, position: Partial<FlowPosition> = {}) {
  const store = createFlowStore({ step, ...position });
  store.setState({ history: ['search'] });
  const moved = store.getState().back();
  return { moved, step: store.getState().step };
}

describe('the step table', () => {
  it('lists every step once, each with a pageview path of its own', () => {
    expect(new Set(STEPS).size).toBe(STEPS.length);
    const paths = STEPS.map((step) =>
      stepPath({ step, credentialsMode: 'create', memberGuid: 'MBR-1', errorKind: null }, 'DENIED'),
    );
    expect(new Set(paths).size).toBe(STEPS.length);
  });

  it.each(STEPS)('%s: every column holds a value the widget can use', (step) => {
    const row: StepRow = STEP_TABLE[step];
    const contexts = (['create', 'update'] as const).map((credentialsMode) => ({
      step,
      credentialsMode,
      memberGuid: 'MBR-1',
      errorKind: null,
    }));
    for (const position of contexts) {
      expect(stepPath(position, 'DENIED')).toMatch(/^(\/[a-z][a-z-]*)+$/);
      expect(typeof offersHelp(position)).toBe('boolean');
    }
    if (row.back.kind === 'none') expect(row.back.exit.trim()).not.toBe('');
    // a form's screens load together, and one component shows them: one chunk, not the first bundle
    if (row.form) expect(row.chunk).not.toBe('first');
  });

  it("keeps a form's screens side by side in the table and in one chunk", () => {
    const formSteps = STEPS.filter((step) => STEP_TABLE[step].form === 'microdeposit');
    const first = STEPS.indexOf(formSteps[0] ?? 'search');
    expect(STEPS.slice(first, first + formSteps.length)).toEqual(formSteps);
    expect(new Set(formSteps.map((step) => STEP_TABLE[step].chunk)).size).toBe(1);
  });

  it('offers help where people get stuck: fixing credentials, MFA and every error screen', () => {
    const at = (step: Step, credentialsMode: 'create' | 'update' = 'create') =>
      offersHelp({ step, credentialsMode, memberGuid: 'MBR-1', errorKind: null });
    expect(new Set(STEPS.filter((step) => at(step)))).toEqual(new Set(['mfa', 'loginError', 'error']));
    expect(new Set(STEPS.filter((step) => at(step, 'update')))).toEqual(
      new Set(['enterCreds', 'mfa', 'loginError', 'error']),
    );
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
    expect(new Set(POLLING_STEPS)).toEqual(new Set(['oauth', 'connecting']));
  });

  it('store.back() leaves the steps whose back rule is `previous` for the one before, and no others', () => {
    const withBack = STEPS.filter((step) => backFrom(step).moved);
    expect(new Set(withBack)).toEqual(
      new Set([
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
      ]),
    );
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
