import type { Institution } from '../api/schemas';
import type { Step } from './steps';

/** chooseMethod only when both ways work; OAuth-only and credentials-only skip it. */
export function stepAfterInstitution(institution: Pick<Institution, 'supports_oauth' | 'supports_credentials'>): Step {
  const credentials = institution.supports_credentials !== false;
  if (institution.supports_oauth && credentials) return 'chooseMethod';
  if (institution.supports_oauth) return 'oauth';
  return 'enterCreds';
}
