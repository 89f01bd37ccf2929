import type { Institution, Member } from '../api/schemas';
import type { Step } from './steps';
import type { MemberFix } from './transitions';

/**
 * An unavailable institution (or, in verification mode, one that cannot verify) explains itself
 * instead of a form that cannot work; otherwise chooseMethod only when both ways work
 * (OAuth-only and credentials-only skip it).
 */
export function stepAfterInstitution(
  institution: Pick<Institution, 'supports_oauth' | 'supports_credentials'> &
    Partial<Pick<Institution, 'operational_status' | 'supports_account_verification'>>,
  verification = false,
): Step {
  if (
    institution.operational_status === 'unavailable' ||
    (verification && institution.supports_account_verification === false)
  )
    return 'institutionUnavailable';
  const credentials = institution.supports_credentials !== false;
  if (institution.supports_oauth && credentials) return 'chooseMethod';
  if (institution.supports_oauth) return 'oauth';
  return 'enterCreds';
}

/**
 * Where fixing an existing member starts: OAuth again for an OAuth member, the challenge for a
 * CHALLENGED one (connecting shows it), new credentials otherwise.
 */
export function stepForMember(member: Pick<Member, 'is_oauth' | 'connection_status'>): MemberFix {
  if (member.is_oauth) return { step: 'oauth', isOauth: true, credentialsMode: 'create' };
  if (member.connection_status === 'CHALLENGED')
    return { step: 'connecting', isOauth: false, credentialsMode: 'create' };
  return { step: 'enterCreds', isOauth: false, credentialsMode: 'update' };
}
