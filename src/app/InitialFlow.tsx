import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorKindOf } from '../api/errors';
import { seedManualMemberStatus, useInstitution, useMember, useMembers } from '../api/queries';
import { useConfig } from '../config/ConfigProvider';
import type { Timing } from '../config/timing';
import type { Emitter } from '../embedding/emitter';
import { createFlowStore, FlowStoreContext, type FlowState } from '../flow/store';
import { useT } from '../i18n/translate';
import { Spinner } from '../ui/Spinner';
import { FlowApp } from './FlowApp';
import { resolveInitialStep } from './resolveInitialStep';

interface FlowProps {
  emitter: Emitter;
  framed: boolean;
  timing: Timing;
}

/**
 * Where the flow starts (current_member_guid, current_institution_code): read what the URL names
 * from the server first, then make the flow store there. Nothing renders a step before that.
 */
export function InitialFlow(props: FlowProps) {
  const t = useT();
  const config = useConfig();
  const memberGuid = config.current_member_guid ?? null;
  const member = useMember(memberGuid);
  const code = config.current_institution_code ?? member.data?.institution_code ?? null;
  const institution = useInstitution(code);
  // a user with connections starts at them; a partner who named a member or institution skips them
  const askMembers = memberGuid === null && code === null && !config.current_microdeposit_guid;
  const members = useMembers(askMembers);
  const waiting =
    (memberGuid !== null && member.isPending) ||
    (code !== null && institution.isPending) ||
    (askMembers && members.isPending);
  // without the list of connections the widget still starts (at search), but not without a session
  const membersFailure = members.error && errorKindOf(members.error) === 'sessionExpired' ? members.error : null;
  const failure = member.error ?? institution.error ?? membersFailure;

  if (waiting) {
    return (
      <div className="p-4">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  const initial: Partial<FlowState> = failure
    ? { step: 'error', errorKind: errorKindOf(failure) }
    : resolveInitialStep(config, institution.data, member.data, (members.data?.length ?? 0) > 0);
  return <FlowRoot initial={initial} manual={member.data?.connection_status === null} {...props} />;
}

/** Makes the flow store once, at its initial step. */
function FlowRoot({ initial, manual, ...props }: FlowProps & { initial: Partial<FlowState>; manual: boolean }) {
  const queryClient = useQueryClient();
  const { user_guid } = useConfig();
  const [store] = useState(() => {
    if (manual && initial.memberGuid) seedManualMemberStatus(queryClient, user_guid, initial.memberGuid);
    return createFlowStore(initial);
  });
  return (
    <FlowStoreContext.Provider value={store}>
      <FlowApp store={store} {...props} />
    </FlowStoreContext.Provider>
  );
}
