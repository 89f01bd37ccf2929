import { getCatalogue, type Catalogue } from './catalogue';
import { createVirtualClock, type VirtualClock } from './clock';
import { createFaultBoard, type FaultBoard } from './faults';
import { createRequestLog, type RequestLog } from './log';
import { randomIdSource, type MemberRecord } from './members';
import { buildInstitutionIndex, type InstitutionIndex } from './search';

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
  log: RequestLog;
  faults: FaultBoard;
  nextId: () => string;
  reset(): void;
}

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
    log: createRequestLog(),
    faults: createFaultBoard(),
    nextId: randomIdSource(),
    reset() {
      state.users.clear();
      state.members.clear();
      state.log.clear();
      state.faults.clear();
    },
  };
  return state;
}
