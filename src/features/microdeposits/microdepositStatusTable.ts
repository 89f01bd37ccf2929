import type { MicrodepositStatus } from '../../../sdk/src/contract/microdeposits';

/** What the widget shows for a microdeposit, one row per MX status (as statusTable.ts for members). */
export type MicrodepositScreen = 'details' | 'waiting' | 'verifyAmounts' | 'verified' | 'problem' | 'unknown';
export type MicrodepositAction = 'continue' | 'verify' | 'tryAgain' | 'startOver' | 'done';

export interface MicrodepositRow {
  code: MicrodepositStatus | 'UNKNOWN';
  screen: MicrodepositScreen;
  /** what the screen says (its catalog key) */
  message: `md.status.${MicrodepositStatus | 'UNKNOWN'}`;
  actions: readonly MicrodepositAction[];
  /** whether the status is polled while it is on screen */
  polls: boolean;
}

const row = (
  code: MicrodepositRow['code'],
  screen: MicrodepositScreen,
  actions: readonly MicrodepositAction[],
  polls = false,
): MicrodepositRow => ({ code, screen, message: `md.status.${code}`, actions, polls });

/** The single source of truth: status → screen → message → actions. */
export const MICRODEPOSIT_TABLE: readonly MicrodepositRow[] = [
  row('PREINITIATED', 'details', ['continue']),
  row('INITIATED', 'waiting', ['done'], true),
  row('REQUESTED', 'waiting', ['done'], true),
  row('DEPOSITED', 'verifyAmounts', ['verify']),
  row('VERIFIED', 'verified', ['done']),
  row('ERRORED', 'problem', ['startOver']),
  // wrong amounts: try again (the user has attempts left)
  row('DENIED', 'verifyAmounts', ['verify']),
  row('PREVENTED', 'problem', ['startOver']),
  row('CONFLICTED', 'problem', ['startOver']),
  row('REJECTED', 'problem', ['startOver']),
];

const UNKNOWN = row('UNKNOWN', 'unknown', ['tryAgain', 'startOver']);
const byCode = new Map(MICRODEPOSIT_TABLE.map((r) => [r.code, r]));

/** A status this widget does not know gets a safe screen: try again or start over, never a crash. */
export function microdepositRowOf(status: string | null | undefined): MicrodepositRow {
  return byCode.get((status ?? '') as MicrodepositStatus) ?? UNKNOWN;
}
