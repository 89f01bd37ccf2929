import type { MicrodepositInput } from './microdepositsApi';
import { parseAmount, type AmountReading } from '../../i18n/parseAmount';
import { EMAIL_PATTERN, MAX_EMAIL } from '../../../sdk/src/contract/email';
import { ACCOUNT_NUMBER_PATTERN, MAX_DEPOSIT, MIN_DEPOSIT } from '../../../sdk/src/contract/microdeposits';
import { isValidRoutingNumber } from '../../../sdk/src/contract/routingNumber';

/**
 * What the user types in the microdeposit details form. It lives in the form component's state
 * only (MicrodepositForm): never the flow store, never storage, and it is gone when the form is.
 */
export interface MicrodepositDraft {
  routing_number: string;
  account_type: '' | 'CHECKING' | 'SAVINGS';
  account_number: string;
  account_number_confirm: string;
  first_name: string;
  last_name: string;
  email: string;
}
/** What each screen of the form needs: the draft, a way to change it, and where Continue goes. */
export interface FormScreenProps {
  draft: MicrodepositDraft;
  change: (patch: Partial<MicrodepositDraft>) => void;
  /** Continue: the next screen, or back to review when the user came from its edit link */
  next: () => void;
  /** Back: the screen before (the flow's history) */
  back: () => void;
}

export type DraftField = keyof MicrodepositDraft;
export type FieldProblem = 'required' | 'routingFormat' | 'routingChecksum' | 'accountFormat' | 'mismatch' | 'email';
export type Problems = Partial<Record<DraftField, FieldProblem>>;

export const EMPTY_DRAFT: MicrodepositDraft = {
  routing_number: '',
  account_type: '',
  account_number: '',
  account_number_confirm: '',
  first_name: '',
  last_name: '',
  email: '',
};
export const MAX_NAME = 100;

/** Digits only: spaces and dashes people type from a cheque are dropped, anything else stays and fails. */
export const digitsOf = (text: string) => text.replace(/[\s-]/g, '');

export function checkRouting(draft: MicrodepositDraft): Problems {
  const number = digitsOf(draft.routing_number);
  if (!number) return { routing_number: 'required' };
  if (!/^\d{9}$/.test(number)) return { routing_number: 'routingFormat' };
  if (!isValidRoutingNumber(number)) return { routing_number: 'routingChecksum' };
  return {};
}

export function checkAccount(draft: MicrodepositDraft): Problems {
  const problems: Problems = {};
  if (!draft.account_type) problems.account_type = 'required';
  const number = digitsOf(draft.account_number);
  if (!number) problems.account_number = 'required';
  else if (!ACCOUNT_NUMBER_PATTERN.test(number)) problems.account_number = 'accountFormat';
  const confirm = digitsOf(draft.account_number_confirm);
  if (!confirm) problems.account_number_confirm = 'required';
  else if (number && confirm !== number) problems.account_number_confirm = 'mismatch';
  return problems;
}

export function checkPersonal(draft: MicrodepositDraft): Problems {
  const problems: Problems = {};
  if (!draft.first_name.trim()) problems.first_name = 'required';
  if (!draft.last_name.trim()) problems.last_name = 'required';
  const email = draft.email.trim();
  if (!email) problems.email = 'required';
  else if (email.length > MAX_EMAIL || !EMAIL_PATTERN.test(email)) problems.email = 'email';
  return problems;
}

/** The create request, once every screen's check passes; null while any fails. */
export function toInput(draft: MicrodepositDraft): MicrodepositInput | null {
  const problems = { ...checkRouting(draft), ...checkAccount(draft), ...checkPersonal(draft) };
  if (Object.keys(problems).length > 0 || !draft.account_type) return null;
  return {
    routing_number: digitsOf(draft.routing_number),
    account_number: digitsOf(draft.account_number),
    account_type: draft.account_type,
    first_name: draft.first_name.trim(),
    last_name: draft.last_name.trim(),
    email: draft.email.trim(),
  };
}

/** The last four digits, for the review screen and anything after: the number is never shown whole. */
export const maskAccountNumber = (number: string) => `••••${digitsOf(number).slice(-4)}`;

export type AmountProblem = 'required' | 'amount' | Extract<AmountReading, { problem: 'ambiguous' }>;

const inRange = (value: number) => value >= MIN_DEPOSIT && value <= MAX_DEPOSIT;

/**
 * A deposit amount as typed in the user's locale or copied from a statement ("0.07", ".07",
 * "0,07", "$0.07", "7¢"); a text two ways of reading could both put in range is its own problem.
 */
export function parseDeposit(
  text: string,
  locale: string,
): { ok: true; value: number } | { ok: false; problem: AmountProblem } {
  if (!text.trim()) return { ok: false, problem: 'required' };
  const reading = parseAmount(text, locale, { accepts: inRange });
  if (!reading.ok) return { ok: false, problem: reading.problem === 'invalid' ? 'amount' : reading };
  if (!inRange(reading.value)) return { ok: false, problem: 'amount' };
  return { ok: true, value: reading.value };
}
