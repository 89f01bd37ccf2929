/**
 * Microdeposits (verification by account and routing number): MX's status names, and the
 * routing-number check's answers (not MX: the widget's server check before anything is stored).
 */
export const MICRODEPOSIT_STATUSES = [
  'PREINITIATED',
  'INITIATED',
  'REQUESTED',
  'DEPOSITED',
  'VERIFIED',
  'ERRORED',
  'DENIED',
  'PREVENTED',
  'CONFLICTED',
  'REJECTED',
] as const;
export type MicrodepositStatus = (typeof MICRODEPOSIT_STATUSES)[number];

/** VALID: go on; INVALID: no such routing number; BLOCKED: MX does not deposit there;
 * CLIENT_BLOCKED: the partner does not accept it; IAV_PREFERRED: instant verification is offered. */
export const ROUTING_CHECKS = ['VALID', 'INVALID', 'BLOCKED', 'CLIENT_BLOCKED', 'IAV_PREFERRED'] as const;
export type RoutingCheck = (typeof ROUTING_CHECKS)[number];

/** Account numbers: digits only, 4 to 17 of them (ACH). */
export const ACCOUNT_NUMBER_PATTERN = /^\d{4,17}$/;

/** Each deposit is between one and nine cents. */
export const MIN_DEPOSIT = 0.01;
export const MAX_DEPOSIT = 0.09;

/** The third wrong pair of amounts ends it. */
export const MAX_VERIFY_ATTEMPTS = 3;
