import type { AnalyticPath } from '../../sdk/src/contract/events';
import type { ErrorKind } from '../api/errors';

/**
 * What a row's conditional columns may look at: the parts of the flow position (transitions.ts)
 * beside the step. Named here rather than imported so the table's type does not depend on `Step`,
 * which is derived from the table.
 */
export interface StepContext {
  credentialsMode: 'create' | 'update';
  memberGuid: string | null;
  errorKind: ErrorKind | null;
}

/** A column that holds on some visits to a step and not others. */
type Condition = boolean | ((position: StepContext) => boolean);

/** One row of the step table: everything the widget decides by step, beside its screen. */
export interface StepRow {
  /** the pageview path (README "Analytics"); a function where the path names what the screen shows */
  path: AnalyticPath | ((position: StepContext, statusName: string | null | undefined) => AnalyticPath);
  /** host Back (store.back, asked by the host page) leads to the step before; otherwise it does nothing */
  back: Condition;
  /** "Get help" is offered below the screen: where people get stuck (fixing credentials, MFA, every error) */
  help: Condition;
  /** the member's status is polled while the step shows (once there is a member) */
  polls: boolean;
  /** the `initial_step` MX defines for `mx/connect/loaded` when the widget opens here */
  loadedName:
    'search' | 'consent' | 'connections' | 'enterCreds' | 'mfa' | 'connected' | 'loginError' | 'microdeposits';
  /** the multi-screen form the step is a screen of: one component shows the form's steps, in table order */
  form: 'microdeposit' | null;
}

/**
 * The step table: a row per step, and the one place a step is declared. Every per-step list (polling
 * steps, host Back, help, pageview paths, `initial_step` names, the microdeposit form's screens) is
 * read from it. The screens are the one column that lives elsewhere: `flow/` may not import features
 * (README "Architecture"), so src/app/StepRouter.tsx holds them in a map typed `Record<Step, …>`,
 * which fails to compile when a row here has no screen there.
 */
export const STEP_TABLE = {
  consent: { path: '/consent', back: false, help: false, polls: false, loadedName: 'consent', form: null },
  connections: { path: '/connections', back: false, help: false, polls: false, loadedName: 'connections', form: null },
  disconnect: { path: '/disconnect', back: true, help: false, polls: false, loadedName: 'enterCreds', form: null },
  disconnected: { path: '/disconnected', back: false, help: false, polls: false, loadedName: 'enterCreds', form: null },
  search: { path: '/search', back: false, help: false, polls: false, loadedName: 'search', form: null },
  manualAccount: {
    path: '/manual-account',
    back: true,
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
  },
  manualAccountAdded: {
    path: '/manual-account/added',
    back: false,
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
  },
  help: { path: '/help', back: true, help: false, polls: false, loadedName: 'enterCreds', form: null },
  microdepositRouting: {
    path: '/microdeposits/routing',
    back: true,
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
  },
  microdepositHowItWorks: {
    path: '/microdeposits/how-it-works',
    back: true,
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
  },
  microdepositAccount: {
    path: '/microdeposits/account',
    back: true,
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
  },
  microdepositPersonal: {
    path: '/microdeposits/personal',
    back: true,
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
  },
  microdepositReview: {
    path: '/microdeposits/review',
    back: true,
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
  },
  microdepositStatus: {
    path: '/microdeposits/status',
    back: false,
    help: false,
    polls: false,
    loadedName: 'microdeposits',
    form: null,
  },
  institutionUnavailable: {
    path: '/institution-unavailable',
    back: true,
    help: false,
    polls: false,
    loadedName: 'search',
    form: null,
  },
  chooseMethod: { path: '/choose-method', back: true, help: false, polls: false, loadedName: 'enterCreds', form: null },
  enterCreds: {
    path: ({ credentialsMode }) => (credentialsMode === 'update' ? '/credentials/update' : '/credentials'),
    // fixing an existing member: going back would leave it half-fixed; only the explicit actions leave
    back: ({ credentialsMode }) => credentialsMode !== 'update',
    help: ({ credentialsMode }) => credentialsMode === 'update',
    polls: false,
    loadedName: 'enterCreds',
    form: null,
  },
  oauth: {
    path: '/oauth',
    // once the member exists, going back would orphan it
    back: ({ memberGuid }) => memberGuid === null,
    help: false,
    polls: true,
    loadedName: 'enterCreds',
    form: null,
  },
  // the widget opening on a challenge reports it as mfa: connecting shows the challenge
  connecting: { path: '/connecting', back: false, help: false, polls: true, loadedName: 'mfa', form: null },
  mfa: { path: '/mfa', back: false, help: true, polls: false, loadedName: 'mfa', form: null },
  connected: { path: '/connected', back: false, help: false, polls: false, loadedName: 'connected', form: null },
  loginError: {
    path: (_, statusName) => `/status/${(statusName ?? 'unknown').toLowerCase()}`,
    back: false,
    help: true,
    polls: false,
    loadedName: 'loginError',
    form: null,
  },
  error: {
    path: ({ errorKind }) => `/error/${errorKind ?? 'server'}`,
    back: true,
    help: true,
    polls: false,
    loadedName: 'loginError',
    form: null,
  },
} as const satisfies Record<string, StepRow>;

/** Step names: also the `stepChange` values the host receives (docs/events.md, `mx/connect/stepChange`). */
export type Step = keyof typeof STEP_TABLE;

/** The table's steps, in its order. */
export const STEPS: readonly Step[] = Object.keys(STEP_TABLE) as Step[];

/**
 * The screens of the microdeposit details form, in order. One form component shows them all, so
 * what the user typed lives only as long as the form (never in the flow store).
 */
export type MicrodepositFormStep = {
  [K in Step]: (typeof STEP_TABLE)[K]['form'] extends 'microdeposit' ? K : never;
}[Step];
export const MICRODEPOSIT_FORM_STEPS: readonly MicrodepositFormStep[] = STEPS.filter(
  (step): step is MicrodepositFormStep => STEP_TABLE[step].form === 'microdeposit',
);

/** Steps during which the member's status is polled. */
export const POLLING_STEPS: readonly Step[] = STEPS.filter((step) => STEP_TABLE[step].polls);

const holds = (condition: Condition, position: StepContext) =>
  typeof condition === 'function' ? condition(position) : condition;

/** Whether host Back leaves this step for the one before (when there is one). */
export function backApplies(position: StepContext & { step: Step }): boolean {
  return holds(STEP_TABLE[position.step].back, position);
}

/** Whether "Get help" is offered below this step's screen. */
export function offersHelp(position: StepContext & { step: Step }): boolean {
  return holds(STEP_TABLE[position.step].help, position);
}

/**
 * The stable pageview path of the screen a flow position shows (README "Analytics"); `statusName`
 * is the member's connection status, which names a status screen (`/status/denied`).
 */
export function stepPath(position: StepContext & { step: Step }, statusName: string | null | undefined): AnalyticPath {
  const { path } = STEP_TABLE[position.step];
  return typeof path === 'function' ? path(position, statusName) : path;
}
