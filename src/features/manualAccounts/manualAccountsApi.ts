import type { ManualAccountType } from '../../../sdk/src/contract/manualAccounts';
import { userPath, type ApiClient } from '../../api/client';
import { accountSchema, jsonObject } from '../../api/schemas';

/** A manual account as MX's create request names its fields; type-dependent ones only when asked. */
export interface ManualAccountInput {
  name: string;
  account_type: ManualAccountType;
  balance: number;
  is_business: boolean;
  interest_rate?: number;
  credit_limit?: number;
  original_balance?: number;
  minimum_payment?: number;
  day_payment_is_due?: number;
}

const accountResponseSchema = jsonObject({ account: accountSchema });

/**
 * MX's "create manual account" (`POST /users/{guid}/accounts`): it lands under the user's manual
 * member. Loaded with the manual-account screens only.
 */
export const createManualAccount = async (api: ApiClient, userGuid: string, account: ManualAccountInput) =>
  (
    await api.request('POST', `${userPath(userGuid)}/accounts`, accountResponseSchema, {
      body: { account },
    })
  ).account;
