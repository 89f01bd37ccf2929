import { withCheckDigit } from '../../../sdk/src/contract/routingNumber';
import {
  MAX_VERIFY_ATTEMPTS,
  type MicrodepositStatus,
  type RoutingCheck,
} from '../../../sdk/src/contract/microdeposits';
import { iso } from './http';
import type { Catalogue } from './catalogue';

/** Virtual time from creation: the request goes out after an hour, the deposits land after a day. */
export const REQUESTED_AFTER_MS = 60 * 60_000;
export const DEPOSITED_AFTER_MS = 24 * 60 * 60_000;

/** The sandbox's two deposits (README "Microdeposits"): $0.07 and $0.03. */
export const SANDBOX_AMOUNTS = [0.07, 0.03] as const;

/**
 * Sandbox routing numbers for each check outcome. Every other number that passes the checksum is
 * VALID; an institution's own number (MX Bank's 123456780…) is IAV_PREFERRED.
 */
export const SANDBOX_CHECK_NUMBERS: Record<Exclude<RoutingCheck, 'VALID' | 'IAV_PREFERRED'>, string> = {
  INVALID: withCheckDigit('11100001'),
  BLOCKED: withCheckDigit('11100002'),
  CLIENT_BLOCKED: withCheckDigit('11100003'),
};
/** A plain routing number with no institution behind it in the catalogue: VALID. */
export const SANDBOX_VALID_NUMBER = withCheckDigit('11100004');

/** Sandbox account numbers whose request ends in that status instead of DEPOSITED. */
export const SANDBOX_ACCOUNT_OUTCOMES: Record<string, MicrodepositStatus> = {
  '10000001': 'ERRORED',
  '10000002': 'REJECTED',
  '10000003': 'CONFLICTED',
};

export interface MicrodepositRecord {
  guid: string;
  user_guid: string;
  /** kept only to check and to show the last four digits; never logged or serialized whole */
  account_number: string | null;
  account_type: string | null;
  account_name: string | null;
  routing_number: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  createdAt: number;
  /** set when the details arrive (a pre-initiated one has none yet) */
  initiatedAt: number | null;
  wrongAttempts: number;
  /** a verify's outcome, which overrides the timeline */
  decided: MicrodepositStatus | null;
  verifiedAt: number | null;
  updatedAt: number;
}

export function routingCheck(catalogue: Catalogue, routingNumber: string): { check: RoutingCheck; codes: string[] } {
  const special = Object.entries(SANDBOX_CHECK_NUMBERS).find(([, n]) => n === routingNumber);
  if (special) return { check: special[0] as RoutingCheck, codes: [] };
  const institutions = (catalogue.byRoutingNumber.get(routingNumber) ?? []).filter(
    (i) => i.supports_account_verification && i.operational_status !== 'unavailable',
  );
  if (institutions.length > 0) return { check: 'IAV_PREFERRED', codes: institutions.map((i) => i.code) };
  return { check: 'VALID', codes: [] };
}

/** Where a microdeposit is now, from its timeline in virtual time and any verify outcome. */
export function microdepositStatus(record: MicrodepositRecord, now: number): MicrodepositStatus {
  if (record.decided) return record.decided;
  if (record.initiatedAt === null) return 'PREINITIATED';
  const elapsed = now - record.initiatedAt;
  if (elapsed < REQUESTED_AFTER_MS) return 'INITIATED';
  const outcome = record.account_number ? SANDBOX_ACCOUNT_OUTCOMES[record.account_number] : undefined;
  if (outcome) return outcome;
  return elapsed < DEPOSITED_AFTER_MS ? 'REQUESTED' : 'DEPOSITED';
}

export type VerifyResult = { ok: true } | { ok: false; status: number; message: string };

/** Checks two amounts: right → VERIFIED; wrong → DENIED; the third wrong pair → PREVENTED. */
export function verifyAmounts(record: MicrodepositRecord, amounts: [number, number], now: number): VerifyResult {
  const status = microdepositStatus(record, now);
  if (status !== 'DEPOSITED' && status !== 'DENIED') {
    return { ok: false, status: 422, message: `This microdeposit cannot be verified while ${status}.` };
  }
  const cents = (n: number) => Math.round(n * 100);
  const given = amounts.map(cents).sort((a, b) => a - b);
  const expected = SANDBOX_AMOUNTS.map(cents).sort((a, b) => a - b);
  record.updatedAt = now;
  if (given[0] === expected[0] && given[1] === expected[1]) {
    record.decided = 'VERIFIED';
    record.verifiedAt = now;
    return { ok: true };
  }
  record.wrongAttempts += 1;
  record.decided = record.wrongAttempts >= MAX_VERIFY_ATTEMPTS ? 'PREVENTED' : 'DENIED';
  return { ok: true };
}

/** MX's shape; the account number only as its last four digits. */
export function microdepositView(record: MicrodepositRecord, catalogue: Catalogue, now: number) {
  const status = microdepositStatus(record, now);
  const institution = record.routing_number ? catalogue.byRoutingNumber.get(record.routing_number)?.[0] : undefined;
  return {
    guid: record.guid,
    status,
    account_name: record.account_name,
    account_number: record.account_number ? `****${record.account_number.slice(-4)}` : null,
    account_type: record.account_type,
    routing_number: record.routing_number,
    first_name: record.first_name,
    last_name: record.last_name,
    email: record.email,
    institution_code: institution?.code ?? null,
    institution_name: institution?.name ?? null,
    error_message: status === 'ERRORED' ? 'The deposits could not be sent to this account.' : null,
    updated_at: iso(Math.max(record.updatedAt, record.initiatedAt ?? 0)),
    verified_at: iso(record.verifiedAt),
  };
}
