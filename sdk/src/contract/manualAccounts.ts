/**
 * Manual accounts (POST /users/{user_guid}/accounts): MX's account types the form offers, the
 * limits both the form and the mock check, and which optional fields belong to which type.
 */
export const MANUAL_ACCOUNT_TYPES = [
  'CHECKING',
  'SAVINGS',
  'LOAN',
  'CREDIT_CARD',
  'INVESTMENT',
  'LINE_OF_CREDIT',
  'MORTGAGE',
  'PROPERTY',
  'CASH',
  'INSURANCE',
  'PREPAID',
  'ANY',
] as const;
export type ManualAccountType = (typeof MANUAL_ACCOUNT_TYPES)[number];

export const MAX_MANUAL_BALANCE = 999_999_999_999;

export type ManualAccountField =
  'interest_rate' | 'credit_limit' | 'original_balance' | 'minimum_payment' | 'day_payment_is_due';

const LIABILITY: readonly ManualAccountField[] = ['minimum_payment', 'day_payment_is_due'];

/** The optional fields each type asks for, in the order the form shows them. */
export const FIELDS_BY_TYPE: Record<ManualAccountType, readonly ManualAccountField[]> = {
  CHECKING: [],
  SAVINGS: ['interest_rate'],
  LOAN: ['interest_rate', 'original_balance', ...LIABILITY],
  CREDIT_CARD: ['interest_rate', 'credit_limit', ...LIABILITY],
  INVESTMENT: [],
  LINE_OF_CREDIT: ['interest_rate', 'credit_limit', ...LIABILITY],
  MORTGAGE: ['interest_rate', 'original_balance', ...LIABILITY],
  PROPERTY: [],
  CASH: [],
  INSURANCE: [],
  PREPAID: [],
  ANY: [],
};
