import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { institutionSchema, memberSchema, type Institution, type Member } from '../api/schemas';
import { parseConfig, type WidgetConfig } from '../config/config';
import type { Step } from '../flow/steps';
import { loadedStepName, resolveInitialStep } from './resolveInitialStep';

function config(query = ''): WidgetConfig {
  const parsed = parseConfig(`?user_guid=USR-1${query}`);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config;
}
const member = (fields: Partial<Member>): Member =>
  v.parse(memberSchema, { guid: 'MBR-1', institution_code: 'mxbank', connection_status: 'CONNECTED', ...fields });
const institution = (fields: Record<string, unknown>): Institution =>
  v.parse(institutionSchema, { code: 'mxbank', name: 'MX Bank', supports_oauth: false, ...fields });

describe('resolveInitialStep: where the widget opens', () => {
  it('a fresh start opens on consent, which leads to search', () => {
    expect(resolveInitialStep(config(), undefined, undefined)).toEqual({
      step: 'consent',
      afterConsent: 'search',
      institutionCode: null,
      memberGuid: null,
      credentialsMode: 'create',
      isOauth: false,
    });
  });

  it('with consent turned off, a fresh start opens on search', () => {
    expect(resolveInitialStep(config('&disable_consent=true'), undefined, undefined)).toMatchObject({
      step: 'search',
    });
    expect(resolveInitialStep(config('&disable_consent=true'), undefined, undefined)).not.toHaveProperty(
      'afterConsent',
    );
  });

  it('a user with connections opens on their connections (after consent unless it is off)', () => {
    expect(resolveInitialStep(config(), undefined, undefined, true)).toMatchObject({
      step: 'consent',
      afterConsent: 'connections',
    });
    expect(resolveInitialStep(config('&disable_consent=true'), undefined, undefined, true)).toMatchObject({
      step: 'connections',
    });
  });

  it('a microdeposit to resume opens on its status, without consent', () => {
    expect(
      resolveInitialStep(config('&mode=verification&current_microdeposit_guid=MIC-1'), undefined, undefined),
    ).toEqual({
      step: 'microdepositStatus',
      microdepositGuid: 'MIC-1',
      institutionCode: null,
      memberGuid: null,
      credentialsMode: 'create',
      isOauth: false,
    });
  });

  it.each<[string, Partial<Member>, Partial<ReturnType<typeof resolveInitialStep>>]>([
    ['a manual member shows as connected', { is_manual: true }, { step: 'connected' }],
    ['a member without a status shows as connected', { connection_status: null }, { step: 'connected' }],
    ['a connected member is fixed with new credentials', {}, { step: 'enterCreds', credentialsMode: 'update' }],
    ['a challenged member shows its challenge', { connection_status: 'CHALLENGED' }, { step: 'connecting' }],
    ['an OAuth member goes through OAuth again', { is_oauth: true }, { step: 'oauth', isOauth: true }],
    ['a denied member is fixed with new credentials', { connection_status: 'DENIED' }, { step: 'enterCreds' }],
  ])('%s, without consent', (_, fields, expected) => {
    const initial = resolveInitialStep(config(), undefined, member(fields));
    expect(initial).toMatchObject({ ...expected, memberGuid: 'MBR-1', institutionCode: 'mxbank' });
    expect(initial).not.toHaveProperty('afterConsent');
  });

  it.each<[string, Record<string, unknown>, string, Step, boolean]>([
    ['OAuth only', { supports_oauth: true, supports_credentials: false }, '', 'oauth', true],
    ['credentials only', {}, '', 'enterCreds', false],
    ['both ways', { supports_oauth: true }, '', 'chooseMethod', false],
    ['unavailable', { operational_status: 'unavailable' }, '', 'institutionUnavailable', false],
    [
      'unable to verify, in verification mode',
      { supports_account_verification: false },
      '&mode=verification',
      'institutionUnavailable',
      false,
    ],
    [
      'able to verify, in verification mode',
      { supports_account_verification: true },
      '&mode=verification',
      'enterCreds',
      false,
    ],
  ])('a pinned institution (%s) opens its step after consent', (_, fields, query, step, isOauth) => {
    expect(resolveInitialStep(config(query), institution(fields), undefined)).toEqual({
      step: 'consent',
      afterConsent: step,
      institutionCode: 'mxbank',
      memberGuid: null,
      credentialsMode: 'create',
      isOauth,
    });
    expect(resolveInitialStep(config(`${query}&disable_consent=true`), institution(fields), undefined)).toMatchObject({
      step,
      isOauth,
    });
  });
});

describe('loadedStepName: the initial_step MX defines for mx/connect/loaded', () => {
  it.each<[Step, string]>([
    ['consent', 'consent'],
    ['connections', 'connections'],
    ['disconnect', 'enterCreds'],
    ['disconnected', 'enterCreds'],
    ['search', 'search'],
    ['manualAccount', 'enterCreds'],
    ['manualAccountAdded', 'enterCreds'],
    ['help', 'enterCreds'],
    ['microdepositRouting', 'enterCreds'],
    ['microdepositHowItWorks', 'enterCreds'],
    ['microdepositAccount', 'enterCreds'],
    ['microdepositPersonal', 'enterCreds'],
    ['microdepositReview', 'enterCreds'],
    ['microdepositStatus', 'microdeposits'],
    ['institutionUnavailable', 'search'],
    ['chooseMethod', 'enterCreds'],
    ['enterCreds', 'enterCreds'],
    ['oauth', 'enterCreds'],
    ['connecting', 'mfa'],
    ['mfa', 'mfa'],
    ['connected', 'connected'],
    ['loginError', 'loginError'],
    ['error', 'loginError'],
  ])('%s opens as %s', (step, name) => {
    expect(loadedStepName(step)).toBe(name);
  });
});
