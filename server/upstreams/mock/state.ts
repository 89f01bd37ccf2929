import { getCatalogue, type Catalogue } from './catalogue';
import { HttpError } from './http';
import { createVirtualClock, type VirtualClock } from './clock';
import { createFaultBoard, type FaultBoard } from './faults';
import { createRequestLog, type RequestLog } from './log';
import { randomIdSource, type MemberRecord } from './members';
import { buildInstitutionIndex, type InstitutionIndex } from './search';
import type { HelpRequestRecord } from '../../help';
import type { MicrodepositRecord } from './microdeposits';

export interface UserRecord {
  guid: string;
  id: string | null;
  email: string | null;
  metadata: string | null;
}

export interface BackendState {
  clock: VirtualClock;
  catalogue: Catalogue;
  index: InstitutionIndex;
  users: Map<string, UserRecord>;
  members: Map<string, MemberRecord>;
  microDeposits: Map<string, MicrodepositRecord>;
  /** "Get help" requests in mock mode, newest last, at most MAX_HELP_REQUESTS */
  helpRequests: HelpRequestRecord[];
  log: RequestLog;
  faults: FaultBoard;
  nextId: () => string;
  reset(): void;
}

export const MAX_HELP_REQUESTS = 200;

let sharedIndex: InstitutionIndex | undefined;

export function createState(options: { clockSpeed?: number; realNow?: () => number }): BackendState {
  const catalogue = getCatalogue();
  sharedIndex ??= buildInstitutionIndex(catalogue.institutions);
  const state: BackendState = {
    clock: createVirtualClock({ speed: options.clockSpeed ?? 1, realNow: options.realNow }),
    catalogue,
    index: sharedIndex,
    users: new Map(),
    members: new Map(),
    microDeposits: new Map(),
    helpRequests: [],
    log: createRequestLog(),
    faults: createFaultBoard(),
    nextId: randomIdSource(),
    reset() {
      state.users.clear();
      state.members.clear();
      state.helpRequests.length = 0;
      state.microDeposits.clear();
      state.log.clear();
      state.faults.clear();
    },
  };
  return state;
}

/** The user a path names, or the 404 MX answers for an unknown one. */
export function userNamed(state: BackendState, guid: string | undefined): UserRecord {
  const user = state.users.get(guid ?? '');
  if (!user) throw new HttpError(404, `User not found: ${guid ?? ''}`);
  return user;
}

/**
 * A record the user owns, by its guid: an unknown guid and another user's record are the same 404
 * (MX scopes members and microdeposits by user, and says nothing of what others have).
 *
 * @example ownedBy(state.members, user, guid, 'Member')
 */
export function ownedBy<T extends { user_guid: string }>(
  records: ReadonlyMap<string, T>,
  user: UserRecord,
  guid: string,
  noun: string,
): T {
  const record = records.get(guid);
  if (!record || record.user_guid !== user.guid) throw new HttpError(404, `${noun} not found: ${guid}`);
  return record;
}

/** Every record the user owns, in the order they were made. */
export const ownedAll = <T extends { user_guid: string }>(records: ReadonlyMap<string, T>, user: UserRecord): T[] =>
  [...records.values()].filter((r) => r.user_guid === user.guid);
