import { describe, expect, it } from 'vitest';
import { stepAfterInstitution, stepForMember } from './routing';

describe('stepAfterInstitution', () => {
  it.each([
    ['both ways: the user chooses', { supports_oauth: true, supports_credentials: true }, false, 'chooseMethod'],
    ['credentials absent means they work', { supports_oauth: true }, false, 'chooseMethod'],
    ['OAuth only', { supports_oauth: true, supports_credentials: false }, false, 'oauth'],
    ['credentials only', { supports_oauth: false }, false, 'enterCreds'],
    [
      'unavailable explains itself',
      { supports_oauth: true, operational_status: 'unavailable' as const },
      false,
      'institutionUnavailable',
    ],
    [
      'degraded still connects',
      { supports_oauth: false, operational_status: 'degraded' as const },
      false,
      'enterCreds',
    ],
    [
      'verification mode: one that cannot verify explains itself',
      { supports_oauth: false, supports_account_verification: false },
      true,
      'institutionUnavailable',
    ],
    [
      'aggregation mode ignores verification support',
      { supports_oauth: false, supports_account_verification: false },
      false,
      'enterCreds',
    ],
    [
      'verification support unknown still connects',
      { supports_oauth: true, supports_credentials: false },
      true,
      'oauth',
    ],
  ])('%s', (_, institution, verification, step) => {
    expect(stepAfterInstitution(institution, verification)).toBe(step);
  });
});

describe('stepForMember', () => {
  it('an OAuth member goes through OAuth again, whatever its status', () => {
    expect(stepForMember({ is_oauth: true, connection_status: 'DENIED' })).toEqual({
      step: 'oauth',
      isOauth: true,
      credentialsMode: 'create',
    });
  });

  it('a challenged member shows its challenge (connecting shows it)', () => {
    expect(stepForMember({ is_oauth: false, connection_status: 'CHALLENGED' })).toEqual({
      step: 'connecting',
      isOauth: false,
      credentialsMode: 'create',
    });
  });

  it.each(['DENIED', 'EXPIRED', 'CONNECTED', null])('a %s member is fixed with new credentials', (status) => {
    expect(stepForMember({ is_oauth: null, connection_status: status })).toEqual({
      step: 'enterCreds',
      isOauth: false,
      credentialsMode: 'update',
    });
  });
});
