import { randomUUID } from 'node:crypto';
import { isCorrect, makeChallenge } from './challenges';
import type { Scenario } from './scenarios';
import type { ChallengeType, ConnectionStatusName, MockChallenge, MockInstitution } from './types';

/** Virtual milliseconds between a job's steps ("a few virtual seconds" of aggregation). */
export const STEP_MS = 2_000;
export const OAUTH_PENDING_LIFETIME_MS = 60 * 60_000;
export const DELAYED_FOR_MS = 30_000;

interface Step {
  at: number;
  status: ConnectionStatusName;
  aggregating: boolean;
  challenges?: MockChallenge[];
}

interface Job {
  guid: string;
  startedAt: number;
  steps: Step[];
}

export type OauthDecision = 'authorize' | 'deny' | 'fail';

export interface MemberRecord {
  guid: string;
  id: string | null;
  user_guid: string;
  user_id: string | null;
  institution: MockInstitution;
  is_oauth: boolean;
  is_manual: boolean;
  metadata: string | null;
  /** kept only to detect duplicates; never serialized */
  username: string | null;
  scenario: Scenario | null;
  deniedStreak: number;
  job: Job | null;
  createdAt: number;
  /** the challenge types to ask again when a REJECTED/EXPIRED member aggregates */
  retryChallenges: ChallengeType[] | null;
  lastFinishedAt?: number;
  lastConnectedAt?: number;
  /** the anti-forgery token of the OAuth stand-in page last shown for this member */
  oauthFormToken?: string;
  /** the member's accounts are a single credit card (sandbox password no_checking) */
  onlyCreditCards?: boolean;
  /** false when the partner, not the user, manages it (sandbox username partner_managed): no Disconnect */
  managedByUser: boolean;
  /** how OAuth returns: APP members go back to the app (client_redirect_url, else `<scheme>://oauth_complete`) */
  oauthReturn?: { referralSource: 'BROWSER' | 'APP'; clientRedirectUrl: string | null; scheme: string };
  /** a manual member's accounts, as the user typed them */
  manualAccounts: ManualAccount[];
}

/** An account the user added by hand (POST /users/{guid}/accounts), in MX's field names. */
export interface ManualAccount {
  guid: string;
  member_guid: string;
  name: string;
  type: string;
  subtype: string;
  is_business: boolean;
  balance: number;
  currency_code: 'USD';
  interest_rate: number | null;
  credit_limit: number | null;
  original_balance: number | null;
  minimum_payment: number | null;
  day_payment_is_due: number | null;
  created_at: string;
}

export interface MemberSnapshot {
  status: ConnectionStatusName | null;
  aggregating: boolean;
  challenges: MockChallenge[];
  aggregatedAt: number | null;
  successfullyAggregatedAt: number | null;
  jobGuid: string | null;
}

/**
 * Guids in MX's style, random rather than counted: a guess at another user's member or user guid
 * (say, to authorize their pending OAuth connection) must not succeed.
 */
export function randomIdSource(): () => string {
  return () => randomUUID();
}

function outcome(first: ConnectionStatusName, status: ConnectionStatusName): Step[] {
  return [
    { at: 0, status: first, aggregating: true },
    { at: STEP_MS, status, aggregating: false },
  ];
}

function connectedAfter(first: ConnectionStatusName, offset = STEP_MS): Step[] {
  return [
    { at: 0, status: first, aggregating: true },
    { at: offset, status: 'CONNECTED', aggregating: true },
    { at: offset + STEP_MS, status: 'CONNECTED', aggregating: false },
  ];
}

export function stepsFor(
  member: MemberRecord,
  scenario: Scenario,
  first: ConnectionStatusName,
  nextId: () => string,
): Step[] {
  switch (scenario.kind) {
    case 'connected':
      return connectedAfter(first);
    case 'mfa': {
      const challenges = scenario.challenges.map((type) => makeChallenge(type, nextId));
      return [
        { at: 0, status: first, aggregating: true },
        { at: STEP_MS, status: 'CHALLENGED', aggregating: true, challenges },
        { at: STEP_MS + scenario.expiresAfterMs, status: 'EXPIRED', aggregating: false },
      ];
    }
    case 'outcome':
      return outcome(first, scenario.status);
    case 'denied':
      return outcome(first, member.deniedStreak >= 3 ? 'PREVENTED' : 'DENIED');
    case 'delayed':
      return [
        { at: 0, status: first, aggregating: true },
        { at: STEP_MS, status: 'DELAYED', aggregating: true },
        ...connectedAfter('DELAYED', DELAYED_FOR_MS).slice(1),
      ];
    case 'reconnected':
      return [
        { at: 0, status: first, aggregating: true },
        { at: STEP_MS, status: 'RECONNECTED', aggregating: false },
      ];
    case 'oauth':
      return [{ at: 0, status: 'PENDING', aggregating: false }];
  }
}

export function snapshot(member: MemberRecord, now: number): MemberSnapshot {
  const job = member.job;
  if (!job) {
    return {
      status: null,
      aggregating: false,
      challenges: [],
      aggregatedAt: null,
      successfullyAggregatedAt: null,
      jobGuid: null,
    };
  }
  const elapsed = now - job.startedAt;
  let current: Step | undefined = job.steps[0];
  for (const step of job.steps) if (step.at <= elapsed) current = step;
  if (!current) throw new Error('a job always has a first step');
  const finished = !current.aggregating && current.at > 0 ? job.startedAt + current.at : null;
  return {
    status: current.status,
    aggregating: current.aggregating,
    challenges: current.status === 'CHALLENGED' ? (current.challenges ?? []) : [],
    aggregatedAt: finished ?? member.lastFinishedAt ?? null,
    successfullyAggregatedAt:
      current.status === 'CONNECTED' && !current.aggregating
        ? job.startedAt + current.at
        : (member.lastConnectedAt ?? null),
    jobGuid: job.guid,
  };
}

/** Starts a new job; remembers what the previous job achieved for the *_aggregated_at fields. */
export function startJob(
  member: MemberRecord,
  scenario: Scenario,
  first: ConnectionStatusName,
  now: number,
  nextId: () => string,
): void {
  if (member.job) {
    const before = snapshot(member, now);
    if (before.aggregatedAt) member.lastFinishedAt = before.aggregatedAt;
    if (before.successfullyAggregatedAt) member.lastConnectedAt = before.successfullyAggregatedAt;
  }
  member.deniedStreak = scenario.kind === 'denied' ? member.deniedStreak + 1 : 0;
  if (scenario.kind === 'connected' && scenario.onlyCreditCards) member.onlyCreditCards = true;
  member.scenario = scenario;
  member.retryChallenges = scenario.kind === 'mfa' ? scenario.challenges : null;
  member.job = { guid: `JOB-${nextId()}`, startedAt: now, steps: stepsFor(member, scenario, first, nextId) };
}

export type ResumeResult = { ok: true } | { ok: false; status: 409 | 422; message: string };

export function resume(
  member: MemberRecord,
  answers: { guid: string; value: string }[],
  now: number,
  nextId: () => string,
): ResumeResult {
  const snap = snapshot(member, now);
  if (snap.status !== 'CHALLENGED') {
    return { ok: false, status: 409, message: 'This member has no open challenges to answer.' };
  }
  const byGuid = new Map(snap.challenges.map((c) => [c.guid, c]));
  for (const answer of answers) {
    if (!byGuid.has(answer.guid)) {
      return { ok: false, status: 422, message: `Unknown challenge guid: ${answer.guid}` };
    }
  }
  for (const challenge of snap.challenges) {
    if (!answers.some((a) => a.guid === challenge.guid)) {
      return { ok: false, status: 422, message: `Missing answer for challenge ${challenge.guid}` };
    }
  }
  const allRight = answers.every((a) => {
    const challenge = byGuid.get(a.guid);
    return challenge !== undefined && isCorrect(challenge, a.value);
  });
  const retry = member.retryChallenges;
  if (allRight) {
    startJob(member, { kind: 'connected' }, 'RESUMED', now, nextId);
  } else {
    startJob(member, { kind: 'outcome', status: 'REJECTED' }, 'RESUMED', now, nextId);
  }
  member.retryChallenges = allRight ? null : retry;
  return { ok: true };
}

/** A foreground aggregation: what it leads to depends on where the member stands now. */
export function aggregate(member: MemberRecord, now: number, nextId: () => string): void {
  const snap = snapshot(member, now);
  const scenario = member.scenario;
  if ((snap.status === 'REJECTED' || snap.status === 'EXPIRED') && member.retryChallenges) {
    startJob(
      member,
      { kind: 'mfa', challenges: member.retryChallenges, expiresAfterMs: 10 * 60_000 },
      'RESUMED',
      now,
      nextId,
    );
    return;
  }
  if (snap.status === 'RECONNECTED' || snap.status === 'CONNECTED' || !scenario || scenario.kind === 'reconnected') {
    startJob(member, { kind: 'connected' }, 'RESUMED', now, nextId);
    return;
  }
  if (scenario.kind === 'oauth') {
    // an OAuth member that never finished authorizing stays where it is
    return;
  }
  startJob(member, scenario, 'RESUMED', now, nextId);
}

export function decideOauth(member: MemberRecord, decision: OauthDecision, now: number, nextId: () => string): void {
  const steps: Record<OauthDecision, Step[]> = {
    authorize: [
      { at: 0, status: 'CONNECTED', aggregating: true },
      { at: STEP_MS, status: 'CONNECTED', aggregating: false },
    ],
    deny: [{ at: 0, status: 'DENIED', aggregating: false }],
    fail: [{ at: 0, status: 'FAILED', aggregating: false }],
  };
  if (decision === 'authorize') member.scenario = { kind: 'connected' };
  else member.scenario = { kind: 'outcome', status: decision === 'deny' ? 'DENIED' : 'FAILED' };
  member.job = { guid: `JOB-${nextId()}`, startedAt: now, steps: steps[decision] };
}

export function needsUpdatedCredentials(status: ConnectionStatusName | null): boolean {
  return status === 'DENIED' || status === 'PREVENTED' || status === 'IMPAIRED' || status === 'IMPORTED';
}
