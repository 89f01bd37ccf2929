import type { Institution, Member } from '../api/schemas';
import type { WidgetConfig } from '../config/config';
import { stepAfterInstitution, stepForMember } from '../flow/routing';
import { STEP_TABLE } from '../flow/steps';
import type { FlowState } from '../flow/store';

type Initial = Pick<FlowState, 'step' | 'institutionCode' | 'memberGuid' | 'credentialsMode' | 'isOauth'> &
  Partial<Pick<FlowState, 'afterConsent' | 'microdepositGuid'>>;

/**
 * Where the widget opens, from the URL config and what the backend says about it. A new connection
 * starts with consent (unless the partner turned it off); fixing an existing member does not.
 */
export function resolveInitialStep(
  config: WidgetConfig,
  institution: Institution | undefined,
  member: Member | undefined,
  hasConnections = false,
): Initial {
  const initial = whereItStarts(config, institution, member, hasConnections);
  // fixing a member or resuming a microdeposit continues what the user already agreed to
  if (member || initial.microdepositGuid || config.disable_consent) return initial;
  return { ...initial, step: 'consent', afterConsent: initial.step };
}

function whereItStarts(
  config: WidgetConfig,
  institution: Institution | undefined,
  member: Member | undefined,
  hasConnections: boolean,
): Initial {
  const base: Initial = {
    step: 'search',
    institutionCode: null,
    memberGuid: null,
    credentialsMode: 'create',
    isOauth: false,
  };
  if (config.current_microdeposit_guid) {
    return { ...base, step: 'microdepositStatus', microdepositGuid: config.current_microdeposit_guid };
  }
  if (member) {
    const common = { ...base, institutionCode: member.institution_code ?? null, memberGuid: member.guid };
    if (member.is_manual || member.connection_status === null) return { ...common, step: 'connected' };
    return { ...common, ...stepForMember(member) };
  }
  if (institution) {
    const step = stepAfterInstitution(institution, config.mode === 'verification');
    return { ...base, step, institutionCode: institution.code, isOauth: step === 'oauth' };
  }
  return hasConnections ? { ...base, step: 'connections' } : base;
}

/** The `initial_step` values MX defines for mx/connect/loaded: the step table's `loadedName` column. */
export function loadedStepName(step: Initial['step']): string {
  return STEP_TABLE[step].loadedName;
}
