import { iso } from './http';
import { needsUpdatedCredentials, snapshot, type MemberRecord } from './members';

export function memberView(member: MemberRecord, now: number, origin: string) {
  const snap = snapshot(member, now);
  return {
    aggregated_at: iso(snap.aggregatedAt),
    background_aggregation_is_disabled: false,
    connection_status: snap.status,
    connection_status_message: snap.status ? `Member is ${snap.status}.` : null,
    guid: member.guid,
    id: member.id,
    institution_code: member.institution.code,
    institution_guid: member.institution.guid,
    is_being_aggregated: snap.aggregating,
    is_managed_by_user: member.managedByUser,
    is_manual: member.is_manual,
    is_oauth: member.is_oauth,
    metadata: member.metadata,
    most_recent_job_guid: snap.jobGuid,
    name: member.institution.name,
    needs_updated_credentials: needsUpdatedCredentials(snap.status),
    oauth_window_uri: member.is_oauth && snap.status === 'PENDING' ? oauthWindowUri(origin, member.guid) : null,
    successfully_aggregated_at: iso(snap.successfullyAggregatedAt),
    use_cases: ['PFM'],
    user_guid: member.user_guid,
    user_id: member.user_id,
  };
}

export function memberStatusView(member: MemberRecord, now: number) {
  const snap = snapshot(member, now);
  const connected = snap.successfullyAggregatedAt !== null;
  return {
    guid: member.guid,
    connection_status: snap.status,
    is_authenticated: connected || snap.status === 'CHALLENGED',
    is_being_aggregated: snap.aggregating,
    aggregated_at: iso(snap.aggregatedAt),
    successfully_aggregated_at: iso(snap.successfullyAggregatedAt),
    has_processed_accounts: connected,
    has_processed_transactions: connected,
    ...(snap.challenges.length > 0 ? { challenges: snap.challenges } : {}),
  };
}

export function oauthWindowUri(origin: string, memberGuid: string): string {
  return `${origin}/api/oauth/authorize/${encodeURIComponent(memberGuid)}`;
}
