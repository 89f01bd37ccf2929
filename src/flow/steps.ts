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

/**
 * What "back" means on a step. The screen's own Back or Cancel control and the host's
 * `navigateBack()` both run this one rule (useGoBack), so they always end on the same step.
 *
 * - `previous`: the step before, never the consent already given; with nothing before it,
 *   `otherwise` (search starts over at a pinned institution, see useBackToSearch).
 * - `search`: back to search, whatever came before (after credentials or answers were sent there
 *   is nothing to return to).
 * - `none`: the step has no back. `exit` says how the user leaves it instead; the host's back
 *   answers `did_go_back: false` and the host decides (typically closing the widget).
 *
 * `abandons`: leaving drops the member this attempt created (the OAuth member made when the
 * screen opened, a member stopped at its challenge); a member that existed before (fixing a
 * connection) is left as it is, and shows under "needs attention" in the user's connections.
 * `whenFixing`: the rule while fixing an existing member's credentials (update mode).
 */
export type BackRule =
  | { kind: 'previous'; otherwise: 'search' | 'connections'; abandons?: boolean; whenFixing?: 'search' }
  | { kind: 'search'; abandons?: boolean }
  | { kind: 'none'; exit: string };

/** A column that holds on some visits to a step and not others. */
type Condition = boolean | ((position: StepContext) => boolean);

/** One row of the step table: everything the widget decides by step, beside its screen. */
export interface StepRow {
  /** the pageview path (README "Analytics"); a function where the path names what the screen shows */
  path: AnalyticPath | ((position: StepContext, statusName: string | null | undefined) => AnalyticPath);
  /** what back means here: the screen's own Back/Cancel and the host's navigateBack (flow/useGoBack.ts) */
  back: BackRule;
  /** "Get help" is offered below the screen: where people get stuck (fixing credentials, MFA, every error) */
  help: Condition;
  /** the member's status is polled while the step shows (once there is a member) */
  polls: boolean;
  /** the `initial_step` MX defines for `mx/connect/loaded` when the widget opens here */
  loadedName:
    'search' | 'consent' | 'connections' | 'enterCreds' | 'mfa' | 'connected' | 'loginError' | 'microdeposits';
  /** the multi-screen form the step is a screen of: one component shows the form's steps, in table order */
  form: 'microdeposit' | null;
  /**
   * where the step's screen loads from: `first`, the first bundle (search, and the error screen,
   * which must show when the network that would load a chunk is down); `own`, a lazy chunk of its
   * own; a group's name, one lazy chunk for the group's screens, those that show together
   * (src/app/screensPlugin.ts writes the group's module from this column)
   */
  chunk: 'first' | 'own' | 'accounts' | 'microdeposits';
}

/**
 * The step table: a row per step, and the one place a step is declared. Every per-step list (polling
 * steps, host Back, help, pageview paths, `initial_step` names, the microdeposit form's screens) is
 * read from it. The screens are the one column that lives elsewhere: `flow/` may not import features
 * (README "Architecture"), so src/app/screens.ts holds the lazy steps' screens (`SCREEN_COLUMN`,
 * typed `Record<LaterStep, …>`: a lazy row here without a screen there fails to compile), and
 * src/app/StepRouter.tsx maps the `first` chunk's screens itself (`FIRST_SCREENS`, `Record<FirstStep, …>`).
 */
export const STEP_TABLE = {
  consent: {
    path: '/consent',
    back: { kind: 'none', exit: 'first screen: "I decline" ends it, "Review" returns to the text' },
    help: false,
    polls: false,
    loadedName: 'consent',
    form: null,
    chunk: 'own',
  },
  connections: {
    path: '/connections',
    back: { kind: 'none', exit: 'first screen: "Connect another account" or a connection\'s own actions' },
    help: false,
    polls: false,
    loadedName: 'connections',
    form: null,
    chunk: 'accounts',
  },
  disconnect: {
    path: '/disconnect',
    back: { kind: 'previous', otherwise: 'connections' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'accounts',
  },
  disconnected: {
    path: '/disconnected',
    back: { kind: 'none', exit: 'an outcome: "Back to your connections"' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'accounts',
  },
  search: {
    path: '/search',
    back: { kind: 'none', exit: 'first screen: nothing before it' },
    help: false,
    polls: false,
    loadedName: 'search',
    form: null,
    chunk: 'first',
  },
  manualAccount: {
    path: '/manual-account',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'accounts',
  },
  manualAccountAdded: {
    path: '/manual-account/added',
    back: { kind: 'none', exit: 'an outcome: "Done" / back to connections' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'accounts',
  },
  help: {
    path: '/help',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'accounts',
  },
  microdepositRouting: {
    path: '/microdeposits/routing',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
    chunk: 'microdeposits',
  },
  microdepositHowItWorks: {
    path: '/microdeposits/how-it-works',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
    chunk: 'microdeposits',
  },
  microdepositAccount: {
    path: '/microdeposits/account',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
    chunk: 'microdeposits',
  },
  microdepositPersonal: {
    path: '/microdeposits/personal',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
    chunk: 'microdeposits',
  },
  microdepositReview: {
    path: '/microdeposits/review',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: 'microdeposit',
    chunk: 'microdeposits',
  },
  microdepositStatus: {
    path: '/microdeposits/status',
    back: { kind: 'none', exit: 'an outcome: its status buttons and "Back to search"' },
    help: false,
    polls: false,
    loadedName: 'microdeposits',
    form: null,
    chunk: 'microdeposits',
  },
  institutionUnavailable: {
    path: '/institution-unavailable',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'search',
    form: null,
    chunk: 'own',
  },
  chooseMethod: {
    path: '/choose-method',
    back: { kind: 'previous', otherwise: 'search' },
    help: false,
    polls: false,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'own',
  },
  enterCreds: {
    path: ({ credentialsMode }) => (credentialsMode === 'update' ? '/credentials/update' : '/credentials'),
    back: { kind: 'previous', otherwise: 'search', whenFixing: 'search' },
    help: ({ credentialsMode }) => credentialsMode === 'update',
    polls: false,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'own',
  },
  oauth: {
    path: '/oauth',
    back: { kind: 'previous', otherwise: 'search', abandons: true },
    help: false,
    polls: true,
    loadedName: 'enterCreds',
    form: null,
    chunk: 'own',
  },
  // the widget opening on a challenge reports it as mfa: connecting shows the challenge
  connecting: {
    path: '/connecting',
    back: {
      kind: 'none',
      exit: 'transient: the status moves it on, the polling budget ends on an error screen, DELAYED offers "finish later"',
    },
    help: false,
    polls: true,
    loadedName: 'mfa',
    form: null,
    chunk: 'own',
  },
  mfa: {
    path: '/mfa',
    back: { kind: 'search', abandons: true },
    help: true,
    polls: false,
    loadedName: 'mfa',
    form: null,
    chunk: 'own',
  },
  connected: {
    path: '/connected',
    back: { kind: 'none', exit: 'an outcome: "Done" and "Back to search" (or the account picker)' },
    help: false,
    polls: false,
    loadedName: 'connected',
    form: null,
    chunk: 'own',
  },
  loginError: {
    path: (_, statusName) => `/status/${(statusName ?? 'unknown').toLowerCase()}`,
    back: { kind: 'none', exit: "an outcome: the status table's actions, each row with a way on" },
    help: true,
    polls: false,
    loadedName: 'loginError',
    form: null,
    chunk: 'own',
  },
  error: {
    path: ({ errorKind }) => `/error/${errorKind ?? 'server'}`,
    back: { kind: 'search' },
    help: true,
    polls: false,
    loadedName: 'loginError',
    form: null,
    chunk: 'first',
  },
} as const satisfies Record<string, StepRow>;

/** Step names: also the `stepChange` values the host receives (docs/events.md, `mx/connect/stepChange`). */
export type Step = keyof typeof STEP_TABLE;

/** The steps whose `column` holds `value`, as a type. */
type StepsWhere<C extends keyof StepRow, V> = { [K in Step]: (typeof STEP_TABLE)[K][C] extends V ? K : never }[Step];

/** The steps whose screens are in the first bundle (chunk `first`), and those that load lazily. */
export type FirstStep = StepsWhere<'chunk', 'first'>;
export type LaterStep = Exclude<Step, FirstStep>;
/** The lazy chunks screens are grouped in (the chunk column's names). */
export type ScreenGroup = Exclude<StepRow['chunk'], 'first' | 'own'>;

/** The table's steps, in its order. */
export const STEPS: readonly Step[] = Object.keys(STEP_TABLE) as Step[];

/**
 * The screens of the microdeposit details form, in order. One form component shows them all, so
 * what the user typed lives only as long as the form (never in the flow store).
 */
export type MicrodepositFormStep = StepsWhere<'form', 'microdeposit'>;
export const MICRODEPOSIT_FORM_STEPS: readonly MicrodepositFormStep[] = STEPS.filter(
  (step): step is MicrodepositFormStep => STEP_TABLE[step].form === 'microdeposit',
);

/** Steps during which the member's status is polled. */
export const POLLING_STEPS: readonly Step[] = STEPS.filter((step) => STEP_TABLE[step].polls);

const holds = (condition: Condition, position: StepContext) =>
  typeof condition === 'function' ? condition(position) : condition;

/** The back rule where the user is now (update mode turns credentials' Back into back to search). */
export function backRuleOf(position: Pick<StepContext, 'credentialsMode'> & { step: Step }): BackRule {
  const rule: BackRule = STEP_TABLE[position.step].back;
  if (rule.kind === 'previous' && rule.whenFixing && position.credentialsMode === 'update') {
    return { kind: rule.whenFixing, abandons: rule.abandons };
  }
  return rule;
}

/** Steps that are never returned to by back: consent, once given, is not asked twice. */
export const NEVER_RETURNED_TO: ReadonlySet<Step> = new Set<Step>(['consent']);

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
