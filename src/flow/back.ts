import type { FlowPosition } from './transitions';
import type { Step } from './steps';

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

/** The back rule of every step: one table, read by the store, the screens and the host bridge. */
export const BACK: Readonly<Record<Step, BackRule>> = {
  consent: { kind: 'none', exit: 'first screen: "I decline" ends it, "Review" returns to the text' },
  search: { kind: 'none', exit: 'first screen: nothing before it' },
  connections: { kind: 'none', exit: 'first screen: "Connect another account" or a connection\'s own actions' },
  institutionUnavailable: { kind: 'previous', otherwise: 'search' },
  chooseMethod: { kind: 'previous', otherwise: 'search' },
  enterCreds: { kind: 'previous', otherwise: 'search', whenFixing: 'search' },
  oauth: { kind: 'previous', otherwise: 'search', abandons: true },
  mfa: { kind: 'search', abandons: true },
  connecting: {
    kind: 'none',
    exit: 'transient: the status moves it on, the polling budget ends on an error screen, DELAYED offers "finish later"',
  },
  connected: { kind: 'none', exit: 'an outcome: "Done" and "Back to search" (or the account picker)' },
  loginError: { kind: 'none', exit: "an outcome: the status table's actions, each row with a way on" },
  error: { kind: 'search' },
  help: { kind: 'previous', otherwise: 'search' },
  disconnect: { kind: 'previous', otherwise: 'connections' },
  disconnected: { kind: 'none', exit: 'an outcome: "Back to your connections"' },
  manualAccount: { kind: 'previous', otherwise: 'search' },
  manualAccountAdded: { kind: 'none', exit: 'an outcome: "Done" / back to connections' },
  microdepositRouting: { kind: 'previous', otherwise: 'search' },
  microdepositHowItWorks: { kind: 'previous', otherwise: 'search' },
  microdepositAccount: { kind: 'previous', otherwise: 'search' },
  microdepositPersonal: { kind: 'previous', otherwise: 'search' },
  microdepositReview: { kind: 'previous', otherwise: 'search' },
  microdepositStatus: { kind: 'none', exit: 'an outcome: its status buttons and "Back to search"' },
};

/** The rule for where the user is now (update mode turns credentials' Back into back to search). */
export function backRuleOf(position: Pick<FlowPosition, 'step' | 'credentialsMode'>): BackRule {
  const rule = BACK[position.step];
  if (rule.kind === 'previous' && rule.whenFixing && position.credentialsMode === 'update') {
    return { kind: rule.whenFixing, abandons: rule.abandons };
  }
  return rule;
}

/** Steps that are never returned to by back: consent, once given, is not asked twice. */
export const NEVER_RETURNED_TO: ReadonlySet<Step> = new Set<Step>(['consent']);
