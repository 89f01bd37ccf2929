import { iso } from './http';
import { needsUpdatedCredentials, snapshot, type MemberRecord } from './members';
import { seededRandom } from './prng';

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
    is_managed_by_user: true,
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

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const ACCOUNT_KINDS = [
  { name: 'Checking', type: 'CHECKING', subtype: 'NONE' },
  { name: 'Savings', type: 'SAVINGS', subtype: 'NONE' },
  { name: 'Rewards Credit Card', type: 'CREDIT_CARD', subtype: 'NONE' },
];

export function accountsFor(member: MemberRecord) {
  const random = seededRandom(hash(member.guid));
  const kinds = member.onlyCreditCards ? ACCOUNT_KINDS.filter((k) => k.type === 'CREDIT_CARD') : ACCOUNT_KINDS;
  return kinds.map((kind, i) => {
    const balance = Math.round(random() * 800_000) / 100;
    const last4 = String(1000 + Math.floor(random() * 9000));
    return {
      guid: `ACT-${member.guid.slice(4)}-${i + 1}`,
      member_guid: member.guid,
      name: `${member.institution.name} ${kind.name}`,
      type: kind.type,
      subtype: kind.subtype,
      balance,
      available_balance: kind.type === 'CREDIT_CARD' ? Math.round((5000 - balance) * 100) / 100 : balance,
      currency_code: 'USD',
      account_number: `****${last4}`,
    };
  });
}
