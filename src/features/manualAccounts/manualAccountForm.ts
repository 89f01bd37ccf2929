import type { ManualAccountInput } from './manualAccountsApi';
import { parseAmount, type AmbiguousAmount } from '../../i18n/parseAmount';
import {
  FIELDS_BY_TYPE,
  MANUAL_ACCOUNT_TYPES,
  MAX_MANUAL_BALANCE,
  type ManualAccountField,
  type ManualAccountType,
} from '../../../sdk/src/contract/manualAccounts';

/** The form as typed: every value a string, the way the user wrote it. */
export interface ManualAccountDraft {
  account_type: string;
  name: string;
  balance: string;
  is_business: boolean;
  interest_rate: string;
  credit_limit: string;
  original_balance: string;
  minimum_payment: string;
  day_payment_is_due: string;
}

export const EMPTY_DRAFT: ManualAccountDraft = {
  account_type: '',
  name: '',
  balance: '',
  is_business: false,
  interest_rate: '',
  credit_limit: '',
  original_balance: '',
  minimum_payment: '',
  day_payment_is_due: '',
};

export type DraftField = 'account_type' | 'name' | 'balance' | ManualAccountField;
export type FieldProblem = 'required' | 'amount' | 'tooLarge' | 'rate' | 'dueDay' | AmbiguousAmount;
export const MAX_NAME = 100;

function isType(value: string): value is ManualAccountType {
  return (MANUAL_ACCOUNT_TYPES as readonly string[]).includes(value);
}

const withinMax = (value: number) => Math.abs(value) <= MAX_MANUAL_BALANCE;

export function fieldsFor(type: string): readonly ManualAccountField[] {
  return isType(type) ? FIELDS_BY_TYPE[type] : [];
}

/**
 * Checks the draft: the problems by field (in form order), or the request body. Fields that the
 * chosen type does not ask for are left out, even if typed before the type changed.
 */
export function checkDraft(
  draft: ManualAccountDraft,
  locale: string,
): { ok: true; input: ManualAccountInput } | { ok: false; problems: Partial<Record<DraftField, FieldProblem>> } {
  const problems: Partial<Record<DraftField, FieldProblem>> = {};
  const amount = (field: 'balance' | ManualAccountField, text: string, required: boolean) => {
    if (text.trim() === '') {
      if (required) problems[field] = 'required';
      return undefined;
    }
    // an overdrawn account's balance is below zero; a limit or a payment never is
    const reading = parseAmount(text, locale, { negative: field === 'balance', accepts: withinMax });
    if (!reading.ok) problems[field] = reading.problem === 'invalid' ? 'amount' : reading;
    else if (!withinMax(reading.value)) problems[field] = 'tooLarge';
    return reading.ok ? reading.value : undefined;
  };

  if (!isType(draft.account_type)) problems.account_type = 'required';
  if (draft.name.trim() === '') problems.name = 'required';
  const balance = amount('balance', draft.balance, true);
  const input: Partial<ManualAccountInput> = {};
  for (const field of fieldsFor(draft.account_type)) {
    const text = draft[field];
    if (field === 'interest_rate') {
      if (text.trim() === '') continue;
      const rate = parseAmount(text, locale, { maxDecimals: 3, accepts: (n) => n <= 100 });
      if (!rate.ok || rate.value > 100) problems.interest_rate = 'rate';
      else input.interest_rate = rate.value;
    } else if (field === 'day_payment_is_due') {
      if (text.trim() === '') continue;
      const day = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : NaN;
      if (!(day >= 1 && day <= 31)) problems.day_payment_is_due = 'dueDay';
      else input.day_payment_is_due = day;
    } else {
      const value = amount(field, text, false);
      if (value !== undefined) input[field] = value;
    }
  }
  if (Object.keys(problems).length > 0 || !isType(draft.account_type) || balance === undefined) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    input: {
      ...input,
      name: draft.name.trim().slice(0, MAX_NAME),
      account_type: draft.account_type,
      balance,
      is_business: draft.is_business,
    },
  };
}
