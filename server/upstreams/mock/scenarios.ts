import type { ChallengeType, ConnectionStatusName } from './types';

/**
 * What a member goes through, decided from the submitted password when the job starts.
 * Only the scenario is stored: the password itself is dropped as soon as it is classified.
 */
export type Scenario =
  | { kind: 'connected'; onlyCreditCards?: boolean }
  | { kind: 'mfa'; challenges: ChallengeType[]; expiresAfterMs: number }
  | { kind: 'outcome'; status: ConnectionStatusName }
  | { kind: 'denied' }
  | { kind: 'delayed' }
  | { kind: 'reconnected' }
  | { kind: 'oauth' };

const MINUTE = 60_000;
/** How long the sandbox password "expire" leaves its challenge open (virtual time). */
export const SHORT_CHALLENGE_LIFETIME_MS = MINUTE;
const NORMAL_CHALLENGE_LIFETIME = 10 * MINUTE;

const OUTCOME_PASSWORDS: Record<string, ConnectionStatusName> = {
  prevented: 'PREVENTED',
  denied: 'DENIED',
  locked: 'LOCKED',
  impeded: 'IMPEDED',
  impaired: 'IMPAIRED',
  imported: 'IMPORTED',
  degraded: 'DEGRADED',
  disconnected: 'DISCONNECTED',
  discontinued: 'DISCONTINUED',
  closed: 'CLOSED',
  failed: 'FAILED',
  disabled: 'DISABLED',
};

const MFA_PASSWORDS: Record<string, ChallengeType[]> = {
  challenge: ['TEXT'],
  token: ['TOKEN'],
  options: ['OPTIONS'],
  image: ['IMAGE_DATA'],
  image_options: ['IMAGE_OPTIONS'],
  multi: ['TEXT', 'OPTIONS'],
};

export function scenarioFor(institutionCode: string, password: string): Scenario {
  if (institutionCode === 'mxbank_gone') return { kind: 'outcome', status: 'DISCONTINUED' };
  const key = password.trim().toLowerCase();
  if (key === 'password' || key === 'correct') return { kind: 'connected' };
  // verification mode's dead end: connects, but the only account is a credit card
  if (key === 'no_checking') return { kind: 'connected', onlyCreditCards: true };
  if (key === 'expire') return { kind: 'mfa', challenges: ['TEXT'], expiresAfterMs: SHORT_CHALLENGE_LIFETIME_MS };
  const mfa = MFA_PASSWORDS[key];
  if (mfa) return { kind: 'mfa', challenges: mfa, expiresAfterMs: NORMAL_CHALLENGE_LIFETIME };
  if (key === 'delayed') return { kind: 'delayed' };
  if (key === 'reconnected') return { kind: 'reconnected' };
  const status = OUTCOME_PASSWORDS[key];
  if (status === 'DENIED') return { kind: 'denied' };
  if (status) return { kind: 'outcome', status };
  return { kind: 'denied' };
}
