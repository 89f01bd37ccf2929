import { statusClassOf } from '../../connectionStatus/statusTable';

/** What a row of "Your connections" says about a member, from its status class. */
export type ConnectionBadge = 'connected' | 'needsAttention' | 'connecting' | 'unavailable' | 'manual';

export interface MemberState {
  connection_status: string | null;
  is_being_aggregated?: boolean | null;
  is_manual?: boolean | null;
}

export function badgeOf(member: MemberState): ConnectionBadge {
  if (member.is_manual || member.connection_status === null) return 'manual';
  switch (statusClassOf(member.connection_status)) {
    case 'success':
    case 'reconnected':
      return member.is_being_aggregated ? 'connecting' : 'connected';
    case 'transient':
      return 'connecting';
    case 'challenged':
    case 'fixCredentials':
    case 'mfaProblem':
    case 'actAtBank':
      return 'needsAttention';
    default:
      return 'unavailable';
  }
}

/** The row's actions, by badge: Fix where the user can act, Refresh only when connected and idle. */
export function rowActions(badge: ConnectionBadge, managedByUser: boolean) {
  return {
    fix: badge === 'needsAttention',
    refresh: badge === 'connected',
    disconnect: managedByUser,
  };
}
