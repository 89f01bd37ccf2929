import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { endsSession, errorKindOf, waitAskedBy, type ErrorKind } from '../api/errors';
import { seedManualMemberStatus, useInstitution, useMember, useMembers } from '../api/queries';
import { useConfig } from '../config/ConfigProvider';
import type { Timing } from '../config/timing';
import type { Emitter } from '../embedding/emitter';
import { createFlowStore, FlowStoreContext, type FlowState } from '../flow/store';
import { useT } from '../i18n/translate';
import { Spinner } from '../ui/Spinner';
import { FlowApp } from './FlowApp';
import { firstReadsOf } from './earlyReads';
import { loadedStepName, resolveInitialStep } from './resolveInitialStep';
import { StartFailed } from './StartFailed';

interface FlowProps {
  emitter: Emitter;
  framed: boolean;
  timing: Timing;
}

interface InitialFlowProps extends FlowProps {
  /** what shows while the first reads are answered: the first paint still on screen, or a spinner */
  waiting?: ReactNode;
}

/** Where the widget starts, once the reads it depends on have answered. */
type Start =
  | { status: 'waiting' }
  /** a read failed in a way that may pass (5xx, network, 429): say so, and offer to read it again */
  | { status: 'failed'; kind: ErrorKind; waitMs: number | undefined; retry: () => void; bank: string }
  | { status: 'ready'; initial: Partial<FlowState>; manual: boolean };

/** Kinds of failure that trying again later can fix; the others end at the error step. */
const PASSING: ReadonlySet<ErrorKind> = new Set(['server', 'network', 'rateLimited']);

/**
 * Where the flow starts (current_member_guid, current_institution_code, the user's members): read
 * what the URL names from the server first, then make the flow store there, once. Later refetches
 * of these reads (a screen watching them, "Try again") never unmake it: the store, the step and
 * the host's `mx/connect/loaded` (sent once per open, here) belong to this one start.
 */
export function InitialFlow({ waiting, ...props }: InitialFlowProps) {
  const t = useT();
  const start = useStart();
  const [ready, setReady] = useState<Extract<Start, { status: 'ready' }> | null>(null);
  // latched during render (React's "state from previous renders"), so the first ready render shows the flow
  if (ready === null && start.status === 'ready') setReady(start);
  useLoadedOnce(
    props.emitter,
    ready ? loadedStepName(ready.initial.step ?? 'search') : start.status === 'failed' ? 'loginError' : null,
  );

  if (ready) return <FlowRoot initial={ready.initial} manual={ready.manual} {...props} />;
  if (start.status === 'failed') return <StartFailed {...start} />;
  if (waiting) return waiting;
  return (
    <div className="p-4">
      <Spinner label={t('common.loading')} />
    </div>
  );
}

/** The reads the first screen depends on, and what they add up to. */
function useStart(): Start {
  const config = useConfig();
  const reads = firstReadsOf(config);
  const memberGuid = reads.memberGuid;
  const member = useMember(memberGuid);
  const code = reads.institutionCode ?? member.data?.institution_code ?? null;
  const institution = useInstitution(code);
  // a user with connections starts at them; a partner who named a member or institution skips them
  const askMembers = reads.members;
  const members = useMembers(askMembers);

  if (
    (memberGuid !== null && member.isPending) ||
    (code !== null && institution.isPending) ||
    (askMembers && members.isPending)
  ) {
    return { status: 'waiting' };
  }
  const failed = failureOf(member, 'member') ?? failureOf(institution, 'institution');
  // without the list of connections the widget still starts (at search, with a note), but not without a session
  const membersFailure = failureOf(members, 'member');
  const failure = failed ?? (endsSession(membersFailure?.kind) ? membersFailure : null);
  if (failure && PASSING.has(failure.kind)) {
    return { status: 'failed', kind: failure.kind, waitMs: failure.waitMs, retry: failure.retry, bank: code ?? '' };
  }
  const initial: Partial<FlowState> = failure
    ? { step: 'error', errorKind: failure.kind }
    : resolveInitialStep(config, institution.data, member.data, (members.data?.length ?? 0) > 0);
  return { status: 'ready', initial, manual: member.data?.connection_status === null };
}

function failureOf(query: UseQueryResult<unknown>, about: 'member' | 'institution') {
  if (!query.isError) return null;
  return {
    kind: errorKindOf(query.error, about),
    waitMs: waitAskedBy(query.error),
    retry: () => void query.refetch(),
  };
}

/** `mx/connect/loaded`, once per open: at the first screen the user sees, whatever follows. */
function useLoadedOnce(emitter: Emitter, initialStep: string | null) {
  const sent = useRef(false);
  useEffect(() => {
    if (initialStep === null || sent.current) return;
    sent.current = true;
    emitter.emit('mx/connect/loaded', { initial_step: initialStep });
  }, [emitter, initialStep]);
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
