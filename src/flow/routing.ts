import type { Institution } from '../api/schemas';
import type { Step } from './steps';

/**
 * An unavailable institution explains itself instead of a form that cannot work; otherwise
 * chooseMethod only when both ways work (OAuth-only and credentials-only skip it).
 */
export function stepAfterInstitution(
  institution: Pick<Institution, 'supports_oauth' | 'supports_credentials'> &
    Partial<Pick<Institution, 'operational_status'>>,
): Step {
  if (institution.operational_status === 'unavailable') return 'institutionUnavailable';
  const credentials = institution.supports_credentials !== false;
  if (institution.supports_oauth && credentials) return 'chooseMethod';
  if (institution.supports_oauth) return 'oauth';
  return 'enterCreds';
}
